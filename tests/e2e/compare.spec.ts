import { test, expect } from '@playwright/test';
import { expectAccessible, shoot, signInByLink } from './support';
import { demoPerson } from '../../src/lib/server/bootstrap/demo-data';

/** The demo's regional manager of the Nordics (a viewer of that region). */
const nordicsManager = demoPerson(0).email;

test('a regional manager compares a team with its region and the whole company @phone', async ({ page }) => {
	const device = test.info().project.name;
	await signInByLink(page, nordicsManager);
	await page.goto('/app/results');
	await page.getByRole('link', { name: /autumn \(generated\)/ }).click();
	await expect(page.getByRole('heading', { name: 'Nordics', level: 1 })).toBeVisible();
	await page.getByRole('link', { name: 'Stockholm' }).filter({ visible: true }).first().click();
	await expect(page.getByRole('heading', { name: 'Stockholm', level: 1 })).toBeVisible();

	// Next to the region: its area scores beside the team's (a plain GET form).
	await page.getByLabel('Next to').selectOption('parent');
	await expect(page).toHaveURL(/within=parent/);
	await expect(page.getByText('Scores of Nordics are shown next to this unit’s')).toBeVisible();
	const table = page.locator('table.areas');
	if (device === 'desktop') await expect(table.getByRole('columnheader', { name: 'Nordics' })).toBeVisible();
	else await expect(page.locator('ol.narrow .line', { hasText: /Nordics\s+\d/ }).first()).toBeVisible();

	// Next to the whole company, which this viewer cannot open on its own.
	await page.getByLabel('Next to').selectOption('organization');
	await expect(page).toHaveURL(/within=organization/);
	await expect(page.getByText(/Scores of Nordwind Industrial \(demo\) are shown next to this unit’s/)).toBeVisible();
	await expectAccessible(page);
	await shoot(page, `compare-team-${device}`);
});

test('the heatmap shows differences, and one card per unit on a phone @phone', async ({ page }) => {
	const device = test.info().project.name;
	await signInByLink(page, nordicsManager);
	await page.goto('/app/results');
	await page.getByRole('link', { name: /autumn \(generated\)/ }).click();
	const heat = page.getByRole('region', { name: 'Units compared' });
	await heat.getByLabel('Difference from the benchmark').check();
	await expect(heat.getByText(/Each cell is the unit’s score minus that of the benchmark/)).toBeVisible();
	if (device === 'phone') {
		// No sideways scrolling: the page is no wider than the screen, and each unit is a card naming every area.
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		const card = heat.locator('li.unit-card').filter({ hasText: 'Stockholm' });
		await expect(card.getByText('Territory management')).toBeVisible();
		await expect(card.locator('dd').first()).toHaveText(/^[+−-]?\d[.,]\d\d$|^–$/);
	} else {
		await expect(heat.locator('table td.c').first()).toHaveText(/^[+−-]?\d[.,]\d\d$|^–$/);
	}
	await expectAccessible(page);
	await shoot(page, `heatmap-difference-${device}`);
});
