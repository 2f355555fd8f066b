import { test, expect } from '@playwright/test';
import { expectAccessible, shoot, signInByLink, state } from './support';
import { demoOrganization } from '../../src/lib/server/bootstrap/demo-data';

/** Two sales people (participants) of the demo's Stockholm team, read from the e2e database. */
async function stockholmPeople() {
	process.env.DATABASE_URL = state().databaseUrl;
	const { db } = await import('../../src/lib/server/db');
	const org = await db().selectFrom('organizations').select('id').where('name', '=', demoOrganization.name).executeTakeFirstOrThrow();
	return db()
		.selectFrom('users')
		.innerJoin('units', 'units.id', 'users.unit_id')
		.select(['users.name', 'users.email'])
		.where('users.organization_id', '=', org.id)
		.where('units.name', '=', 'Stockholm')
		.where('users.access', '=', 'participant')
		.where('users.job_role', '=', 'sales_person')
		.orderBy('users.name')
		.limit(2)
		.execute();
}

test('a sales person signs in by link and sees their own KPI figures and their team’s (also as a download), and nothing else @phone', async ({
	page
}, info) => {
	test.setTimeout(90_000);
	const [a, b] = await stockholmPeople();
	const [me, colleague] = info.project.name === 'phone' ? [b, a] : [a, b];
	await signInByLink(page, me.email);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

	// The menu (a phone keeps it folded): home, KPIs and settings only.
	await expect(page.locator('header a[href="/app/kpis"]')).not.toHaveCount(0);
	for (const href of ['/app/results', '/app/actions', '/app/rounds']) await expect(page.locator(`header a[href="${href}"]`)).toHaveCount(0);

	await page.goto('/app/kpis');
	await expect(page.getByRole('heading', { level: 1, name: 'KPIs' })).toBeVisible();
	await expect(page.getByText(me.name).filter({ visible: true }).first()).toBeVisible(); // a table row, or a card on a phone
	await expect(page.getByText(colleague.name)).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Monthly review' })).toHaveCount(0);
	await shoot(page, `participant-kpis-${info.project.name}`);
	await expectAccessible(page);

	// The board's download holds the same rows: theirs and the team's total, no colleague.
	const csv = await page.request.get((await page.getByRole('link', { name: 'CSV' }).getAttribute('href'))!);
	expect(csv.status()).toBe(200);
	expect(await csv.text()).toContain(me.name);
	expect(await csv.text()).not.toContain(colleague.name);

	for (const path of ['/app/results', '/app/actions', '/app/kpis/review']) expect((await page.goto(path))?.status(), path).toBe(404);
});
