import { test, expect, type Page } from '@playwright/test';
import { credential, expectAccessible, shoot, signIn } from './support';

/**
 * Experiments from a round's results, on the demo's SOS round (its model declares no alignment pairs,
 * so the alignment page says so), and the organization's report of the demo's ecosystem audit round:
 * its alignment section leads to the matrix.
 */
async function demoReport(page: Page): Promise<{ round: string; unit: string }> {
	const admin = credential(/demo/i);
	await signIn(page, admin.email, admin.password);
	await page.goto('/app/results');
	await page.getByRole('link', { name: /autumn \(generated\)/ }).click();
	await page.getByRole('link', { name: 'Industrial Equipment' }).first().click();
	await page.waitForURL(/\/app\/results\/[0-9a-f-]{36}\/[0-9a-f-]{36}/);
	await expect(page.getByRole('heading', { name: 'Industrial Equipment', level: 1 })).toBeVisible();
	const [, round, unit] = /\/app\/results\/([0-9a-f-]{36})\/([0-9a-f-]{36})/.exec(page.url())!;
	return { round, unit };
}

test('an admin starts an experiment from a round, sees it beside the round’s alignment, and records its result', async ({ page }) => {
	const { round, unit } = await demoReport(page);
	// A report of the SOS model has no alignment section.
	await expect(page.getByRole('region', { name: 'Alignment', exact: true })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Open the alignment matrix' })).toHaveCount(0);
	const alignment = `/app/results/${round}/${unit}/alignment`;
	await page.goto(alignment);
	await expect(page.getByRole('heading', { name: /^Alignment/, level: 1 })).toBeVisible();
	await expect(page.getByText('declares no alignment pairs')).toBeVisible();
	await expectAccessible(page);

	await page.goto(`/app/experiments/new?round=${round}&unit=${unit}&back=${encodeURIComponent(alignment)}`);
	await expect(page.getByRole('heading', { name: 'Start an experiment' })).toBeVisible();
	await page.getByLabel('Hypothesis').fill('If every forecast is reviewed weekly, the forecast lands within 10 %.');
	await page.getByLabel('The one lever you change').fill('Weekly forecast review in Industrial Equipment');
	await page.getByLabel('Metric to watch').selectOption({ label: 'Forecasting' });
	// A window of ten weeks is refused, with the reason beside the end date.
	await page.getByLabel('Starts').fill('2027-01-04');
	await page.getByLabel('Ends').fill('2027-03-15');
	await page.getByRole('button', { name: 'Start the experiment' }).click();
	await expect(page.getByText('The experiment runs 6–8 weeks').first()).toBeVisible();
	await expect(page.getByLabel('The one lever you change')).toHaveValue('Weekly forecast review in Industrial Equipment');
	await page.getByLabel('Ends').fill('2027-02-22');
	await expectAccessible(page);
	await shoot(page, 'experiment-new-desktop');
	await page.getByRole('button', { name: 'Start the experiment' }).click();
	await expect(page.getByText('The experiment is planned.')).toBeVisible();

	await page.getByLabel('Status').selectOption({ label: 'Done' });
	await page.getByLabel('Result').fill('Forecast within 7 % in five of six weeks.');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Saved.')).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Back to alignment' }).click();
	const started = page.getByRole('region', { name: 'Experiments from this round' });
	await expect(started.getByRole('link', { name: 'Weekly forecast review in Industrial Equipment' })).toBeVisible();
	await expect(started.getByText('Forecast within 7 % in five of six weeks.')).toBeVisible();
	await expect(started.getByText('Done', { exact: true })).toBeVisible();
	await shoot(page, 'alignment-desktop');
});

test('the alignment page and the experiment form fit a phone and are accessible @phone', async ({ page }) => {
	const { round, unit } = await demoReport(page);
	await page.goto(`/app/results/${round}/${unit}/alignment`);
	await expect(page.getByRole('heading', { name: /^Alignment/, level: 1 })).toBeVisible();
	await expectAccessible(page);
	await page.goto(`/app/experiments/new?round=${round}&unit=${unit}`);
	await expect(page.getByRole('heading', { name: 'Start an experiment' })).toBeVisible();
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
	await expectAccessible(page);
	await shoot(page, `experiment-new-${test.info().project.name}`);
});

/** The organization's report of the demo's ecosystem audit round. */
async function auditReport(page: Page): Promise<string> {
	const admin = credential(/demo/i);
	await signIn(page, admin.email, admin.password);
	await page.goto('/app/results');
	await page
		.getByRole('link', { name: /ecosystem audit/i })
		.first()
		.click();
	await page.waitForURL(/\/app\/results\/[0-9a-f-]{36}\/[^/?]+/);
	const [, round] = /\/app\/results\/([0-9a-f-]{36})\//.exec(page.url())!;
	await page.goto(`/app/results/${round}/organization`);
	return round;
}

test('the organization’s report of an audit round summarises its misalignments and leads to the matrix @phone', async ({ page }) => {
	const phone = test.info().project.name === 'phone';
	const round = await auditReport(page);
	const section = page.getByRole('region', { name: 'Alignment', exact: true });
	await expect(section).toBeVisible();
	await expect(section.getByText(/should agree but are 0\.75 or more apart: [1-9] of 4/)).toBeVisible();
	await expect(section.getByText('What it looks like:').first()).toBeVisible();
	// In the report's order: after the improvement areas, before the perception gap.
	const order = await page.locator('h2').allTextContents();
	const at = (name: string) => order.findIndex((h) => h.startsWith(name));
	expect(at('Alignment')).toBeGreaterThan(at('Improvement areas'));
	expect(at('Alignment')).toBeLessThan(at('How each group sees it'));
	if (phone) expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
	await expectAccessible(page);
	await section.scrollIntoViewIfNeeded();
	await shoot(page, `report-alignment-${test.info().project.name}`);
	await section.getByRole('link', { name: 'Open the alignment matrix' }).click();
	await page.waitForURL(`**/app/results/${round}/organization/alignment`);
	await expect(page.getByRole('heading', { name: 'Alignment matrix', level: 2 })).toBeVisible();
	await expect(page.getByRole('table')).toBeVisible();
	await expectAccessible(page);
	await shoot(page, `audit-alignment-${test.info().project.name}`);
});
