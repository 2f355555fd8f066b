import { test, expect } from '@playwright/test';
import { credential, expectAccessible, shoot, signIn } from './support';

const admin = credential(/demo organization admin/);

/**
 * Which practices go with hitting target, on the demo: its six teams are fewer than the eight an
 * association needs, so the page says why it shows none; the monthly review names the areas behind an
 * alarm with the team's latest scores and links to them in the team's report.
 */
test('practices and target: the empty state on the demo, and the review’s way from an alarm to its areas @phone', async ({ page }, info) => {
	const phone = info.project.name === 'phone';
	await signIn(page, admin.email, admin.password);
	await page.goto('/app/kpis');
	const link = page.getByRole('link', { name: 'Practices and target' });
	await page.goto((await link.getAttribute('href'))!);
	await expect(page.getByRole('heading', { level: 1, name: 'Which practices go with hitting target' })).toBeVisible();
	await expect(page.getByLabel('Unit')).toBeVisible();
	await expect(page.getByLabel('KPI')).toHaveValue('order_intake');
	await expect(page.getByText(/Compared: the \d teams at the bottom of the tree/)).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Not enough teams to compare' })).toBeVisible();
	await expect(page.getByText(/at least 8 teams/)).toBeVisible();
	await expect(page.getByText(/Association is not cause/)).toBeVisible();
	// No sideways scrolling on a phone (a long round name included).
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
	await expectAccessible(page);
	await shoot(page, `practices-${info.project.name}`);

	// The form is a plain GET: another KPI by its query, no JavaScript needed.
	const url = new URL(page.url());
	url.searchParams.set('kpi', 'forecast_accuracy');
	await page.goto(url.pathname + url.search);
	await expect(page.getByLabel('KPI')).toHaveValue('forecast_accuracy');

	// The review of a slipping team: each alarm names the practices behind it, with the team's scores.
	await page.goto('/app/kpis');
	const open = async (name: string) => {
		const a = page.getByRole('link', { name, exact: true }).filter({ visible: true }).first();
		await page.goto((await a.getAttribute('href'))!);
	};
	for (const name of ['Industrial Equipment', phone ? 'Central Europe' : 'Nordics', phone ? 'Munich' : 'Gothenburg']) await open(name);
	await page.goto((await page.getByRole('link', { name: 'Monthly review' }).getAttribute('href'))!);
	const intake = page.locator('li.alarm', { has: page.getByRole('heading', { name: 'Order intake' }) }).first();
	const areas = intake.locator('.alarm-areas');
	await expect(areas).toContainText('Practices that go with this KPI:');
	const targets = areas.getByRole('link', { name: /^Targets and follow-up/ });
	if (phone) {
		// Munich's results are shown: each area links to that area of its latest report, with the score and
		// its status where the report shows them (an area its team answered alike is hidden there too).
		expect(await targets.getAttribute('href')).toMatch(/^\/app\/results\/[0-9a-f-]{36}\/[0-9a-f-]{36}\/targets$/);
		await expect(page.locator('.alarm-areas a', { hasText: /^[A-Z][a-z -]+ \(\d[.,]\d\d, [a-z ]+\)$/ }).first()).toBeVisible();
	} else {
		// Gothenburg is too small for its results to be shown: only the name, linking to the practices page.
		await expect(targets).toHaveText('Targets and follow-up');
		expect(await targets.getAttribute('href')).toMatch(/^\/app\/kpis\/practices\?unit=[0-9a-f-]{36}&kpi=order_intake$/);
	}
	await expectAccessible(page);
	await shoot(page, `practices-review-${info.project.name}`);
	await page.goto((await targets.getAttribute('href'))!);
	if (phone) await expect(page.getByRole('heading', { level: 1 })).toContainText('Targets and follow-up');
	else await expect(page.getByRole('heading', { name: 'Not enough teams to compare' })).toBeVisible();
});
