import { test, expect, type Page } from '@playwright/test';
import { credential, signIn } from './support';

/**
 * The app starts on the server-rendered page without re-rendering it: hydration succeeds on every kind
 * of page (signed out and signed in), so nothing a person typed before the scripts ran is wiped.
 *
 * A failed hydration is logged ("Failed to hydrate: HierarchyRequestError …") and Svelte then mounts the
 * page afresh. The usual cause is markup the HTML parser repairs, so that the DOM is not what the
 * components rendered: a <form> (the language switch) inside a <p>, a <div> inside a <p>, <a> inside <a>…
 */

/** Console messages about hydration (the production "Failed to hydrate", dev's hydration_mismatch). */
function hydrationMessages(page: Page): string[] {
	const messages: string[] = [];
	page.on('console', (m) => {
		if (/hydrat/i.test(m.text())) messages.push(`${page.url()}: ${m.type()}: ${m.text()}`);
	});
	page.on('pageerror', (err) => {
		if (/hydrat/i.test(String(err))) messages.push(`${page.url()}: ${err}`);
	});
	return messages;
}

/** Whether SvelteKit's client has started on this document (its first step marks the history entry). */
const started = (page: Page) => page.evaluate(() => Boolean((history.state as Record<string, unknown> | null)?.['sveltekit:history']));

/** Opens a page and waits until the app has started and hydrated it. */
async function visit(page: Page, path: string) {
	await page.goto(path, { waitUntil: 'domcontentloaded' });
	// The first server-rendered element in the app's container (see app.html).
	const first = await page.locator('body > div > *').first().elementHandle();
	await expect.poll(() => started(page)).toBe(true);
	await page.waitForLoadState('networkidle');
	// A failed hydration replaces the server-rendered nodes with new ones.
	expect(await first!.evaluate((el) => el.isConnected), `${path}: the server-rendered page was replaced`).toBe(true);
}

const SIGNED_OUT = ['/signin', '/', '/forgot', '/signin/link', '/reset/not-a-real-token', '/no-such-page'];
const ADMIN = ['/app', '/app/results', '/app/rounds', '/app/actions', '/app/actions/new', '/app/users', '/app/units', '/app/questions', '/app/settings'];
const OPERATOR = ['/operator', '/operator/benchmarks'];

test('pages hydrate without errors, signed out and signed in', async ({ browser }) => {
	const ctx = await browser.newContext();
	const page = await ctx.newPage();
	const messages = hydrationMessages(page);
	for (const path of SIGNED_OUT) await visit(page, path);

	const admin = credential(/demo/i);
	await signIn(page, admin.email, admin.password);
	for (const path of ADMIN) await visit(page, path);
	// A results report and a round (their addresses hold ids: reached through the links).
	await visit(page, '/app/results');
	await page.getByRole('link', { name: /autumn \(generated\)/ }).click();
	await page.waitForURL(/\/app\/results\/[^/]+\/organization/);
	await visit(page, new URL(page.url()).pathname);
	await visit(page, '/app/rounds');
	const round = await page.locator('a[href^="/app/rounds/"]:not([href$="/new"])').first().getAttribute('href');
	await visit(page, round!);
	await ctx.close();

	const opCtx = await browser.newContext();
	const opPage = await opCtx.newPage();
	const opMessages = hydrationMessages(opPage);
	const operator = credential(/operator/i);
	await signIn(opPage, operator.email, operator.password);
	for (const path of OPERATOR) await visit(opPage, path);
	await opCtx.close();

	expect([...messages, ...opMessages]).toEqual([]);
});

test('what is typed into the sign-in form before the app starts is kept, and signing in works', async ({ page }) => {
	const messages = hydrationMessages(page);
	// Hold the app's scripts back until the person has typed (a slow network, a slow phone).
	let release!: () => void;
	const released = new Promise<void>((r) => (release = r));
	await page.route('**/_app/immutable/**', async (route) => {
		if (route.request().resourceType() === 'script') await released;
		await route.continue();
	});
	await page.goto('/signin', { waitUntil: 'domcontentloaded' });
	const admin = credential(/demo/i);
	await page.getByLabel('Email').fill(admin.email);
	await page.getByLabel('Password').fill(admin.password);
	const email = await page.getByLabel('Email').elementHandle();
	expect(await started(page)).toBe(false);

	release();
	await expect.poll(() => started(page)).toBe(true);
	await page.waitForLoadState('networkidle');
	expect(await email!.evaluate((el) => el.isConnected), 'the server-rendered form was replaced').toBe(true);
	await expect(page.getByLabel('Email')).toHaveValue(admin.email);
	await expect(page.getByLabel('Password')).toHaveValue(admin.password);

	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((u) => u.pathname.startsWith('/app'));
	expect(messages).toEqual([]);
});
