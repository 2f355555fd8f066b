import { test, expect, type Browser, type Page } from '@playwright/test';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expectAccessible, shoot, state } from './support';

/**
 * A participant answers the demo organization's open round from the emailed link: on a phone (and on
 * a desktop), without JavaScript and with it, leaving midway and coming back in a fresh browser.
 */

/** The survey link of every invited demo participant, one per person, in a stable order. */
function surveyLinks(): string[] {
	const dir = state().outbox;
	const byPerson = new Map<string, string>();
	if (!existsSync(dir)) return [];
	for (const f of readdirSync(dir).sort()) {
		const raw = readFileSync(path.join(dir, f), 'utf8')
			.replace(/=\r?\n/g, '')
			.replace(/=3D/g, '=');
		// The demo round's invitations only (other specs launch rounds of their own, e.g. an audit).
		if (!raw.includes('Sales management survey (demo)')) continue;
		const to = /^To: (.+)$/m.exec(raw)?.[1].trim();
		const link = /https?:\/\/[^\s"<]+\/s\/[a-z2-7]{58}/.exec(raw)?.[0];
		if (to && link && !byPerson.has(to)) byPerson.set(to, new URL(link).pathname);
	}
	return [...byPerson.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, l]) => l);
}

/** A different invitation for every test and project (the demo round invites a few dozen people). */
async function invitation(slot: number): Promise<string> {
	const index = slot + (test.info().project.name === 'phone' ? 10 : 0);
	for (let i = 0; i < 150; i++) {
		const links = surveyLinks();
		if (links.length > index) return links[index];
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error('The demo round’s invitations did not arrive in the outbox');
}

/** How many statements the newest shipped SOS model has: the one the demo round uses. */
function statementCount(): number {
	const dir = path.resolve('models/sos');
	const newest = readdirSync(dir)
		.filter((v) => /^\d+(\.\d+)*$/.test(v) && existsSync(path.join(dir, v, 'model.json')))
		.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
		.at(-1)!;
	const model = JSON.parse(readFileSync(path.join(dir, newest, 'model.json'), 'utf8')) as { areas: { statements: string[] }[] };
	return model.areas.reduce((n, a) => n + a.statements.length, 0);
}
const TOTAL = statementCount();

const SCALE = ['Not at all how we work', 'Only slightly how we work', 'Partly how we work', 'Largely how we work', 'Exactly how we work'];
const shot = (page: Page, name: string, opts?: { fullPage?: boolean }) => shoot(page, `survey-${name}-${test.info().project.name}`, opts);

/** Answers every statement on the area page shown (a varied pattern), leaving out the ones in `skip`. */
async function answerArea(page: Page, opts: { skip?: number[]; waitForSave?: boolean } = {}) {
	const statements = page.locator('fieldset.sv-st');
	const n = await statements.count();
	expect(n).toBeGreaterThanOrEqual(7);
	for (let i = 0; i < n; i++) {
		if (opts.skip?.includes(i)) continue;
		const label = i === 2 ? 'Don’t know' : SCALE[(i * 3) % 5];
		await statements
			.nth(i)
			.getByRole('radio', { name: label === 'Don’t know' ? /Don.t know/ : label, exact: label !== 'Don’t know' })
			.check();
		if (opts.waitForSave) await expect(page.getByRole('status')).toHaveText('Saved');
	}
	return n;
}

/**
 * axe-core runs as a script in the page, which a page without JavaScript cannot do: the same URL is
 * checked in a second browser context that shares the participant's cookies (the markup is the same).
 */
async function expectAccessibleNoScript(page: Page, browser: Browser) {
	const { baseURL, viewport } = test.info().project.use;
	const context = await browser.newContext({ storageState: await page.context().storageState(), baseURL, viewport, javaScriptEnabled: true });
	const twin = await context.newPage();
	await twin.goto(page.url());
	await expectAccessible(twin);
	await context.close();
}

async function expectArea(page: Page, n: number) {
	await expect(page.locator('.sv-step')).toHaveText(`Area ${n} of 9`);
	await expect(page.locator('h1')).toHaveCount(1);
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a participant answers the whole survey from the emailed link @phone', async ({ page, browser }) => {
		const link = await invitation(0);
		await page.goto(link);
		// The token leaves the address bar at once.
		await expect(page).toHaveURL(/\/s$/);
		await expectArea(page, 1);
		// The areas come in this participant's own order (it rotates per invitation): remember each page's area.
		const names: string[] = [];
		const remember = async (n: number) => (names[n] = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '');
		await remember(1);
		await expect(page.getByText('Your answers are anonymous.')).toBeVisible();
		await expect(page.getByText('Nordwind Industrial (demo)')).toBeVisible();
		await expect(page.getByText('Sales management survey (demo)')).toBeVisible();
		await expect(page.locator('.sv-count')).toHaveText(`0 of ${TOTAL} statements answered`);
		await expectAccessibleNoScript(page, browser);
		await shot(page, 'first-nojs');

		// A phone user taps the label, which is a big target.
		const first = page.locator('fieldset.sv-st').first();
		const box = await first.locator('label.sv-op').first().boundingBox();
		expect(box!.height).toBeGreaterThanOrEqual(44);

		const onFirst = await answerArea(page);
		await page.getByRole('button', { name: 'Next' }).click();
		await expectArea(page, 2);
		await expect(page.locator('.sv-count')).toHaveText(`${onFirst} of ${TOTAL} statements answered`);
		await remember(2);
		await answerArea(page);
		await page.getByRole('button', { name: 'Next' }).click();
		await expectArea(page, 3);
		// Back saves this page too, and the previous page shows what was chosen.
		await page.locator('fieldset.sv-st').first().getByRole('radio', { name: SCALE[4] }).check();
		await page.getByRole('button', { name: 'Back' }).click();
		await expectArea(page, 2);
		await expect(page.locator('fieldset.sv-st').first().getByRole('radio', { name: SCALE[0] })).toBeChecked();
		await page.getByRole('button', { name: 'Next' }).click();
		await expectArea(page, 3);
		await expect(page.locator('fieldset.sv-st').first().getByRole('radio', { name: SCALE[4] })).toBeChecked();
		await answerArea(page);
		await page.getByRole('button', { name: 'Next' }).click();

		// Area 4 by keyboard alone: Tab into each radio group, an arrow key chooses, Enter on Next.
		await expectArea(page, 4);
		await page.getByRole('heading', { level: 1 }).click();
		const count = await page.locator('fieldset.sv-st').count();
		for (let i = 0; i < count; i++) {
			await page.keyboard.press('Tab');
			await page.keyboard.press('ArrowRight');
		}
		await page.keyboard.press('Tab');
		await expect(page.getByRole('button', { name: 'Next' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expectArea(page, 5);
		await page.goto('/s?p=4');
		for (let i = 0; i < count; i++) await expect(page.locator('fieldset.sv-st').nth(i).getByRole('radio', { name: SCALE[1] })).toBeChecked();
		await page.getByRole('button', { name: 'Next' }).click();

		let onLast = 0;
		for (let area = 5; area <= 9; area++) {
			await expectArea(page, area);
			await remember(area);
			if (area === 6) {
				await expectAccessibleNoScript(page, browser);
				await shot(page, 'area-nojs');
			}
			const n = await answerArea(page, { skip: area === 9 ? [0] : [] });
			if (area === 9) onLast = n;
			await page.getByRole('button', { name: 'Next' }).click();
		}

		// The company questions of the demo round: a scale, a single choice and a free text.
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('A few more questions');
		await expectAccessibleNoScript(page, browser);
		await shot(page, 'questions-nojs');
		await page
			.getByRole('group', { name: /demand from your customers/ })
			.getByRole('radio', { name: /^4/ })
			.check();
		await page
			.getByRole('group', { name: /biggest obstacle/ })
			.getByRole('radio', { name: 'Competitors' })
			.check();
		await page.getByLabel(/change one thing/).fill('More time with customers, less <b>reporting</b>.');
		await page.getByRole('button', { name: 'Review and submit' }).click();

		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review your answers');
		await expect(page.getByText('You have left 1 statement unanswered.')).toBeVisible();
		// The review lists the areas in the order they were shown.
		const items = page.locator('ul.sv-review > li');
		await expect(items.nth(8)).toContainText(names[9]);
		await expect(items.nth(8)).toContainText(`${onLast - 1} of ${onLast} answered`);
		await expect(items.nth(0)).toContainText(names[1]);
		await expect(items.nth(0)).toContainText(`All ${onFirst} answered`);
		await expect(page.getByRole('listitem').filter({ hasText: 'Company questions' })).toContainText('3 of 3 answered');
		await expectAccessibleNoScript(page, browser);
		await shot(page, 'review-nojs');
		// The review links back to an area, and the answers are all still there.
		await page.getByRole('link', { name: names[9] }).click();
		await expectArea(page, 9);
		await expect(page.locator('.sv-count')).toHaveText(`${TOTAL - 1} of ${TOTAL} statements answered`);
		await page.goto('/s?p=review');
		await page.getByRole('button', { name: 'Submit my answers' }).click();

		await expect(page).toHaveURL(/\/s\/thanks$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you!');
		await expectAccessibleNoScript(page, browser);
		await shot(page, 'thanks-nojs');

		// The same link later: already answered, nothing else.
		await page.goto(link);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('You have already answered this survey');
		await expect(page.locator('input[type=radio]')).toHaveCount(0);
		await expectAccessibleNoScript(page, browser);
	});

	test('a link that does not work gets a plain page that reveals nothing @phone', async ({ page, browser }) => {
		const res = await page.goto(`/s/${'a'.repeat(32)}`);
		expect(res!.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('This survey link does not work');
		await expect(page.getByText('Nordwind')).toHaveCount(0);
		await expectAccessibleNoScript(page, browser);
		await shot(page, 'unknown');
		// The page speaks Swedish too.
		await page.getByRole('button', { name: 'Svenska' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enkätlänken fungerar inte');
		await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
	});
});

test.describe('with JavaScript', () => {
	test('eight answers given quickly and the page left at once are all kept @phone', async ({ page, browser }) => {
		const link = await invitation(2);
		await page.goto(link);
		await expectArea(page, 1);
		const statements = page.locator('fieldset.sv-st');
		// No waiting for "Saved" between answers, and none before leaving.
		expect(await statements.count()).toBeGreaterThanOrEqual(8);
		for (let i = 0; i < 8; i++)
			await statements
				.nth(i)
				.getByRole('radio', { name: SCALE[i % 5], exact: true })
				.check();
		await page.goto('about:blank');
		await page.context().close();

		const use = test.info().project.use;
		const context = await browser.newContext({
			viewport: use.viewport,
			userAgent: use.userAgent,
			deviceScaleFactor: use.deviceScaleFactor,
			isMobile: use.isMobile,
			hasTouch: use.hasTouch,
			baseURL: use.baseURL
		});
		const again = await context.newPage();
		await expect(async () => {
			await again.goto(link);
			await expect(again.locator('.sv-count')).toHaveText(`8 of ${TOTAL} statements answered`, { timeout: 1000 });
		}).toPass({ timeout: 10_000 });
		// The first page (resuming may start on the next one when the first area has only eight statements).
		await again.goto('/s?p=1');
		const resumed = again.locator('fieldset.sv-st');
		for (let i = 0; i < 8; i++) await expect(resumed.nth(i).getByRole('radio', { name: SCALE[i % 5], exact: true })).toBeChecked();
		await context.close();
	});

	test('answers are saved as they are given; the participant leaves midway and resumes in a new browser @phone', async ({ page, browser }) => {
		const link = await invitation(1);
		await page.goto(link);
		await expectArea(page, 1);
		const onFirst = await answerArea(page, { waitForSave: true });
		// The count follows the answers without a page load.
		await expect(page.locator('.sv-count')).toHaveText(`${onFirst} of ${TOTAL} statements answered`);
		await page.getByRole('button', { name: 'Next' }).click();
		await expectArea(page, 2);
		const statements = page.locator('fieldset.sv-st');
		for (let i = 0; i < 4; i++) {
			await statements.nth(i).getByRole('radio', { name: SCALE[4], exact: true }).check();
			await expect(page.getByRole('status')).toHaveText('Saved');
		}
		await expect(page.locator('.sv-count')).toHaveText(`${onFirst + 4} of ${TOTAL} statements answered`);
		await expectAccessible(page);
		await shot(page, 'area-js');
		// Closed without pressing Next.
		await page.context().close();

		const use = test.info().project.use;
		const context = await browser.newContext({
			viewport: use.viewport,
			userAgent: use.userAgent,
			deviceScaleFactor: use.deviceScaleFactor,
			isMobile: use.isMobile,
			hasTouch: use.hasTouch,
			baseURL: use.baseURL
		});
		const again = await context.newPage();
		await again.goto(link);
		await expectArea(again, 2);
		await expect(again.getByText('Welcome back.')).toBeVisible();
		await expect(again.locator('.sv-count')).toHaveText(`${onFirst + 4} of ${TOTAL} statements answered`);
		const resumed = again.locator('fieldset.sv-st');
		for (let i = 0; i < 4; i++) await expect(resumed.nth(i).getByRole('radio', { name: SCALE[4], exact: true })).toBeChecked();
		await expect(resumed.nth(4).getByRole('radio', { checked: true })).toHaveCount(0);

		// Switching language keeps what was chosen on the page.
		await resumed.nth(4).getByRole('radio', { name: SCALE[0], exact: true }).check();
		await again.getByRole('button', { name: 'Svenska' }).click();
		await expect(again.locator('.sv-step')).toHaveText('Område 2 av 9');
		await expect(again.locator('html')).toHaveAttribute('lang', 'sv');
		await expect(resumed.nth(4).getByRole('radio', { name: 'Så arbetar vi inte alls' })).toBeChecked();
		await again.getByRole('button', { name: 'English' }).click();
		await expectArea(again, 2);

		await answerArea(again, { skip: [0, 1, 2, 3, 4] });
		await again.getByRole('button', { name: 'Next' }).click();
		for (let area = 3; area <= 9; area++) {
			await expectArea(again, area);
			await answerArea(again);
			await again.getByRole('button', { name: 'Next' }).click();
		}
		await expect(again.getByRole('heading', { level: 1 })).toHaveText('A few more questions');
		await again
			.getByRole('group', { name: /biggest obstacle/ })
			.getByRole('radio', { name: 'Our prices' })
			.check();
		await expect(again.getByRole('status')).toHaveText('Saved');
		await again.getByLabel(/change one thing/).fill('Fewer internal meetings');
		await expect(again.getByRole('status')).toHaveText('Saved');
		await again.getByRole('button', { name: 'Review and submit' }).click();

		await expect(again.getByText('You have answered every statement.')).toBeVisible();
		await expect(again.getByRole('listitem').filter({ hasText: 'Company questions' })).toContainText('2 of 3 answered');
		await expectAccessible(again);
		await shot(again, 'review-js');
		// A double click submits once and shows the thank-you page, not an error.
		await again.getByRole('button', { name: 'Submit my answers' }).dblclick();
		await expect(again).toHaveURL(/\/s\/thanks$/);
		await expect(again.getByRole('heading', { level: 1 })).toHaveText('Thank you!');
		await shot(again, 'thanks-js');
		await context.close();
	});
});

test.describe('"not used in our team"', () => {
	test('a statement that offers it has a seventh choice, which can be chosen and submitted; the others have six @phone', async ({ page }) => {
		const link = await invitation(3);
		await page.goto(link);
		await expectArea(page, 1);
		// The areas rotate per participant: walk to the page with a statement that offers it.
		const notUsed = page.locator('fieldset.sv-st').filter({ has: page.getByRole('radio', { name: 'Not used in our team' }) });
		let area = 1;
		while ((await notUsed.count()) === 0) {
			expect(area).toBeLessThan(9);
			await page.getByRole('button', { name: 'Next' }).click();
			await expectArea(page, ++area);
		}
		const statements = page.locator('fieldset.sv-st');
		const n = await statements.count();
		for (let i = 0; i < n; i++) {
			const st = statements.nth(i);
			const offers = (await st.getByRole('radio', { name: 'Not used in our team' }).count()) === 1;
			await expect(st.getByRole('radio')).toHaveCount(offers ? 7 : 6);
			if (!offers) await expect(st.getByRole('radio', { name: /Don.t know/ })).toHaveCount(1);
		}
		const first = notUsed.first();
		await expect(first.getByRole('radio', { name: /Don.t know/ })).toHaveCount(1);
		await expect(first.getByRole('radio', { name: SCALE[0], exact: true })).toHaveCount(1);

		await first.getByRole('radio', { name: 'Not used in our team' }).check();
		await expect(page.getByRole('status')).toHaveText('Saved');
		await expect(page.locator('.sv-count')).toHaveText(`1 of ${TOTAL} statements answered`);
		await expectAccessible(page);
		// Seven choices fit: no sideways scrolling on a desktop or a phone.
		for (const [width, height] of [
			[1280, 800],
			[390, 844]
		]) {
			await page.setViewportSize({ width, height });
			await first.evaluate((el) => el.scrollIntoView({ block: 'center' }));
			expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
			const box = await first.boundingBox();
			expect(box!.x).toBeGreaterThanOrEqual(0);
			expect(box!.x + box!.width).toBeLessThanOrEqual(width);
			await shot(page, `not-used-${width}x${height}`, { fullPage: false });
		}
		await expectAccessible(page);

		// Kept when the page is loaded again, and submitted.
		await page.reload();
		await expect(notUsed.first().getByRole('radio', { name: 'Not used in our team' })).toBeChecked();
		await page.goto('/s?p=review');
		await page.getByRole('button', { name: 'Submit my answers' }).click();
		await expect(page).toHaveURL(/\/s\/thanks$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you!');
	});
});
