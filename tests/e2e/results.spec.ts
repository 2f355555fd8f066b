import { test, expect, type Browser } from '@playwright/test';
import { credential, expectAccessible, shoot, signIn, signInByLink } from './support';
import { demoPerson } from '../../src/lib/server/bootstrap/demo-data';

/** The demo's regional manager of the Nordics (a viewer of that region), as the bootstrap creates them. */
const nordicsManager = demoPerson(0).email;

/** Where the admin finds another region's report (to try it as the viewer). */
async function otherRegionHref(browser: Browser): Promise<string> {
	const ctx = await browser.newContext();
	const page = await ctx.newPage();
	const admin = credential(/demo/i);
	await signIn(page, admin.email, admin.password);
	await page.goto('/app/results');
	await page.getByRole('link', { name: /autumn \(generated\)/ }).click();
	await page.getByRole('link', { name: 'Industrial Equipment' }).first().click();
	const href = (await page.getByRole('link', { name: 'Central Europe' }).first().getAttribute('href'))!;
	await ctx.close();
	return href;
}

test('a regional manager reads the demo results, drills into a team and cannot reach other units @phone', async ({ page, browser }) => {
	const device = test.info().project.name;
	const outside = await otherRegionHref(browser);
	await signInByLink(page, nordicsManager);

	const menu = page.getByText('Menu');
	if (await menu.isVisible()) await menu.click();
	await page.getByRole('navigation', { name: 'Main navigation' }).filter({ visible: true }).getByRole('link', { name: 'Results', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Results', level: 1 })).toBeVisible();
	await expect(page.getByText('Generated demo data').first()).toBeVisible();
	await expectAccessible(page);
	await shoot(page, `results-list-${device}`);

	// The demo's newest generated round opens at the viewer's own region, compared with the benchmark.
	await page.getByRole('link', { name: /autumn \(generated\)/ }).click();
	await expect(page.getByRole('heading', { name: 'Nordics', level: 1 })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Scores by area' })).toBeVisible();
	await expect(page.getByText(/Benchmark: \d+ other organizations/)).toBeVisible();
	await expect(
		page
			.getByText(/At or above benchmark|Below benchmark|High/)
			.filter({ visible: true })
			.first()
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Improvement areas' })).toBeVisible();
	await expect(page.getByRole('img', { name: /Scores of Nordics in the nine areas/ }).first()).toBeAttached();
	await expectAccessible(page);
	await shoot(page, `results-region-${device}`);

	// The benchmark can be narrowed to the organization's own industry (a plain GET form).
	await page.getByLabel('Compare with').selectOption('industry');
	await expect(page).toHaveURL(/compare=industry/);
	await expect(page.getByLabel('Compare with')).toHaveValue('industry');

	// Drill into a team from the heatmap, then into one area's statements.
	await page.getByRole('link', { name: 'Stockholm' }).filter({ visible: true }).first().click();
	await expect(page.getByRole('heading', { name: 'Stockholm', level: 1 })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Where you are' }).getByRole('link', { name: 'Nordics' })).toBeVisible();
	await shoot(page, `results-team-${device}`);
	await page.getByRole('link', { name: 'Territory management' }).filter({ visible: true }).first().click();
	await expect(page.getByRole('heading', { name: 'Territory management', level: 1 })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Statements' })).toBeVisible();
	await expectAccessible(page);
	await shoot(page, `results-area-${device}`);

	// Outside the viewer's subtree there is nothing: another region, the whole organization.
	expect((await page.goto(outside))!.status()).toBe(404);
	const org = outside.replace(/\/[^/]+$/, '/organization');
	expect((await page.goto(org))!.status()).toBe(404);
});

test('the report works without JavaScript: charts are drawn on the server', async ({ browser }) => {
	const ctx = await browser.newContext({ javaScriptEnabled: false });
	const page = await ctx.newPage();
	const admin = credential(/demo/i);
	await page.goto('/signin');
	await page.getByLabel('Email').fill(admin.email);
	await page.getByLabel('Password').fill(admin.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.goto('/app/results');
	await page.getByRole('link', { name: /autumn \(generated\)/ }).click();
	await expect(page.getByRole('heading', { name: /Nordwind Industrial/, level: 1 })).toBeVisible();
	expect(await page.locator('svg[role="img"]').count()).toBeGreaterThan(3);
	await page.getByLabel('Benchmark figure').selectOption('median');
	await page.getByRole('button', { name: 'Compare' }).click();
	await expect(page).toHaveURL(/statistic=median/);
	await ctx.close();
});

test('the organization report shows what the teams could not answer; its area page shows the figures per role and each statement’s previous score @phone', async ({
	page
}) => {
	const device = test.info().project.name;
	const admin = credential(/demo/i);
	await signIn(page, admin.email, admin.password);
	await page.goto('/app/results');
	await page.getByRole('link', { name: /autumn \(generated\)/ }).click();
	await expect(page.getByRole('heading', { name: 'Nordwind Industrial (demo)', level: 1 })).toBeVisible();
	// The demo's teams without sales contests or variable pay: a "not used" finding that links to the area.
	const card = page.getByRole('region', { name: 'Answers the team could not give' });
	const finding = card.getByRole('link', { name: /Targets and follow-up: \d+\s?% of the respondents answered “not used in our team”/ });
	await expect(finding).toBeVisible();
	await finding.click();
	await expect(page.getByRole('heading', { name: 'Targets and follow-up', level: 1 })).toBeVisible();

	const byRole = page.getByRole('table', { name: 'Agreement and unanswered by group' });
	await expect(byRole.getByRole('columnheader')).toHaveText(['Everyone', 'Sales people', 'Sales managers']);
	await expect(byRole.getByRole('rowheader')).toHaveText(['Agreement (within one point)', '“Don’t know”', '“Not used in our team”']);
	// Everyone's share of "not used" rests on statements the split hides: hidden per group, not 0 %.
	await expect(byRole.getByRole('row', { name: /Not used/ }).getByRole('cell')).toHaveText([/^\d+\s?%$/, 'hidden', 'hidden']);
	// The spring round is the previous one, on the same model version: statements show what they were.
	await expect(page.getByText('“was”: the same statement’s score in Sales management survey, spring (generated).')).toBeVisible();
	await expect(page.locator('.was').first()).toHaveText(/^was \d\.\d\d$/);
	await expectAccessible(page);
	await shoot(page, `results-area-roles-${device}`);
	await byRole.evaluate((el) => el.scrollIntoView({ block: 'start' }));
	await shoot(page, `results-area-roles-table-${device}`, { fullPage: false });
	await page
		.locator('.was')
		.first()
		.evaluate((el) => el.scrollIntoView({ block: 'center' }));
	await shoot(page, `results-area-was-${device}`, { fullPage: false });
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
});
