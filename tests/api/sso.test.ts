import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JWTPayload } from 'jose';
import { db } from '$lib/server/db';
import { hashPassword } from '$lib/server/auth/passwords';
import { issueEmailLink } from '$lib/server/auth/issue-link';
import type { Access } from '$lib/server/db/schema';
import { createTestOrganization } from '$tests/fixtures';
import { sessionCookie } from '../support/http';
import { startTestIdp, type TestIdp } from '../support/oidc-provider';
import { startExtraServer } from './helpers';

/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider, dressed as Entra ID), through a
 * real SOS server allowed to reach a provider on this machine without TLS.
 */
let idp: TestIdp;
let app: { url: string; stop: () => Promise<void> };

beforeAll(async () => {
	let appUrl = '';
	idp = await startTestIdp({ redirectUris: () => [`${appUrl}/signin/sso/callback`] });
	app = await startExtraServer({ SOS_SSO_ALLOW_LOOPBACK: 'on', SOS_ENTRA_AUTHORITY: idp.origin });
	appUrl = app.url;
}, 60_000);
afterAll(async () => {
	await app?.stop();
	await idp?.stop();
});

interface Res {
	status: number;
	location: string | null;
	text: string;
	cookies: string[];
}

async function request(path: string, opts: { method?: string; form?: Record<string, string>; cookie?: string } = {}): Promise<Res> {
	const headers: Record<string, string> = { accept: 'text/html', origin: app.url };
	if (opts.cookie) headers.cookie = opts.cookie;
	if (opts.form) headers['content-type'] = 'application/x-www-form-urlencoded';
	const url = path.startsWith('http') ? path : app.url + path;
	const res = await fetch(url, {
		method: opts.method ?? (opts.form ? 'POST' : 'GET'),
		headers,
		body: opts.form ? new URLSearchParams(opts.form) : undefined,
		redirect: 'manual'
	});
	return { status: res.status, location: res.headers.get('location'), text: await res.text(), cookies: res.headers.getSetCookie() };
}

const cookieFrom = (r: Res, name: string) => {
	const c = r.cookies.map((s) => s.split(';')[0]).find((p) => p.startsWith(`${name}=`));
	return c && c !== `${name}=` ? c : null;
};

async function person(organizationId: string, email: string, access: Access, password?: string) {
	const u = await db()
		.insertInto('users')
		.values({ organization_id: organizationId, name: `Person ${email.split('@')[0]}`, email, language: 'en', access })
		.returning('id')
		.executeTakeFirstOrThrow();
	if (password)
		await db()
			.insertInto('accounts')
			.values({ email, password_hash: await hashPassword(password) })
			.execute();
	return { id: u.id, email };
}

/** A new organization with an admin and its own email domain. */
async function newOrg() {
	const org = await createTestOrganization();
	const domain = `sso-${randomUUID().slice(0, 8)}.test`;
	const admin = await person(org.id, `admin@${domain}`, 'admin');
	const actor = {
		accountId: null,
		email: admin.email,
		isOperator: false,
		via: 'session' as const,
		label: admin.email,
		membership: {
			organizationId: org.id,
			organizationName: 'x',
			isDemo: false,
			userId: admin.id,
			name: 'Admin',
			access: 'admin' as const,
			scopeUnitId: null,
			language: 'en' as const
		}
	};
	const cookie = await sessionCookie(actor);
	return { org, domain, admin, cookie };
}

async function connect(o: { cookie: string; domain: string }, fields: Record<string, string> = {}) {
	const r = await request('/app/settings/sso?/save', {
		cookie: o.cookie,
		form: { kind: 'entra', tenantId: idp.tenant, clientId: idp.clientId, clientSecret: idp.clientSecret, domains: o.domain, ...fields }
	});
	return r;
}

/** The whole round trip: SOS → provider (signed in as `account`) → SOS's callback. */
async function ssoSignIn(email: string, account: string, opts: { alterCallback?: (url: URL) => void; cookie?: (c: string) => string | undefined } = {}) {
	const started = await request('/signin/sso', { form: { email } });
	expect(started.status, started.text.slice(0, 500)).toBe(303);
	expect(started.location!.startsWith(idp.issuer)).toBe(true);
	const state = cookieFrom(started, 'sos_sso_state')!;
	expect(state).toBeTruthy();
	idp.signInAs(account);
	const callback = new URL(await idp.authorize(started.location!));
	expect(callback.origin + callback.pathname).toBe(`${app.url}/signin/sso/callback`);
	opts.alterCallback?.(callback);
	const cookie = opts.cookie ? opts.cookie(state) : state;
	const done = await request(callback.href, { cookie });
	return { done, session: cookieFrom(done, 'sos_session'), callback: callback.href, state };
}

const errorOf = (r: Res) => (r.location?.startsWith('/signin/sso?error=') ? r.location.split('=')[1] : null);

describe('single sign-on: connecting', () => {
	it('connects Entra ID by tenant; keeps the secret sealed, never shows it, audits without it', async () => {
		const o = await newOrg();
		const saved = await connect(o);
		expect(saved.status, saved.text.slice(0, 300)).toBe(200);
		const row = await db().selectFrom('sso_connections').selectAll().where('organization_id', '=', o.org.id).executeTakeFirstOrThrow();
		expect(row.issuer).toBe(idp.issuer);
		expect(row.tenant_id).toBe(idp.tenant);
		expect(row.client_secret_sealed).not.toContain(idp.clientSecret);
		expect(row.client_secret_sealed).toMatch(/^v1\./);
		const page = await request('/app/settings/sso', { cookie: o.cookie });
		expect(page.status).toBe(200);
		expect(page.text).not.toContain(idp.clientSecret);
		expect(page.text).toContain('A secret is set');
		expect(page.text).toContain(`${app.url}/signin/sso/callback`);
		const audit = await db().selectFrom('audit_events').select(['action', 'details']).where('organization_id', '=', o.org.id).execute();
		const event = audit.find((e) => e.action === 'sso_connection_saved')!;
		expect(event.details).toMatchObject({ kind: 'entra', secretChanged: true, domains: [o.domain] });
		expect(JSON.stringify(audit)).not.toContain(idp.clientSecret);

		// Saving again without a secret keeps it; an error never echoes a secret that was typed.
		expect((await connect(o, { clientSecret: '' })).status).toBe(200);
		const bad = await connect(o, { clientSecret: 'typed-new-secret', domains: 'not a domain' });
		expect(bad.status).toBe(400);
		expect(bad.text).not.toContain('typed-new-secret');
		expect(bad.text).toContain('is not an email domain');
	});

	it('refuses a tenant or issuer whose provider cannot be discovered, a plain-http issuer elsewhere, a domain another organization has, and require-SSO without a break-glass admin', async () => {
		const o = await newOrg();
		const wrongTenant = await connect(o, { tenantId: randomUUID() });
		expect(wrongTenant.status).toBe(400);
		expect(wrongTenant.text).toContain('could not read the provider');
		const http = await connect(o, { kind: 'oidc', tenantId: '', issuer: 'http://idp.example.com/' });
		expect(http.status).toBe(400);
		expect(http.text).toContain('Must start with https://');
		expect((await connect(o)).status).toBe(200);
		const other = await newOrg();
		const taken = await connect(other, { domains: `${other.domain}, ${o.domain}` });
		expect(taken.status).toBe(409);
		const noBreakGlass = await connect(o, { requireSso: 'on' });
		expect(noBreakGlass.status).toBe(400);
		expect(noBreakGlass.text).toContain('Choose the admin who may still sign in with a password');
	});

	it('is for admins only', async () => {
		const o = await newOrg();
		const viewer = await person(o.org.id, `viewer@${o.domain}`, 'viewer');
		const cookie = await sessionCookie({
			accountId: null,
			email: viewer.email,
			isOperator: false,
			via: 'session',
			label: viewer.email,
			membership: {
				organizationId: o.org.id,
				organizationName: 'x',
				isDemo: false,
				userId: viewer.id,
				name: 'V',
				access: 'viewer',
				scopeUnitId: null,
				language: 'en'
			}
		});
		expect((await request('/app/settings/sso', { cookie })).status).toBe(403);
		expect((await connect({ cookie, domain: o.domain })).status).toBe(403);
	});
});

describe('single sign-on: signing in', () => {
	let o: Awaited<ReturnType<typeof newOrg>>;
	let ann: { id: string; email: string };
	const oid = randomUUID();
	beforeAll(async () => {
		o = await newOrg();
		expect((await connect(o)).status).toBe(200);
		ann = await person(o.org.id, `ann@${o.domain}`, 'viewer');
		idp.accounts.set('ann', { tid: idp.tenant, oid, preferred_username: `Ann@${o.domain}`, name: 'Ann' });
	});

	it('signs a known person in by tid+oid with the same session a password gives, and lands where a password sign-in lands', async () => {
		const { done, session } = await ssoSignIn(ann.email, 'ann');
		expect(done.status).toBe(303);
		expect(done.location).toBe('/');
		expect(session).toBeTruthy();
		expect((await request('/', { cookie: session! })).location).toBe('/app');
		expect((await request('/app', { cookie: session! })).status).toBe(200);
		const link = await db().selectFrom('sso_identities').selectAll().where('organization_id', '=', o.org.id).executeTakeFirstOrThrow();
		expect(link).toMatchObject({ issuer: idp.issuer, subject: `${idp.tenant}:${oid}`, user_id: ann.id });
		const audit = await db()
			.selectFrom('audit_events')
			.select(['action', 'details'])
			.where('organization_id', '=', o.org.id)
			.where('action', '=', 'sign_in')
			.execute();
		expect(audit.at(-1)?.details).toEqual({ method: 'sso', identity: 'matched' });

		// The identity, not the email, says who it is: with a new address in SOS Ann is still Ann.
		await db()
			.updateTable('users')
			.set({ email: `ann.new@${o.domain}` })
			.where('organization_id', '=', o.org.id)
			.where('id', '=', ann.id)
			.execute();
		const again = await ssoSignIn(ann.email, 'ann');
		expect(again.done.location).toBe('/');
		await db().updateTable('users').set({ email: ann.email }).where('organization_id', '=', o.org.id).where('id', '=', ann.id).execute();
	});

	it('keeps where the person was going', async () => {
		const started = await request('/signin/sso?next=%2Fapp%2Fsettings', { form: { email: ann.email } });
		idp.signInAs('ann');
		const cb = await idp.authorize(started.location!);
		const done = await request(cb, { cookie: cookieFrom(started, 'sos_sso_state')! });
		expect(done.location).toBe('/app/settings');
	});

	it('refuses a state that does not match the browser, a missing cookie, and a replayed callback', async () => {
		expect(errorOf((await ssoSignIn(ann.email, 'ann', { cookie: () => 'sos_sso_state=forged' })).done)).toBe('sso_state_invalid');
		expect(errorOf((await ssoSignIn(ann.email, 'ann', { cookie: () => undefined })).done)).toBe('sso_state_invalid');
		const first = await ssoSignIn(ann.email, 'ann');
		expect(first.session).toBeTruthy();
		const replay = await request(first.callback, { cookie: first.state });
		expect(errorOf(replay)).toBe('sso_state_invalid');
		expect(cookieFrom(replay, 'sos_session')).toBeNull();
	});

	it('refuses an ID token with the wrong issuer, the wrong audience, an expired one, one signed with another key, and a replayed nonce', async () => {
		const cases: [string, (c: JWTPayload) => JWTPayload, boolean?][] = [
			['issuer', (c) => ({ ...c, iss: `${idp.origin}/${randomUUID()}/v2.0` })],
			['audience', (c) => ({ ...c, aud: 'another-client' })],
			['expired', (c) => ({ ...c, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 })],
			['signature', (c) => c, true]
		];
		try {
			for (const [what, change, foreignKey] of cases) {
				idp.tamper(change, { foreignKey });
				const r = await ssoSignIn(ann.email, 'ann');
				expect(errorOf(r.done), what).toBe('sso_token_invalid');
				expect(r.session, what).toBeNull();
			}
			// A nonce from an earlier sign-in, in an otherwise valid, properly signed token.
			let earlier: unknown = null;
			idp.tamper((c) => ((earlier = c.nonce), c));
			expect((await ssoSignIn(ann.email, 'ann')).session).toBeTruthy();
			idp.tamper((c) => ({ ...c, nonce: earlier }));
			expect(errorOf((await ssoSignIn(ann.email, 'ann')).done)).toBe('sso_token_invalid');
		} finally {
			idp.tamper(null);
		}
		const failed = await db()
			.selectFrom('audit_events')
			.select(['details', 'target'])
			.where('organization_id', '=', o.org.id)
			.where('action', '=', 'sign_in_failed')
			.execute();
		expect(failed.some((f) => (f.details as { reason?: string }).reason === 'sso_token_invalid')).toBe(true);
		expect(JSON.stringify(failed)).not.toMatch(/eyJ/); // no token in the log
	});

	it('refuses a person from another Entra tenant, and a domain the organization did not allow', async () => {
		idp.accounts.set('stranger', { tid: randomUUID(), oid: randomUUID(), preferred_username: `ann@${o.domain}` });
		expect(errorOf((await ssoSignIn(ann.email, 'stranger')).done)).toBe('sso_wrong_tenant');
		idp.accounts.set('outsider', { tid: idp.tenant, oid: randomUUID(), preferred_username: 'someone@elsewhere.test' });
		expect(errorOf((await ssoSignIn(ann.email, 'outsider')).done)).toBe('sso_domain_not_allowed');
	});

	it('refuses an unknown person while auto-create is off, and makes them a participant of the chosen unit when it is on', async () => {
		idp.accounts.set('newbie', { tid: idp.tenant, oid: randomUUID(), preferred_username: `newbie@${o.domain}`, name: 'New Bie' });
		expect(errorOf((await ssoSignIn(`newbie@${o.domain}`, 'newbie')).done)).toBe('sso_unknown_person');
		const unit = await db().insertInto('units').values({ organization_id: o.org.id, name: 'Team North' }).returning('id').executeTakeFirstOrThrow();
		expect((await connect(o, { clientSecret: '', autoCreate: 'on', autoCreateUnitId: unit.id })).status).toBe(200);
		const r = await ssoSignIn(`newbie@${o.domain}`, 'newbie');
		expect(r.done.location).toBe('/');
		const created = await db()
			.selectFrom('users')
			.selectAll()
			.where('organization_id', '=', o.org.id)
			.where('email', '=', `newbie@${o.domain}`)
			.executeTakeFirstOrThrow();
		expect(created).toMatchObject({ access: 'participant', unit_id: unit.id, name: 'New Bie' });
		expect((await connect(o, { clientSecret: '' })).status).toBe(200);
	});

	it('counts for its own organization only: the session cannot move into another organization of the account, set a password, or speak for the operator', async () => {
		const other = await createTestOrganization();
		idp.accounts.set('multi', { tid: idp.tenant, oid: randomUUID(), preferred_username: `multi@${o.domain}`, name: 'Multi' });
		const multi = await person(o.org.id, `multi@${o.domain}`, 'participant');
		await person(other.id, multi.email, 'admin');
		const { session } = await ssoSignIn(multi.email, 'multi');
		expect(session).toBeTruthy();
		expect((await request('/choose-organization', { cookie: session!, form: { organizationId: other.id } })).status).toBe(404);
		expect((await request('/app/settings?/password', { cookie: session!, form: { current: '', password: 'a brand new password 1' } })).status).toBe(400);
		expect((await db().selectFrom('accounts').select('password_hash').where('email', '=', multi.email).executeTakeFirstOrThrow()).password_hash).toBeNull();
		// Moved by other means, the session no longer counts at all.
		await db().updateTable('sessions').set({ organization_id: other.id }).where('sso_organization_id', '=', o.org.id).execute();
		expect((await request('/app', { cookie: session! })).status).toBe(303);

		idp.accounts.set('op', { tid: idp.tenant, oid: randomUUID(), preferred_username: `op@${o.domain}`, name: 'Op' });
		await person(o.org.id, `op@${o.domain}`, 'participant');
		await db()
			.insertInto('accounts')
			.values({ email: `op@${o.domain}`, is_operator: true })
			.execute();
		expect(errorOf((await ssoSignIn(`op@${o.domain}`, 'op')).done)).toBe('sso_unknown_person');
	});

	it('refuses a person deactivated by provisioning, linked or not', async () => {
		idp.accounts.set('gone', { tid: idp.tenant, oid: randomUUID(), preferred_username: `gone@${o.domain}`, name: 'Gone' });
		const gone = await person(o.org.id, `gone@${o.domain}`, 'participant');
		expect((await ssoSignIn(gone.email, 'gone')).done.location).toBe('/');
		await db().updateTable('users').set({ deactivated_at: new Date() }).where('organization_id', '=', o.org.id).where('id', '=', gone.id).execute();
		expect(errorOf((await ssoSignIn(gone.email, 'gone')).done)).toBe('sso_deactivated');
		await db().deleteFrom('sso_identities').where('organization_id', '=', o.org.id).where('user_id', '=', gone.id).execute();
		expect(errorOf((await ssoSignIn(gone.email, 'gone')).done)).toBe('sso_deactivated');
	});

	it('tells the sign-in page whether a domain signs in with single sign-on, and nothing about unknown domains', async () => {
		expect(JSON.parse((await request(`/signin/sso/discover?email=anyone@${o.domain}`)).text)).toEqual({ sso: true, required: false });
		expect(JSON.parse((await request('/signin/sso/discover?email=anyone@nowhere.test')).text)).toEqual({ sso: false, required: false });
		const none = await request('/signin/sso', { form: { email: 'someone@nowhere.test' } });
		expect(none.status).toBe(400);
		expect(none.text).toContain('Single sign-on is not set up for that email domain');
	});
});

describe('single sign-on: generic OpenID Connect', () => {
	it('names people by sub and refuses an email the provider has not verified', async () => {
		const o = await newOrg();
		expect((await connect(o, { kind: 'oidc', tenantId: '', issuer: idp.issuer })).status).toBe(200);
		const bo = await person(o.org.id, `bo@${o.domain}`, 'admin');
		idp.accounts.set('bo-unverified', { email: bo.email, email_verified: false });
		expect(errorOf((await ssoSignIn(bo.email, 'bo-unverified')).done)).toBe('sso_email_unverified');
		idp.accounts.set('bo', { email: bo.email, email_verified: true });
		const ok = await ssoSignIn(bo.email, 'bo');
		expect(ok.session).toBeTruthy();
		const link = await db().selectFrom('sso_identities').select('subject').where('organization_id', '=', o.org.id).executeTakeFirstOrThrow();
		expect(link.subject).toBe('bo');
	});
});

describe('single sign-on: required', () => {
	it('refuses password and email-link sign-in to members, with a message that sends them to single sign-on; the break-glass admin still signs in', async () => {
		const o = await newOrg();
		const password = 'correct horse battery';
		const glass = await person(o.org.id, `glass@${o.domain}`, 'admin', password);
		const admin2 = await person(o.org.id, `second@${o.domain}`, 'admin', password);
		const viewer = await person(o.org.id, `viewer@${o.domain}`, 'viewer', password);
		const viewerBefore = cookieFrom(await request('/signin', { form: { email: viewer.email, password } }), 'sos_session')!;
		const glassBefore = cookieFrom(await request('/signin', { form: { email: glass.email, password } }), 'sos_session')!;
		expect((await request('/app', { cookie: viewerBefore })).status).toBe(200);
		expect((await connect(o, { requireSso: 'on', breakGlassUserId: glass.id })).status).toBe(200);
		// Turning it on signs the members out once; the break-glass admin and the admin who saved it stay in.
		expect((await request('/app', { cookie: viewerBefore })).status).toBe(303);
		expect((await request('/app', { cookie: glassBefore })).status).toBe(200);
		expect((await request('/app/settings/sso', { cookie: o.cookie })).status).toBe(200);
		expect(JSON.parse((await request(`/signin/sso/discover?email=${viewer.email}`)).text)).toEqual({ sso: true, required: true });

		for (const who of [viewer, admin2]) {
			const r = await request('/signin', { form: { email: who.email, password } });
			expect(r.status, who.email).toBe(403);
			expect(r.text).toContain('Your organization signs in with single sign-on');
			expect(cookieFrom(r, 'sos_session')).toBeNull();
			// A wrong password gets the usual answer: the refusal tells only the person who knows the password.
			const wrong = await request('/signin', { form: { email: who.email, password: 'wrong password!' } });
			expect(wrong.status).toBe(400);
			expect(wrong.text).not.toContain('single sign-on. Choose');
		}
		const glassIn = await request('/signin', { form: { email: glass.email, password } });
		expect(glassIn.status).toBe(303);
		expect(cookieFrom(glassIn, 'sos_session')).toBeTruthy();

		// An email link (issued as the link form would) does not sign a member in either.
		const link = await issueEmailLink({ kind: 'magic_link', email: viewer.email, origin: app.url, minutes: 15 });
		const confirmed = await request(new URL(link).pathname, { form: {} });
		expect(confirmed.status).toBe(403);
		expect(confirmed.text).toContain('Your organization signs in with single sign-on');
		expect(cookieFrom(confirmed, 'sos_session')).toBeNull();

		// Turned off again, the password works.
		expect((await connect(o, { clientSecret: '' })).status).toBe(200);
		expect((await request('/signin', { form: { email: viewer.email, password } })).status).toBe(303);
	});
});
