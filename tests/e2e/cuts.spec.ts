import { test, expect } from '@playwright/test';
import { credential, expectAccessible, shoot, signIn } from './support';

const admin = credential(/demo organization admin/);

test('a sales director cuts the company by the teams’ country and sales model @phone', async ({ page }) => {
	const device = test.info().project.name;
	await signIn(page, admin.email, admin.password);
	await page.goto('/app/results');
	await page.getByRole('link', { name: /autumn \(generated\)/ }).click();
	const heat = page.getByRole('region', { name: 'Units compared' });
	await heat.getByLabel('Rows').selectOption('country');
	await expect(page).toHaveURL(/cut=country/);
	await expect(heat.getByText(/grouped by the country of their team/)).toBeVisible();

	// Germany is one whole region: always shown. The service manager has no country: one person, never shown.
	const rows = device === 'phone' ? heat.locator('li.unit-card') : heat.locator('table tbody tr');
	await expect(rows.filter({ hasText: 'Germany' }).first()).toContainText(/\d[.,]\d\d/);
	await expect(rows.filter({ hasText: 'No value' }).first()).toContainText(/cannot be added up from units that are shown/);
	// Rows name values, not units: nothing to open.
	await expect(rows.filter({ hasText: 'Germany' }).getByRole('link')).toHaveCount(0);

	// Back to the sub-units, keeping the other choices.
	await heat.getByLabel('Rows').selectOption('');
	await expect(page).not.toHaveURL(/cut=country/);
	await expect(heat.getByRole('link', { name: 'Industrial Equipment' }).filter({ visible: true })).toBeVisible();
	await heat.getByLabel('Rows').selectOption('sales_model');
	await expect(rows.filter({ hasText: 'Territory' }).first()).toBeVisible();
	if (device === 'phone') expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
	await expectAccessible(page);
	await shoot(page, `heatmap-cut-${device}`);
});
