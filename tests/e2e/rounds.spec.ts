import { test, expect, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { credential, expectAccessible, shoot, signIn, state } from './support';

/** The outbox's emails whose subject matches, as text (quoted-printable soft breaks undone). */
function mails(subject: RegExp): string[] {
	const dir = state().outbox;
	return readdirSync(dir)
		.map((f) =>
			readFileSync(path.join(dir, f), 'utf8')
				.replace(/=\r?\n/g, '')
				.replace(/=3D/g, '=')
		)
		.filter((raw) => subject.test(/^Subject: (.+)$/m.exec(raw)?.[1] ?? ''));
}

/** The survey links of the invitations to one round (its name is in the invitation's heading). */
function roundLinks(round: string): string[] {
	const links = mails(/: your SOS survey/)
		.filter((m) => m.includes(round))
		.map((m) => /\/s\/[a-z2-7]{58}/.exec(m)?.[0])
		.filter((l): l is string => !!l);
	return [...new Set(links)];
}

async function openNav(page: Page, name: string) {
	const menu = page.getByText('Menu');
	if (await menu.isVisible()) await menu.click();
	await page.getByRole('navigation', { name: 'Main navigation' }).filter({ visible: true }).getByRole('link', { name, exact: true }).click();
}

test('the admin creates a round for one unit, follows its response rate, reminds and closes it early @phone', async ({ page }) => {
	const device = test.info().project.name;
	const admin = credential(/demo/i);
	await signIn(page, admin.email, admin.password);

	// The home page's third step leads to rounds; the demo's open round is listed with its response rate.
	await expect(page.getByRole('heading', { name: 'Open rounds' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Launch a survey round' })).toBeVisible();
	await shoot(page, `rounds-home-${device}`);
	await openNav(page, 'Rounds');
	await expect(page.getByRole('heading', { name: 'Survey rounds', level: 1 })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Sales management survey (demo)' })).toBeVisible();
	await expect(page.getByText(/\d+ of \d+ \(\d+%\)/).first()).toBeVisible();
	await expectAccessible(page);
	await shoot(page, `rounds-list-${device}`);

	await page.getByRole('link', { name: 'New round' }).click();
	await expect(page.getByRole('heading', { name: 'New survey round', level: 1 })).toBeVisible();
	// Dates come prefilled: start now, two weeks open, published at the end, three reminders in between.
	const start = await page.getByLabel('Start', { exact: true }).inputValue();
	const end = await page.getByLabel('End', { exact: true }).inputValue();
	expect(start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
	// (Wall-clock times: across a daylight-saving change the two weeks are an hour longer or shorter.)
	expect(Math.abs(Date.parse(`${end}Z`) - Date.parse(`${start}Z`) - 14 * 86_400_000)).toBeLessThanOrEqual(3_600_000);
	expect(await page.getByLabel('Publish results').inputValue()).toBe(end);
	await expect(page.locator('input[name="reminders"]')).toHaveCount(3);
	await expect(page.getByLabel('Minimum group size (k)')).toHaveValue('5');
	await expectAccessible(page);
	await shoot(page, `rounds-new-${device}`);

	// Launching without a name shows the problem beside the field and keeps the choices.
	const name = `Spring check-in ${device}`;
	await page.getByLabel('Chosen units').check();
	await page.getByRole('checkbox', { name: /^Stockholm/ }).check();
	await expect(page.getByText('6 people will be invited.')).toBeVisible();
	await page.getByRole('checkbox', { name: /pressure on prices/ }).check();
	await page.getByRole('checkbox', { name: /reason we lose deals/ }).check();
	await expect(page.getByText('2 questions chosen.')).toBeVisible();
	// Launching asks first, in the page (a native confirm() that a browser blocks would cancel silently).
	await page.getByRole('button', { name: 'Launch round' }).click();
	const ask = page.getByRole('dialog', { name: 'Please confirm' });
	await expect(ask).toContainText('6 people will be invited');
	await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(ask).toBeHidden();
	await page.getByRole('button', { name: 'Launch round' }).click();
	await ask.getByRole('button', { name: 'Launch round' }).click();
	await expect(page.getByRole('alert')).toContainText('Please correct the highlighted fields.');
	await expect(page.locator('#name-error')).toBeVisible();
	await expect(page.getByRole('checkbox', { name: /^Stockholm/ })).toBeChecked();
	await expectAccessible(page);
	await shoot(page, `rounds-new-error-${device}`);

	await page.getByLabel('Name', { exact: true }).fill(name);
	await page.getByRole('button', { name: 'Launch round' }).click();
	await expect(ask).toContainText('6 people will be invited');
	await expectAccessible(page);
	await shoot(page, `rounds-new-confirm-${device}`);
	await ask.getByRole('button', { name: 'Launch round' }).click();
	// The demo's round is open for the same people: a warning names it, and the admin may go on.
	const overlap = page.getByRole('region', { name: 'Some of these people are in an open round already' });
	await expect(overlap).toContainText(/“Sales management survey \(demo\)” \(open until .+\): 6 people would be in both rounds\./);
	await expectAccessible(page);
	await shoot(page, `rounds-new-overlap-${device}`);
	await overlap.getByRole('button', { name: 'Launch anyway' }).click();
	await page.waitForURL(/\/app\/rounds\/[0-9a-f-]{36}/);
	await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
	await expect(page.getByRole('status')).toContainText('The round is open and the invitations are on their way.');
	await expect(page.locator('h1 .badge')).toHaveText(/Open/);
	// Live response rates per unit: the chosen team and the units above it, the total.
	const rates = page.getByRole('table');
	await expect(rates.getByRole('rowheader', { name: 'Stockholm' })).toBeVisible();
	await expect(rates.getByRole('row', { name: /Stockholm/ })).toContainText('0 of 6 (0%)');
	await expect(rates.getByRole('rowheader', { name: 'Gothenburg' })).toHaveCount(0);
	await expect(page.locator('.total')).toContainText('0 of 6 (0%)');
	await expect(page.getByText('How strong is the pressure on prices from your customers?')).toBeVisible();
	await expectAccessible(page);
	await shoot(page, `rounds-detail-${device}`);

	// The invitations went out at once (one per person of the team); a reminder goes to those who have not answered.
	await expect.poll(() => roundLinks(name).length, { timeout: 15_000 }).toBe(6);
	const links = roundLinks(name);
	await page.getByRole('button', { name: 'Send reminder now' }).click();
	await expect(page.getByRole('status')).toContainText('A reminder is on its way to everyone who has not answered.');
	await expect.poll(() => mails(/^Reminder: .*, your SOS survey/).filter((m) => links.some((l) => m.includes(l))).length, { timeout: 15_000 }).toBe(6);

	// Close early, with a confirmation step first.
	await page.getByText('Close early…').click();
	await expect(page.getByText(/Close the round now\? Nobody can answer after this/)).toBeVisible();
	await page.getByRole('button', { name: 'Yes, close the round now' }).click();
	await expect(page.getByRole('status')).toContainText('The round is closed');
	await expect(page.locator('h1 .badge')).toHaveText(/Closed|Published/);
	await expect(page.getByRole('button', { name: 'Send reminder now' })).toHaveCount(0);
	await expectAccessible(page);
	await shoot(page, `rounds-closed-${device}`);

	await page.goto('/app/rounds');
	await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText(/Closed|Published/);

	// The organization's own questions, and the standard library below them.
	await page.goto('/app/questions');
	await expect(page.getByRole('heading', { name: 'Standard library' })).toBeVisible();
	await expectAccessible(page);
	await shoot(page, `questions-${device}`);
});

test('the admin makes a round repeat every three months and checks, then stops, the next one @phone', async ({ page }) => {
	const device = test.info().project.name;
	const admin = credential(/demo/i);
	await signIn(page, admin.email, admin.password);
	await page.goto('/app/rounds/new');
	// The form is hydrated (its reminder buttons appear) before a choice is made that hydration would reset.
	await expect(page.getByRole('button', { name: 'Add a reminder' })).toBeVisible();
	const name = `Quarterly pulse ${device}`;
	await page.getByLabel('Name', { exact: true }).fill(name);
	await expect(page.getByLabel('How often')).toHaveValue('');
	await page.getByLabel('How often').selectOption({ label: 'Every 3 months' });
	await expectAccessible(page);
	await shoot(page, `rounds-new-repeat-${device}`);
	await page.getByRole('button', { name: 'Launch round' }).click();
	await page.getByRole('dialog', { name: 'Please confirm' }).getByRole('button', { name: 'Launch round' }).click();
	await page.getByRole('button', { name: 'Launch anyway' }).click();

	// It opened at once, so its successor exists: scheduled three months on, named after its month.
	await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
	await expect(page.getByText('Repeats every 3 months')).toBeVisible();
	const next = page.getByRole('link', { name: new RegExp(`^${name} – \\w+ \\d{4}$`) });
	await expect(next).toBeVisible();
	await expect(page.getByLabel('How often')).toHaveValue('3');
	await expectAccessible(page);
	await shoot(page, `rounds-repeating-${device}`);

	await next.click();
	await expect(page.getByRole('heading', { name: new RegExp(`^${name} – `), level: 1 })).toBeVisible();
	await expect(page.locator('h1 .badge')).toHaveText(/Scheduled/);
	await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
	await expect(page.getByText('The next round is created when this one opens.')).toBeVisible();
	await expectAccessible(page);
	await shoot(page, `rounds-next-${device}`);

	await page.getByRole('button', { name: 'Stop and keep as draft' }).click();
	await expect(page.getByRole('status')).toContainText('The round is stopped and kept as a draft.');
	await expect(page.getByRole('button', { name: 'Launch round' })).toBeVisible();
	await shoot(page, `rounds-next-stopped-${device}`);
});

test('a draft launched from its page asks first, in the page, naming the open rounds it shares people with @phone', async ({ page }) => {
	const device = test.info().project.name;
	const admin = credential(/demo/i);
	await signIn(page, admin.email, admin.password);
	await page.goto('/app/rounds/new');
	await expect(page.getByRole('button', { name: 'Add a reminder' })).toBeVisible();
	const name = `Everyone tomorrow ${device}`;
	await page.getByLabel('Name', { exact: true }).fill(name);
	// It starts tomorrow, while the demo's round is still open: launched, it waits for its start (no invitations go out here).
	const start = page.getByLabel('Start', { exact: true });
	await start.fill(new Date(Date.parse(`${await start.inputValue()}Z`) + 86_400_000).toISOString().slice(0, 16));
	await page.getByRole('button', { name: 'Save as draft' }).click();
	await page.waitForURL(/\/app\/rounds\/[0-9a-f-]{36}/);
	const id = /\/app\/rounds\/([0-9a-f-]{36})/.exec(page.url())![1];
	const status = async () => (await (await page.request.get(`/api/v1/rounds/${id}`)).json()).status;
	await expect(page.locator('h1 .badge')).toHaveText(/Draft/);

	// Launching asks in the page, naming the open round; Cancel keeps the draft.
	await page.getByRole('button', { name: 'Launch round' }).click();
	const ask = page.getByRole('dialog', { name: 'Please confirm' });
	await expect(ask).toContainText('Some of them are already in an open round');
	await expect(ask.getByRole('listitem').filter({ hasText: 'Sales management survey (demo)' })).toHaveText(
		/^“Sales management survey \(demo\)” \(open until .+\): \d+ people would be in both rounds\.$/
	);
	await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
	await expectAccessible(page);
	await shoot(page, `rounds-draft-launch-confirm-${device}`, { fullPage: false });
	await ask.getByRole('button', { name: 'Cancel' }).click();
	await expect(ask).toBeHidden();
	await expect(page.locator('h1 .badge')).toHaveText(/Draft/);
	expect(await status()).toBe('draft');

	// Confirmed, it is launched and waits for its start.
	await page.getByRole('button', { name: 'Launch round' }).click();
	await ask.getByRole('button', { name: 'Launch anyway' }).click();
	await expect(page.getByRole('status')).toContainText('The round is launched.');
	await expect(page.locator('h1 .badge')).toHaveText(/Scheduled/);
	expect(await status()).toBe('scheduled');
	await expectAccessible(page);
});
