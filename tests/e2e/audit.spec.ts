import { test, expect, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { credential, expectAccessible, shoot, signIn, state } from './support';
import { demoOrganization } from '../../src/lib/server/bootstrap/demo-data';

/**
 * The ecosystem audit, the second model in the same engine: an admin runs an audit round of one business
 * area; an executive and a sales person answer it; the demo's earlier audit shows the alignment matrix,
 * and a misalignment becomes an experiment. Desktop and phone, axe on every page.
 */

const SCALE = ['Not at all how we work', 'Only slightly how we work', 'Partly how we work', 'Largely how we work', 'Exactly how we work'];

/** One person of a unit of the demo with this job role, read from the e2e database. */
async function personWithRole(role: string, unit: string, nth: number): Promise<string> {
	process.env.DATABASE_URL = state().databaseUrl;
	const { db } = await import('../../src/lib/server/db');
	const org = await db().selectFrom('organizations').select('id').where('name', '=', demoOrganization.name).executeTakeFirstOrThrow();
	const rows = await db()
		.selectFrom('users')
		.innerJoin('units', 'units.id', 'users.unit_id')
		.select('users.email')
		.where('users.organization_id', '=', org.id)
		.where('users.job_role', '=', role)
		.where('units.name', '=', unit)
		.orderBy('users.email')
		.execute();
	return rows[nth % rows.length].email;
}

/** The survey link of `round` sent to `to`, waiting for the scheduler to send it. */
async function surveyLink(to: string, round: string): Promise<string> {
	for (let i = 0; i < 150; i++) {
		for (const f of readdirSync(state().outbox).sort()) {
			const raw = readFileSync(path.join(state().outbox, f), 'utf8')
				.replace(/=\r?\n/g, '')
				.replace(/=3D/g, '=');
			if (!raw.toLowerCase().includes(`to: ${to.toLowerCase()}`) || !raw.includes(round)) continue;
			const link = /https?:\/\/[^\s"<]+\/s\/[a-z2-7]{58}/.exec(raw)?.[0];
			if (link) return new URL(link).pathname;
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`no invitation to ${to} for ${round}`);
}

/** Answers every statement of every area page (a varied pattern) and submits. */
async function answerAll(page: Page, shotName: string) {
	for (let area = 1; area <= 4; area++) {
		await expect(page.locator('.sv-step')).toHaveText(`Area ${area} of 4`);
		const statements = page.locator('fieldset.sv-st');
		const n = await statements.count();
		expect(n).toBeGreaterThanOrEqual(6);
		for (let i = 0; i < n; i++)
			await statements
				.nth(i)
				.getByRole('radio', { name: SCALE[(i * 3 + area) % 5], exact: true })
				.check();
		if (area === 1) {
			await expectAccessible(page);
			await shoot(page, shotName);
		}
		await page.getByRole('button', { name: area < 4 ? 'Next' : /Review and submit|Next/ }).click();
	}
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review your answers');
	await page.getByRole('button', { name: 'Submit my answers' }).click();
	await expect(page).toHaveURL(/\/s\/thanks$/);
}

test('an admin runs an audit round of a business area, and an executive and a sales person answer it @phone', async ({ page, browser }, info) => {
	test.setTimeout(120_000);
	const device = info.project.name;
	const admin = credential(/demo/i);
	await signIn(page, admin.email, admin.password);
	await page.goto('/app/rounds/new');
	const name = `Ecosystem audit, Industrial Equipment ${device}`;
	await page.getByLabel('Name', { exact: true }).fill(name);
	await page.getByLabel('Assessment model').selectOption({ label: 'Sales management ecosystem audit 1.0' });
	// The audit suggests its quarterly rhythm, and asks executives and support staff too.
	await page.getByLabel('Chosen units').check();
	await page.getByRole('checkbox', { name: /^Industrial Equipment/ }).check();
	await expect(page.getByText('33 people will be invited.')).toBeVisible();
	await expectAccessible(page);
	await shoot(page, `audit-new-round-${device}`, { fullPage: false });
	await page.getByRole('button', { name: 'Launch round' }).click();
	await page.getByRole('dialog', { name: 'Please confirm' }).getByRole('button', { name: 'Launch round' }).click();
	const overlap = page.getByRole('region', { name: 'Some of these people are in an open round already' });
	await overlap.getByRole('button', { name: 'Launch anyway' }).click();
	await page.waitForURL(/\/app\/rounds\/[0-9a-f-]{36}/);
	await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();

	// An executive and a sales person answer from their emailed links, each in a browser of their own.
	const nth = device === 'phone' ? 1 : 0;
	for (const [role, unit] of [
		['executive', 'Industrial Equipment'],
		['sales_person', 'Stockholm']
	]) {
		const context = await browser.newContext({ baseURL: info.project.use.baseURL, viewport: info.project.use.viewport });
		const participant = await context.newPage();
		await participant.goto(await surveyLink(await personWithRole(role, unit, nth), name));
		await expect(participant.getByText(name)).toBeVisible();
		await answerAll(participant, `audit-survey-${role}-${device}`);
		await context.close();
	}
});

test('the demo’s audit shows the alignment matrix, and a misalignment becomes an experiment @phone', async ({ page }, info) => {
	const device = info.project.name;
	const admin = credential(/demo/i);
	await signIn(page, admin.email, admin.password);
	await page.goto('/app/results');
	const href = await page
		.getByRole('link', { name: /Sales ecosystem audit, Q3/ })
		.first()
		.getAttribute('href');
	const round = /\/app\/results\/([0-9a-f-]{36})/.exec(href!)![1];
	const alignment = `/app/results/${round}/organization/alignment`;
	await page.goto(alignment);
	await expect(page.getByRole('heading', { name: /^Alignment/, level: 1 })).toBeVisible();
	const matrix = page.getByRole('region', { name: 'Alignment matrix' });
	await expect(matrix.getByRole('table')).toBeVisible();
	await expect(matrix.getByRole('columnheader', { name: /KPIs and compensation/ })).toBeVisible();
	const flagged = page.locator('ul.pairs > li');
	await expect(flagged).toHaveCount(2);
	await expect(flagged.first().getByRole('heading', { level: 3 })).toContainText(/Sales strategy.*KPIs and compensation/);
	await expect(flagged.first()).toContainText('What it looks like');
	await expectAccessible(page);
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
	await shoot(page, `audit-alignment-${device}`);

	await flagged.first().getByRole('link', { name: 'Start an experiment' }).click();
	await expect(page.getByRole('heading', { name: 'Start an experiment' })).toBeVisible();
	const lever = `Bonus on kept customers in one region (${device})`;
	await page.getByLabel('Hypothesis').fill('If one region’s bonus rewards kept customers, its KPI scores move towards its strategy.');
	await page.getByLabel('The one lever you change').fill(lever);
	await page.getByLabel('Metric to watch').selectOption({ label: 'KPIs and compensation' });
	const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
	await page.getByLabel('Starts').fill(day(7));
	await page.getByLabel('Ends').fill(day(56));
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Start the experiment' }).click();
	await expect(page.getByText('The experiment is planned.')).toBeVisible();
	await page.getByRole('link', { name: 'Back to alignment' }).click();
	const started = page.getByRole('region', { name: 'Experiments from this round' });
	await expect(started.getByRole('link', { name: lever })).toBeVisible();
	await expectAccessible(page);
});
