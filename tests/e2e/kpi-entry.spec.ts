import { test, expect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { credential, expectAccessible, shoot, signIn, state } from './support';
import { demoOrganization } from '../../src/lib/server/bootstrap/demo-data';
import { lastClosedMonth, monthKey } from '../../src/lib/kpis/month';

const admin = credential(/demo organization admin/);
const reviewed = lastClosedMonth(new Date(), 'Europe/Stockholm');
const TEAM = 'Service Norway'; // no other journey reads this team's customer meetings

/** The demo team's people (emails) and the team's id, read from the e2e database. */
async function team() {
	process.env.DATABASE_URL = state().databaseUrl;
	const { db } = await import('../../src/lib/server/db');
	const org = await db().selectFrom('organizations').select('id').where('name', '=', demoOrganization.name).executeTakeFirstOrThrow();
	const unit = await db().selectFrom('units').select('id').where('organization_id', '=', org.id).where('name', '=', TEAM).executeTakeFirstOrThrow();
	const people = await db().selectFrom('users').select(['id', 'email']).where('unit_id', '=', unit.id).orderBy('name').orderBy('email').execute();
	return { unitId: unit.id, people };
}

/** A workbook in the template's shape: one row per person and month. */
async function workbook(rows: (string | number)[][]): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('Values');
	ws.addRow(['KPI', 'Unit', 'Person', 'Month', 'Plan', 'Actual']);
	for (const r of rows) ws.addRow(r);
	return Buffer.from(await wb.xlsx.writeBuffer());
}

async function importFile(page: Page, name: string, buffer: Buffer) {
	await page.goto('/app/kpis/import');
	await page.locator('input#file').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
	await page.getByRole('button', { name: 'Check the file' }).click();
	await expect(page.getByText(/Everything looks right/)).toBeVisible({ timeout: 20_000 });
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByText(/^Imported: /)).toBeVisible({ timeout: 20_000 });
}

test('an admin imports a year of plans and a month of actuals, then corrects one figure by hand', async ({ page }) => {
	test.setTimeout(120_000);
	const { unitId, people } = await team();
	expect(people.length).toBeGreaterThan(1);
	await signIn(page, admin.email, admin.password);

	// The template is offered in both formats.
	await page.goto('/app/kpis/import');
	const template = await page.request.get((await page.getByRole('link', { name: /Excel/ }).first().getAttribute('href'))!);
	expect(template.status()).toBe(200);

	const months = Array.from({ length: 12 }, (_, i) => `${reviewed.year}-${String(i + 1).padStart(2, '0')}`);
	const plans = people.flatMap((p) => months.map((m) => ['customer_meetings', '', p.email, m, 40, '']));
	await importFile(page, 'plans.xlsx', await workbook(plans));
	const actuals = people.map((p, i) => ['Customer meetings', '', p.email, monthKey(reviewed), '', 44 + i]);
	await importFile(page, 'actuals.xlsx', await workbook(actuals));

	// The first person's year by hand: the imported plan and actual are there; one actual is corrected.
	const first = people[0];
	await page.goto(`/app/kpis/values?kpi=customer_meetings&unit=${unitId}&person=${first.id}&year=${reviewed.year}`);
	await expect(page.getByRole('heading', { level: 1, name: 'Enter plans and actuals' })).toBeVisible();
	const month = new Date(`${monthKey(reviewed)}-15T12:00:00Z`).toLocaleDateString('en', { month: 'long', timeZone: 'UTC' });
	await expect(page.getByLabel('Plan, January')).toHaveValue(/^40(\.0+)?$/);
	const actual = page.getByLabel(`Actual, ${month}`);
	await expect(actual).toHaveValue(/^44(\.0+)?$/);
	await actual.fill('45,5');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByText('Saved 1 months.')).toBeVisible();
	await expect(page.getByLabel(`Actual, ${month}`)).toHaveValue(/^45\.50*$/);
	const corrections = page.getByRole('region', { name: 'Corrections' });
	// Newest first: the hand correction, then the import's (the demo had generated an actual before).
	await expect(corrections.getByRole('listitem').first()).toContainText(`${month}, Actual: 44 → 45.5`);
	await expect(corrections.getByRole('listitem').first()).toContainText('by hand');
	await expect(corrections.getByRole('listitem').nth(1)).toContainText('import');

	// A wrong figure is named at its cell, and nothing is saved.
	await page.getByLabel('Plan, March').fill('forty');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('alert')).toContainText('Nothing was saved');
	await expect(page.getByLabel('Plan, March')).toHaveAttribute('aria-invalid', 'true');
	await shoot(page, 'kpi-entry');
	await expectAccessible(page);
});

test('hand entry on desktop and phone: nothing scrolls sideways, accessible @phone', async ({ page }) => {
	await signIn(page, admin.email, admin.password);
	await page.goto('/app/kpis');
	await page.goto((await page.getByRole('link', { name: 'Enter by hand' }).getAttribute('href'))!);
	await expect(page.getByRole('heading', { level: 1, name: 'Enter plans and actuals' })).toBeVisible();
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
	await shoot(page, 'kpi-entry-phone');
	await expectAccessible(page);
});
