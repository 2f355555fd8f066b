import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectAccessible, latestEmailTo, shoot, signInByLink } from './support';
import { demoPerson } from '../../src/lib/server/bootstrap/demo-data';

/** The demo's Nordics regional manager, and the team lead of Stockholm (a team in the Nordics). */
const regional = demoPerson(0);
const stockholmLead = demoPerson(1);
const REGION_ACTION = 'Monthly territory review in the Nordics';
const TEAM_ACTION = 'Joint visit with every sales person in Stockholm';

async function download(page: Page, format: string): Promise<Buffer> {
	await page.getByRole('button', { name: format }).click();
	await page.waitForURL(/\/app\/exports\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { name: format, level: 1 })).toBeVisible();
	const done = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download' }).click({ timeout: 30_000 });
	const file = await done;
	return readFileSync((await file.path())!);
}

test('a regional manager plans two actions, records a decision and takes the PDF and the deck to the meeting; the team lead sees only their own', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	await signInByLink(page, regional.email);
	await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Results', exact: true }).click();
	await page.getByRole('link', { name: /autumn \(generated\)/ }).click();
	await expect(page.getByRole('heading', { name: 'Nordics', level: 1 })).toBeVisible();
	const report = page.url();

	// An action for the region, from its first improvement area: the finding is written out for the reason.
	await page.getByRole('region', { name: 'Improvement areas' }).getByRole('link', { name: 'Plan an action' }).first().click();
	await expect(page.getByRole('heading', { name: 'New action' })).toBeVisible();
	await expect(page.getByRole('note').filter({ hasText: 'Finding:' })).toContainText(/\d\.\d\d/);
	await expect(page.getByLabel('Why')).toHaveValue(/autumn \(generated\)/);
	await page.getByLabel('What will be done').fill(REGION_ACTION);
	await page.getByLabel('Due date').fill('2027-02-26');
	await expectAccessible(page);
	await shoot(page, 'action-new-desktop');
	await page.getByRole('button', { name: 'Create action' }).click();
	await expect(page.getByText('The action was created.')).toBeVisible();
	await page.getByLabel('Add a progress note').fill('Agreed in the results meeting; first review on Monday.');
	await page.getByRole('button', { name: 'Save note' }).click();
	await expect(page.getByText('The note was added.')).toBeVisible();
	await expectAccessible(page);

	// A second one for the Stockholm team, owned by its team lead.
	await page.goto(report);
	await page.getByRole('region', { name: 'Improvement areas' }).getByRole('link', { name: 'Plan an action' }).nth(1).click();
	await page.getByLabel('Unit', { exact: true }).selectOption({ label: 'Industrial Equipment › Nordics › Stockholm' });
	await page.getByLabel('What will be done').fill(TEAM_ACTION);
	await page.getByLabel('Owner').selectOption({ label: stockholmLead.name });
	await page.getByRole('button', { name: 'Create action' }).click();
	await expect(page.getByText('The action was created.')).toBeVisible();
	const teamActionUrl = page.url().replace(/\?.*$/, '');

	// Both are listed, and the report shows them among the unit's open actions.
	await page.goto('/app/actions');
	await expect(page.getByRole('link', { name: REGION_ACTION })).toBeVisible();
	await expect(page.getByRole('link', { name: TEAM_ACTION })).toBeVisible();
	const regionActionUrl = (await page.getByRole('link', { name: REGION_ACTION }).getAttribute('href'))!;
	await shoot(page, 'actions-list-desktop');
	await page.goto(report);
	await expect(page.getByRole('link', { name: TEAM_ACTION })).toBeVisible();

	// A decision on the progress page, shown next to the scores across rounds.
	await page.getByRole('link', { name: 'Progress over time' }).click();
	await expect(page.getByRole('heading', { name: 'Progress of Nordics' })).toBeVisible();
	await page.getByLabel('What was decided').fill('Team leads coach in the field every Friday');
	await page.getByLabel('Why', { exact: true }).fill('Joint field visits are our weakest area');
	await page.getByRole('button', { name: 'Record a decision' }).last().click();
	await expect(page.getByText('The decision was recorded.')).toBeVisible();
	await expect(page.getByText('Team leads coach in the field every Friday').first()).toBeVisible();
	await expect(
		page
			.getByRole('cell', { name: 'Territory management' })
			.or(page.getByRole('rowheader', { name: 'Territory management' }))
			.first()
	).toBeVisible();
	await expectAccessible(page);
	await shoot(page, 'progress-desktop');

	// The PDF and the deck, made on the server.
	await page.goto(report);
	expect((await download(page, 'PDF report')).subarray(0, 5).toString()).toBe('%PDF-');
	await page.goto(report);
	expect((await download(page, 'PowerPoint deck')).subarray(0, 2).toString()).toBe('PK');

	// The team lead was told, and sees their team's actions only: not the region's, not another team's.
	const told = () => {
		try {
			return latestEmailTo(stockholmLead.email, /You own an action/).includes(TEAM_ACTION);
		} catch {
			return false; // not sent yet
		}
	};
	await expect.poll(told, { timeout: 40_000 }).toBe(true);
	const lead = await (await browser.newContext()).newPage();
	await signInByLink(lead, stockholmLead.email);
	await lead.goto('/app/actions?view=mine');
	await expect(lead.getByRole('link', { name: TEAM_ACTION })).toBeVisible();
	await lead.goto('/app/actions');
	await expect(lead.getByRole('link', { name: TEAM_ACTION })).toBeVisible();
	await expect(lead.getByRole('link', { name: REGION_ACTION })).toHaveCount(0);
	await expect(lead.getByText('Gothenburg')).toHaveCount(0);
	expect((await lead.goto(teamActionUrl))!.status()).toBe(200);
	await lead.getByRole('button', { name: 'Start it' }).click();
	await expect(lead.getByText('In progress').first()).toBeVisible();
	expect((await lead.goto(regionActionUrl))!.status()).toBe(404);
});

test('the action list is accessible on desktop and phone @phone', async ({ page }) => {
	await signInByLink(page, regional.email);
	await page.goto('/app/actions');
	await expect(page.getByRole('heading', { name: 'Action plans' })).toBeVisible();
	await expectAccessible(page);
	await shoot(page, `actions-overview-${test.info().project.name}`);
});
