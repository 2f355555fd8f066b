import { test, expect } from '@playwright/test';
import { credential, expectAccessible, shoot, signIn, signInByLink } from './support';
import { demoPerson } from '../../src/lib/server/bootstrap/demo-data';

const TOP_ACTION = 'One forecast meeting format for the whole company';

test('a sales director’s Monday: home → a clear mover → its area page → the organization report → plan an action at the top', async ({ page }) => {
	test.setTimeout(120_000);
	const admin = credential(/demo/i);
	await signIn(page, admin.email, admin.password);
	await page.goto('/app');

	// The organization's nine areas, movers, lowest units, actions and decisions, each a card.
	await expect(page.getByRole('heading', { name: /^The nine areas: Nordwind Industrial/ })).toBeVisible();
	const movers = page.getByRole('region', { name: /^Biggest movers since/ });
	await expect(movers).toBeVisible();
	await expect(page.getByRole('region', { name: 'Lowest-scoring units by area' }).getByRole('listitem').first()).toBeVisible();
	await expect(page.getByRole('region', { name: 'Open actions' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Decisions due' })).toBeVisible();
	await expect(page.getByRole('link', { name: /^Participation/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Getting started' })).toBeVisible();
	await expectAccessible(page);
	await shoot(page, 'home-admin-desktop');

	// A mover: the demo's teams improved their weak areas between spring and autumn, so there are clear ones.
	const mover = movers.getByRole('link').first();
	await expect(mover).toBeVisible();
	const [area] = (await mover.innerText()).split(' · ');
	await mover.click();
	await page.waitForURL(/\/app\/results\/[0-9a-f-]{36}\/[^/]+\/[a-z_]+$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(area.trim());

	// Back to the organization's report (the breadcrumb's first unit), and plan an action at the top.
	await page.goto('/app');
	await page.getByRole('link', { name: 'Full report' }).click();
	await page.waitForURL(/\/app\/results\/[0-9a-f-]{36}\/organization$/);
	await expect(page.getByRole('link', { name: 'Record a decision' })).toBeVisible();
	await shoot(page, 'home-org-report-desktop');
	await page.getByRole('link', { name: 'Plan an action' }).first().click();
	await expect(page.getByRole('heading', { name: 'New action' })).toBeVisible();
	await expect(page.getByLabel('Unit', { exact: true })).toHaveValue('organization');
	await page.getByLabel('What will be done').fill(TOP_ACTION);
	await page.getByRole('button', { name: 'Create action' }).click();
	await expect(page.getByText('The action was created.')).toBeVisible();
	await expect(page.getByText(/Nordwind Industrial \(demo\)/).first()).toBeVisible();

	// The organization's progress page lists it once, and every action with its unit's name.
	await page.goto('/app/progress/organization');
	await expect(page.getByRole('link', { name: TOP_ACTION })).toHaveCount(1);
	await expect(page.getByRole('link', { name: 'Plan an action' })).toBeVisible();
	const regionAction = page.locator('.act').filter({ hasText: 'Review every territory and give each key account one owner' });
	await expect(regionAction).toHaveCount(3);
	expect((await regionAction.locator('.unit').allInnerTexts()).sort()).toEqual(['Central Europe', 'Nordics', 'Service Nordics']);
	await page.getByLabel('What was decided').fill('Quarterly review of every region’s plan');
	await page.getByRole('button', { name: 'Record a decision' }).last().click();
	await expect(page.getByText('The decision was recorded.')).toBeVisible();
	await expectAccessible(page);
	await shoot(page, 'home-org-progress-desktop');
});

test('a regional manager’s home shows only their region', async ({ page }) => {
	await signInByLink(page, demoPerson(0).email);
	await page.goto('/app');
	await expect(page.getByRole('heading', { name: 'The nine areas: Nordics' })).toBeVisible();
	const lowest = page.getByRole('region', { name: 'Lowest-scoring units by area' });
	for (const other of ['Hamburg', 'Munich', 'Service Sweden', 'Service Norway']) await expect(lowest.getByText(other)).toHaveCount(0);
	await expect(page.getByRole('link', { name: /^Participation/ })).toHaveCount(0);
	await expectAccessible(page);
	await shoot(page, 'home-viewer-desktop');
});

test('the home on a phone: nothing scrolls sideways, accessible @phone', async ({ page }) => {
	const admin = credential(/demo/i);
	await signIn(page, admin.email, admin.password);
	await page.goto('/app');
	await expect(page.getByRole('heading', { name: /^Biggest movers since/ })).toBeVisible();
	expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
	await expectAccessible(page);
	await shoot(page, 'home-admin-phone');
});
