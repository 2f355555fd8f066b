import { test, expect } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { credential, expectAccessible, shoot, signIn, signInByLink } from './support';
import { demoPerson } from '../../src/lib/server/bootstrap/demo-data';

const admin = credential(/demo organization admin/);
/** The demo's regional manager of the Nordics (a viewer of that region). */
const nordicsManager = demoPerson(0).email;

/**
 * The monthly review on the demo's generated figures, whose Gothenburg and Munich teams slipped in the
 * last months: a regional manager (desktop: Gothenburg) or the admin (phone: Munich, so the two projects
 * never share a review) opens the board, runs the review, decides on the red order-intake alarm, closes
 * the review with its minutes and downloads them.
 */
test('a manager runs the monthly review: a red alarm, a correction from the menu, minutes @phone', async ({ page }, info) => {
	test.setTimeout(120_000);
	const phone = info.project.name === 'phone';
	const team = phone ? 'Munich' : 'Gothenburg';
	if (phone) await signIn(page, admin.email, admin.password);
	else await signInByLink(page, nordicsManager);
	await page.goto('/app/kpis');
	// Down the board: the admin from the top, the Nordics manager from their region.
	const open = async (name: string) => {
		const link = page.getByRole('link', { name, exact: true }).filter({ visible: true }).first();
		await page.goto((await link.getAttribute('href'))!);
		await expect(page.getByRole('link', { name: 'Monthly review' })).toBeVisible();
	};
	for (const name of phone ? ['Industrial Equipment', 'Central Europe', team] : [team]) await open(name);
	await page.goto((await page.getByRole('link', { name: 'Monthly review' }).getAttribute('href'))!);
	await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Monthly review: ${team}`) })).toBeVisible();

	const intake = page.locator('li.alarm', { has: page.getByRole('heading', { name: 'Order intake' }) }).first();
	// Behind plan (the board's own journey adds figures of its own to these teams, so red or amber).
	await expect(intake.getByText(/Behind plan|Well behind plan/).first()).toBeVisible();
	await expect(intake.getByText('No correction decided yet')).toBeVisible();
	await intake.getByText('Decide a correction').click();
	await intake.getByLabel(/Joint visits on the top deals/).check();
	await intake.getByLabel('What exactly').fill('Joint visits on the five largest open deals');
	await intake.getByLabel('Expected effect').fill('Two of them closed next month');
	await intake.getByLabel('What the sales people are told').fill('Book one joint visit with your manager this week');
	await intake.getByRole('button', { name: 'Record the correction' }).click();
	await expect(page.getByText('The correction is recorded.')).toBeVisible();
	const decided = page.locator('li.alarm', { has: page.getByRole('heading', { name: 'Order intake' }) }).first();
	await expect(decided.getByText('Joint visits on the five largest open deals')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Passed down to the sales people' })).toContainText('Book one joint visit');
	await expectAccessible(page);
	await shoot(page, `review-${info.project.name}`);

	await page.getByRole('textbox', { name: 'Minutes' }).fill('Order intake is well behind plan; joint visits decided on the largest deals.');
	await page.getByRole('button', { name: 'Close the review' }).click();
	await expect(page.locator('.badge', { hasText: 'Closed' })).toBeVisible();
	const download = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Minutes (PDF)' }).click()]).then(([d]) => d);
	const stream = await download.createReadStream();
	const chunks: Buffer[] = [];
	for await (const c of stream) chunks.push(c as Buffer);
	const { text: pages } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.concat(chunks))), { mergePages: true });
	const text = String(pages).replace(/\s+/g, ' ');
	expect(text).toContain(`Monthly review: ${team}`);
	expect(text).toContain('Joint visits on the five largest open deals');
	expect(text).toContain('Order intake is well behind plan');
});
