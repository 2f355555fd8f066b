import { test, expect } from '@playwright/test';
import { credential, expectAccessible, shoot, signIn, signInByLink, state } from './support';
import { demoOrganization, demoPerson } from '../../src/lib/server/bootstrap/demo-data';
import { addMonths, lastClosedMonth, monthKey } from '../../src/lib/kpis/month';

const admin = credential(/demo organization admin/);
/** The demo's regional manager of the Nordics (a viewer of that region). */
const nordicsManager = demoPerson(0).email;
const reviewed = lastClosedMonth(new Date(), 'Europe/Stockholm');

/**
 * Plans and actuals for the demo through the server's own upsert (as the API and the import write them):
 * sales per person in Stockholm from January to the month under review, one on plan, one behind, the rest
 * well behind in that month; order intake as the other teams' own figures. Idempotent: both projects run it.
 */
async function seedDemoFigures() {
	process.env.DATABASE_URL = state().databaseUrl;
	const { db } = await import('../../src/lib/server/db');
	const { installStarterKpis } = await import('../../src/lib/server/kpis/definitions');
	const { upsertKpiValues } = await import('../../src/lib/server/kpis/values');
	const org = await db().selectFrom('organizations').select('id').where('name', '=', demoOrganization.name).executeTakeFirstOrThrow();
	const actor = {
		accountId: null,
		email: 'e2e@example.test',
		isOperator: false,
		via: 'api_token' as const,
		label: 'e2e',
		membership: {
			organizationId: org.id,
			organizationName: demoOrganization.name,
			isDemo: true,
			userId: '',
			name: 'e2e',
			access: 'admin' as const,
			scopeUnitId: null,
			language: 'en' as const
		}
	};
	await installStarterKpis({ organizationId: org.id, actor });
	const units = await db().selectFrom('units').select(['id', 'name']).where('organization_id', '=', org.id).execute();
	const stockholm = units.find((u) => u.name === 'Stockholm')!.id;
	const people = await db()
		.selectFrom('users')
		.select('email')
		.where('organization_id', '=', org.id)
		.where('unit_id', '=', stockholm)
		.orderBy('name')
		.execute();
	const months = Array.from({ length: reviewed.month }, (_, i) => monthKey(addMonths({ year: reviewed.year, month: 1 }, i)));
	const last = monthKey(reviewed);
	const values = months.flatMap((month) => [
		...people.map((p, i) => ({
			kpi: 'sales',
			person: p.email,
			month,
			plan: '100000',
			actual: month !== last || i === 0 ? '101000' : i === 1 ? '88000' : '70000.50'
		})),
		...units
			.filter((u) => ['Gothenburg', 'Hamburg', 'Munich'].includes(u.name))
			.map((u) => ({ kpi: 'order_intake', unit: u.id, month, plan: '500000', actual: '480000' }))
	]);
	await upsertKpiValues({ organizationId: org.id, actor, source: 'api', input: { values } });
	return people.length;
}

test('an admin starts with the starter set and drills the board down to the sales people @phone', async ({ page }) => {
	const device = test.info().project.name;
	await signIn(page, admin.email, admin.password);
	const menu = page.getByText('Menu');
	if (await menu.isVisible()) await menu.click();
	await page.getByRole('navigation', { name: 'Main navigation' }).filter({ visible: true }).getByRole('link', { name: 'KPIs', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'KPIs', level: 1 })).toBeVisible();
	const start = page.getByRole('button', { name: 'Start with the starter set' });
	if (await start.isVisible()) {
		await expect(page.getByRole('link', { name: 'Import plans and actuals' })).toHaveAttribute('href', '/app/kpis/import');
		await start.click();
	}
	await expect(page.getByRole('combobox', { name: 'Month' })).toBeVisible();
	const people = await seedDemoFigures();
	expect(people).toBeGreaterThan(2);

	await page.reload();
	const open = (name: string) => page.getByRole('link', { name, exact: true }).filter({ visible: true }).first().click();
	await open('Industrial Equipment');
	await open('Nordics');
	await open('Stockholm');
	await expect(page.getByRole('navigation', { name: 'Where you are' })).toContainText('Nordics');
	// The month under review: the first person on plan, the second behind (−12 %), the others well behind.
	const chip = (status: string) => page.locator(`[title^="Sales · Month: ${status}"]`).filter({ visible: true });
	await expect(chip('On plan').first()).toBeVisible();
	await expect(chip('Well behind plan').first()).toBeVisible();
	await expect(chip('Behind plan').first()).toContainText('-12%');
	if (device === 'phone') {
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		await page.setViewportSize({ width: 390, height: 844 });
	} else await page.setViewportSize({ width: 1280, height: 800 });
	await expectAccessible(page);
	await shoot(page, `kpis-team-${device}`, { fullPage: false });

	// An earlier month: everyone was on plan then.
	if (reviewed.month > 1) {
		await page.getByRole('combobox', { name: 'Month' }).selectOption(monthKey(addMonths(reviewed, -1)));
		await expect(page).toHaveURL(/month=\d{4}-\d{2}/);
		await expect(chip('Behind plan')).toHaveCount(0);
		await expect(chip('Well behind plan')).toHaveCount(0);
	}
});

test('a regional manager sees the Nordics and nothing above it', async ({ page }) => {
	await signInByLink(page, nordicsManager);
	await page.goto('/app/kpis');
	await expect(page.getByRole('navigation', { name: 'Where you are' })).toHaveText(/Nordics/);
	await expect(page.getByRole('link', { name: 'Stockholm', exact: true }).first()).toBeVisible();
	const response = await page.goto('/app/kpis?unit=organization');
	expect(response?.status()).toBe(404);
});
