import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface E2EState {
	baseUrl: string;
	creds: { role: string; email: string; password: string }[];
	outbox: string;
	startupOutput: string;
	/** The server's database, for journeys that seed figures through the server's own functions. */
	databaseUrl: string;
}

export function state(): E2EState {
	return JSON.parse(readFileSync(process.env.SOS_E2E_STATE!, 'utf8'));
}

export function credential(role: RegExp) {
	const c = state().creds.find((c) => role.test(c.role));
	if (!c) throw new Error(`no printed credential for ${role}`);
	return c;
}

/** axe-core on the current page: no serious or critical violation. */
export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/**
 * Signs in with a password: with the session of an earlier sign-in of this account in this run where it
 * still holds (SOS allows 50 sign-ins per address in 15 minutes, and the journeys sign the demo admin in
 * more often than that), else through the form. `fresh` always uses the form.
 */
export async function signIn(page: Page, email: string, password: string, opts: { fresh?: boolean } = {}) {
	const saved = sessionFile(`password-${email}`);
	if (!opts.fresh && (await resumeSession(page, saved))) return;
	// No wait for the app to start: what is typed before it starts is kept (hydration.spec.ts).
	await page.goto('/signin');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
	writeFileSync(saved, JSON.stringify(await page.context().cookies()));
}

/**
 * Opens the sign-in page with the cookies kept in `saved`: a signed-in viewer is sent on to where a sign-in
 * leads. False (and no cookies) where they no longer sign anyone in.
 */
async function resumeSession(page: Page, saved: string): Promise<boolean> {
	if (!existsSync(saved)) return false;
	await page.context().addCookies(JSON.parse(readFileSync(saved, 'utf8')));
	await page.goto('/signin');
	if (!new URL(page.url()).pathname.startsWith('/signin')) return true;
	await page.context().clearCookies();
	return false;
}

/** The newest .eml in the outbox sent to `to` (and matching `about`), as text (quoted-printable soft breaks undone). */
export function latestEmailTo(to: string, about?: RegExp): string {
	const dir = state().outbox;
	const files = readdirSync(dir).sort().reverse();
	for (const f of files) {
		const raw = readFileSync(path.join(dir, f), 'utf8')
			.replace(/=\r?\n/g, '')
			.replace(/=3D/g, '=');
		if (raw.toLowerCase().includes(`to: ${to.toLowerCase()}`) && (!about || about.test(raw))) return raw;
	}
	throw new Error(`no email to ${to} in the outbox`);
}

/** A screenshot into $SOS_SCREENSHOTS, when set: the whole page, or only what is in view (`fullPage: false`). */
export async function shoot(page: Page, name: string, opts: { fullPage?: boolean } = {}) {
	const dir = process.env.SOS_SCREENSHOTS;
	if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: opts.fullPage ?? true });
}

/** Signs a viewer in with a one-time link from the outbox (demo viewers have no password). */
const linkIn = (email: string) => {
	try {
		const link = /https?:\/\/[^\s"<>]+\/signin\/link\/[^\s"<>]+/;
		return link.exec(latestEmailTo(email, link))?.[0];
	} catch {
		return undefined; // no email to them yet
	}
};

/** Where a viewer's session from an earlier link sign-in in this run is kept (sign-in links are rate-limited per address). */
const sessionFile = (email: string) => path.join(path.dirname(process.env.SOS_E2E_STATE!), `session-${email}.json`);

/**
 * Signs a viewer in: with the session of an earlier link sign-in in this run where it still holds (SOS
 * allows five link requests per address in 15 minutes, and several journeys use the same viewer), else
 * with a one-time link from the outbox.
 */
export async function signInByLink(page: Page, email: string) {
	const saved = sessionFile(email);
	if (await resumeSession(page, saved)) return;
	await signInWithLink(page, email);
	writeFileSync(saved, JSON.stringify(await page.context().cookies()));
}

async function signInWithLink(page: Page, email: string) {
	const earlier = linkIn(email); // a link of an earlier sign-in (e.g. the other device's run) is used up
	await page.goto('/signin/link');
	await page.getByLabel('Email').fill(email);
	await page.getByRole('button', { name: 'Send sign-in link' }).click();
	await expect(page.getByText(/a sign-in link is on its way/)).toBeVisible();
	// The link is emailed after the answer (so that the answer says nothing about the address): wait for it.
	let link: string | undefined;
	await expect.poll(() => (link = linkIn(email)) !== undefined && link !== earlier).toBe(true);
	await page.goto(new URL(link!).pathname);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((u) => u.pathname.startsWith('/app'));
}
