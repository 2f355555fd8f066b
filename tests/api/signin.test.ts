import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { hashPassword } from '$lib/server/auth/passwords';
import { baseUrl } from '../support/http';
import { apiClient } from '../support/api-client';
import { auditActions, freshIp, getPage, memberWithPassword, normalizePage, postForm, sessionFrom } from './helpers';

const PASSWORD = 'correct horse battery staple';
const FAILED = 'That email and password do not match an account with access.';

async function signIn(email: string, password: string, opts: { ip?: string; next?: string } = {}) {
	return postForm(opts.next === undefined ? '/signin' : `/signin?next=${encodeURIComponent(opts.next)}`, { email, password }, { ip: opts.ip });
}

describe('password sign-in', () => {
	it('signs in: a session cookie that works on the API, and a sign_in event with the IP in the org audit log', async () => {
		const org = await createTestOrganization();
		const admin = await memberWithPassword(org.id, 'admin', PASSWORD);
		const ip = freshIp();
		const r = await signIn(`  ${admin.email.toUpperCase()} `, PASSWORD, { ip });
		expect(r.status).toBe(303);
		expect(r.location).toBe('/');
		const cookie = sessionFrom(r);
		expect(cookie).toBeTruthy();
		expect((await apiClient(baseUrl(), { cookie: cookie! }).GET('/units')).response.status).toBe(200);
		const home = await getPage('/', { cookie: cookie! });
		expect(home.location).toBe('/app');
		const events = (await auditActions(org.id)).filter((e) => e.action === 'sign_in');
		expect(events).toEqual([expect.objectContaining({ actor: admin.email, target: admin.email, ip })]);
		// Signed in, the sign-in page sends you on.
		expect((await getPage('/signin', { cookie: cookie! })).status).toBe(303);
	});

	it('goes back to a same-site `next` after signing in, and never to another site', async () => {
		const org = await createTestOrganization();
		const m = await memberWithPassword(org.id, 'admin', PASSWORD);
		expect((await signIn(m.email, PASSWORD, { next: '/app/users?q=a' })).location).toBe('/app/users?q=a');
		for (const next of [
			'//evil.example',
			'https://evil.example',
			'/\\evil.example',
			'/\t/evil.example',
			'/\n/evil.example',
			'\\\\evil.example',
			'javascript:alert(1)'
		]) {
			const r = await signIn(m.email, PASSWORD, { next });
			expect(r.status, JSON.stringify(next)).toBe(303);
			expect(r.location, JSON.stringify(next)).toBe('/');
		}
	});

	it('answers a wrong password and an unknown email with exactly the same page, and logs sign_in_failed', async () => {
		const org = await createTestOrganization();
		const m = await memberWithPassword(org.id, 'viewer', PASSWORD);
		const unknown = uniqueEmail('nobody');
		const wrong = await signIn(m.email, 'not the password');
		const none = await signIn(unknown, 'not the password');
		expect(wrong.status).toBe(400);
		expect(none.status).toBe(400);
		expect(sessionFrom(wrong)).toBeNull();
		expect(wrong.text).toContain(FAILED);
		expect(normalizePage(wrong.text).replaceAll(m.email, 'EMAIL')).toBe(normalizePage(none.text).replaceAll(unknown, 'EMAIL'));
		expect(wrong.headers['set-cookie']).toEqual(none.headers['set-cookie']);
		expect((await auditActions(org.id)).filter((e) => e.action === 'sign_in_failed').map((e) => e.target)).toEqual([m.email]);
		expect(await db().selectFrom('audit_events').select('action').where('target', '=', unknown).execute()).toEqual([]);
		const orphan = await db().selectFrom('global_audit_events').select('action').where('target', '=', unknown).execute();
		expect(orphan).toEqual([{ action: 'sign_in_failed' }]);
	});

	it('signs a participant with a password in (to their home and own KPI figures) and logs it', async () => {
		const org = await createTestOrganization();
		const p = await createTestActor(org.id, 'participant');
		await db()
			.insertInto('accounts')
			.values({ email: p.email, password_hash: await hashPassword(PASSWORD) })
			.execute();
		const r = await signIn(p.email, PASSWORD);
		expect(r.status).toBe(303);
		expect(sessionFrom(r)).not.toBeNull();
		expect((await auditActions(org.id)).map((e) => e.action)).toContain('sign_in');
	});

	it('rate-limits the 11th attempt on one account from one address within 15 minutes (429), even with the right password, and logs it; the owner elsewhere is not locked out', async () => {
		const org = await createTestOrganization();
		const m = await memberWithPassword(org.id, 'admin', PASSWORD);
		const stranger = freshIp();
		for (let i = 1; i <= 10; i++) {
			const r = await signIn(m.email, `wrong ${i}`, { ip: stranger });
			expect(r.status, `attempt ${i}`).toBe(400);
		}
		const limited = await signIn(m.email, PASSWORD, { ip: stranger });
		expect(limited.status).toBe(429);
		expect(limited.text).toContain('Too many attempts. Please wait a few minutes and try again.');
		expect(sessionFrom(limited)).toBeNull();
		expect((await auditActions(org.id)).map((e) => e.action)).toContain('sign_in_limited');
		// Another account is not affected, nor the owner from their own address.
		const other = await memberWithPassword(org.id, 'admin', PASSWORD);
		expect((await signIn(other.email, PASSWORD)).status).toBe(303);
		expect((await signIn(m.email, PASSWORD, { ip: freshIp() })).status).toBe(303);
	});

	it('a successful sign-in resets the counter of its account and address', async () => {
		const org = await createTestOrganization();
		const m = await memberWithPassword(org.id, 'admin', PASSWORD);
		const ip = freshIp();
		for (let i = 0; i < 9; i++) expect((await signIn(m.email, 'wrong', { ip })).status).toBe(400);
		expect((await signIn(m.email, PASSWORD, { ip })).status).toBe(303);
		for (let i = 0; i < 9; i++) expect((await signIn(m.email, 'wrong', { ip })).status).toBe(400);
		expect((await signIn(m.email, PASSWORD, { ip })).status).toBe(303);
	});

	it('answers odd input with a 400 page, never a 5xx', async () => {
		for (const [email, password] of [
			['', ''],
			['a@b.c', ''],
			['x'.repeat(300), 'p'],
			['a\u0000@example.test', 'p'],
			["' OR 1=1 --@x", "' OR 1=1 --"],
			['<script>alert(1)</script>', 'p'.repeat(201)]
		]) {
			const r = await signIn(email, password);
			expect(r.status, JSON.stringify(email)).toBe(400);
			expect(r.text).not.toContain('<script>alert(1)</script>');
		}
		const noFields = await postForm('/signin', {});
		expect(noFields.status).toBe(400);
	});
});

describe('sign-out', () => {
	it('ends the session for good and logs it', async () => {
		const org = await createTestOrganization();
		const m = await memberWithPassword(org.id, 'admin', PASSWORD);
		const cookie = sessionFrom(await signIn(m.email, PASSWORD))!;
		const out = await postForm('/signout', {}, { cookie });
		expect(out.status).toBe(303);
		expect(out.location).toBe('/signin?signed-out');
		expect(out.setCookies.find((c) => c.startsWith('sos_session='))).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
		expect((await apiClient(baseUrl(), { cookie }).GET('/units')).response.status).toBe(401);
		expect((await getPage('/app', { cookie })).location).toMatch(/^\/signin/);
		expect((await auditActions(org.id)).map((e) => e.action)).toContain('sign_out');
	});
});

describe('choosing an organization', () => {
	it('someone with access to two organizations signs in, chooses one, and acts only there', async () => {
		const a = await createTestOrganization();
		const b = await createTestOrganization();
		const m = await memberWithPassword(a.id, 'admin', PASSWORD);
		await db().insertInto('users').values({ organization_id: b.id, name: 'Same person', email: m.email, language: 'en', access: 'admin' }).execute();
		const signedIn = await signIn(m.email, PASSWORD);
		expect(signedIn.status).toBe(303);
		const cookie = sessionFrom(signedIn)!;
		const home = await getPage('/', { cookie });
		expect(home.location).toBe('/choose-organization');
		const page = await getPage('/choose-organization', { cookie });
		expect(page.status).toBe(200);
		expect(page.text).toContain(a.name);
		expect(page.text).toContain(b.name);
		// Not yet in an organization: the API has nothing to offer.
		expect((await apiClient(baseUrl(), { cookie }).GET('/units')).response.status).toBe(403);

		const foreign = await createTestOrganization();
		for (const organizationId of [foreign.id, 'nope', '']) {
			expect((await postForm('/choose-organization', { organizationId }, { cookie })).status).toBe(404);
		}
		const chosen = await postForm('/choose-organization', { organizationId: b.id }, { cookie });
		expect(chosen.status).toBe(303);
		expect(chosen.location).toBe('/app');
		await apiClient(baseUrl(), { cookie }).POST('/units', { body: { name: 'In B' } });
		const bAdmin = await createTestActor(b.id, 'admin');
		const { sessionCookie } = await import('../support/http');
		expect((await apiClient(baseUrl(), { cookie: await sessionCookie(bAdmin) }).GET('/units')).data!.units.map((u) => u.name)).toEqual(['In B']);
		// Only the organization entered learns of the sign-in.
		expect((await auditActions(a.id)).map((e) => e.action)).not.toContain('sign_in');
		expect((await auditActions(b.id)).map((e) => e.action)).toContain('sign_in');
	});

	it('without a session, choosing sends you to sign in', async () => {
		const r = await postForm('/choose-organization', { organizationId: 'x' });
		expect(r.status).toBe(303);
		expect(r.location).toMatch(/^\/signin/);
	});
});

describe('language', () => {
	it('switches language by cookie and goes back only to a same-site page', async () => {
		const r = await postForm('/language', { language: 'sv', redirectTo: '/signin' });
		expect(r.status).toBe(303);
		expect(r.location).toBe('/signin');
		const c = r.setCookies.find((s) => s.startsWith('sos_lang='))!;
		expect(c).toMatch(/^sos_lang=sv;/);
		const page = await getPage('/signin', { headers: { cookie: 'sos_lang=sv' } });
		expect(page.text).toMatch(/<html lang="sv"/);
		for (const redirectTo of ['//evil.example', 'https://evil.example', '/\t/evil.example']) {
			expect((await postForm('/language', { language: 'en', redirectTo })).location).toBe('/');
		}
		const bad = await postForm('/language', { language: 'xx', redirectTo: '/signin' });
		expect(bad.status).toBe(303);
		expect(bad.setCookies.some((s) => s.startsWith('sos_lang='))).toBe(false);
	});

	it("a signed-in member's choice is saved to their user", async () => {
		const org = await createTestOrganization();
		const m = await memberWithPassword(org.id, 'viewer', PASSWORD);
		const cookie = sessionFrom(await signIn(m.email, PASSWORD))!;
		await postForm('/language', { language: 'sv', redirectTo: '/' }, { cookie });
		const u = await db().selectFrom('users').select('language').where('id', '=', m.membership!.userId).executeTakeFirstOrThrow();
		expect(u.language).toBe('sv');
	});
});
