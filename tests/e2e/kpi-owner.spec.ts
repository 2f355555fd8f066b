import { test, expect } from '@playwright/test';
import { credential, expectAccessible, latestEmailTo, shoot, signIn } from './support';
import { demoPerson } from '../../src/lib/server/bootstrap/demo-data';

const admin = credential(/demo organization admin/);
/** The demo's regional manager of the Nordics (a viewer). */
const nordicsManager = demoPerson(0);

test('an admin gives a KPI an owner and takes it away again @phone', async ({ page }) => {
	const device = test.info().project.name;
	await signIn(page, admin.email, admin.password);
	await page.goto('/app/kpis/settings');
	// The demo's money KPIs are the demo admin's.
	const intake = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Order intake', exact: true }) });
	await expect(intake.getByText('Demo Admin')).toBeVisible();
	const href = await page.getByRole('link', { name: 'Customer meetings', exact: true }).getAttribute('href');
	await page.goto(href!);
	const owner = page.getByRole('combobox', { name: 'Owner' });
	await expect(owner).toHaveValue('');
	await owner.selectOption(nordicsManager.email);
	await expectAccessible(page);
	await shoot(page, `kpi-owner-${device}`);
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page).toHaveURL(/\/app\/kpis\/settings$/);
	const meetings = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Customer meetings', exact: true }) });
	await expect(meetings.getByText(nordicsManager.name)).toBeVisible();
	await shoot(page, `kpi-owners-${device}`);

	await page.goto(href!);
	await expect(page.getByRole('combobox', { name: 'Owner' })).toHaveValue(nordicsManager.email);
	await page.getByRole('combobox', { name: 'Owner' }).selectOption('');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page).toHaveURL(/\/app\/kpis\/settings$/);
	await expect(
		page
			.getByRole('row')
			.filter({ has: page.getByRole('link', { name: 'Customer meetings', exact: true }) })
			.getByText(nordicsManager.name)
	).toHaveCount(0);
});

test('the demo admin’s digest of the last month’s alarms is in the outbox', async () => {
	test.setTimeout(150_000);
	// The scheduler's first minutes: the emails job grades the demo board and sends the owner one email.
	let mail = '';
	await expect
		.poll(
			() => {
				try {
					mail = latestEmailTo(admin.email, /New KPI alarms for/);
					return true;
				} catch {
					return false;
				}
			},
			{ timeout: 130_000, intervals: [2000] }
		)
		.toBe(true);
	expect(mail).toMatch(/Order intake, Gothenburg: Well behind plan/);
});
