import { describe, expect, it } from 'vitest';
import { createApiToken } from '$lib/server/api-tokens/tokens';
import { baseUrl, call } from '../support/http';
import { getPage, memberWithPassword, orgWithAdmin, postForm, raw, sessionFrom } from './helpers';

const EVIL = 'https://evil.example';

function jsonCall(method: string, path: string, opts: { cookie?: string; origin?: string; token?: string; json?: unknown }) {
	const headers: Record<string, string> = {};
	if (opts.cookie) headers.cookie = opts.cookie;
	if (opts.origin) headers.origin = opts.origin;
	if (opts.token) headers.authorization = `Bearer ${opts.token}`;
	if (opts.json !== undefined) headers['content-type'] = 'application/json';
	return raw(method, path, { headers, body: opts.json === undefined ? undefined : JSON.stringify(opts.json) });
}

describe('CSRF', () => {
	it('refuses cookie-authenticated API writes with a foreign or missing Origin (403), and changes nothing', async () => {
		const { cookie } = await orgWithAdmin();
		const unit = (await call('POST', '/api/v1/units', { cookie, json: { name: 'Keep' } })).data;
		const user = (await call('GET', '/api/v1/users', { cookie })).data.users[0];
		for (const origin of [EVIL, undefined, 'null', `${baseUrl()}.evil.example`, baseUrl().replace('http:', 'https:')]) {
			for (const [method, path, json] of [
				['POST', '/api/v1/units', { name: 'Forged' }],
				['PATCH', `/api/v1/units/${unit.id}`, { name: 'Forged' }],
				['DELETE', `/api/v1/units/${unit.id}`, undefined],
				['POST', '/api/v1/users', { name: 'Forged', email: 'forged@example.test', access: 'admin' }],
				['PATCH', `/api/v1/users/${user.id}`, { name: 'Forged' }],
				['DELETE', `/api/v1/users/${user.id}`, undefined],
				['POST', `/api/v1/users/import/${unit.id}/apply`, undefined]
			] as const) {
				const r = await jsonCall(method, path, { cookie, origin, json });
				expect(r.status, `${method} ${path} from ${origin}`).toBe(403);
				expect(JSON.parse(r.text).error.code).toBe('csrf');
			}
		}
		const units = (await call('GET', '/api/v1/units', { cookie })).data.units;
		expect(units.map((u: { name: string }) => u.name)).toEqual(['Keep']);
		expect((await call('GET', '/api/v1/users', { cookie })).data.users.map((u: { name: string }) => u.name)).toEqual([user.name]);
	});

	it('allows cross-origin reads with a cookie, and bearer writes from anywhere (no ambient credentials)', async () => {
		const { org, admin, cookie } = await orgWithAdmin();
		expect((await jsonCall('GET', '/api/v1/units', { cookie, origin: EVIL })).status).toBe(200);
		const { secret } = await createApiToken({ organizationId: org.id, actor: admin, input: { name: 't' } });
		expect((await jsonCall('POST', '/api/v1/units', { token: secret, origin: EVIL, json: { name: 'Ok' } })).status).toBe(201);
	});

	it('refuses a cross-site multipart upload to the API', async () => {
		const { cookie } = await orgWithAdmin();
		const body = '--b\r\nContent-Disposition: form-data; name="file"; filename="u.csv"\r\n\r\nname,email\r\n--b--\r\n';
		const r = await raw('POST', '/api/v1/users/import', { headers: { cookie, origin: EVIL, 'content-type': 'multipart/form-data; boundary=b' }, body });
		expect(r.status).toBe(403);
	});

	it('SvelteKit refuses cross-site form posts to /signin and /signout (403)', async () => {
		const { org } = await orgWithAdmin();
		const member = await memberWithPassword(org.id, 'admin', 'correct horse battery');
		const signin = await postForm('/signin', { email: member.email, password: 'correct horse battery' }, { origin: EVIL });
		expect(signin.status).toBe(403);
		expect(signin.text).toBe('Cross-site POST form submissions are forbidden');
		expect(sessionFrom(signin)).toBeNull();
		const noOrigin = await postForm('/signin', { email: member.email, password: 'correct horse battery' }, { origin: null });
		expect(noOrigin.status).toBe(403);
		// A real session survives a forged sign-out.
		const ok = await postForm('/signin', { email: member.email, password: 'correct horse battery' });
		const cookie = sessionFrom(ok)!;
		expect(cookie).toBeTruthy();
		expect((await postForm('/signout', {}, { cookie, origin: EVIL })).status).toBe(403);
		expect((await call('GET', '/api/v1/units', { cookie })).status).toBe(200);
	});
});

describe('security headers', () => {
	it('a page carries a CSP with a nonce that its scripts use, and the framing/sniffing/referrer headers', async () => {
		const r = await getPage('/signin');
		expect(r.status).toBe(200);
		const csp = String(r.headers['content-security-policy']);
		const nonce = /script-src [^;]*'nonce-([^']+)'/.exec(csp)?.[1];
		expect(nonce).toBeTruthy();
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toContain("object-src 'none'");
		expect(csp).toContain("base-uri 'self'");
		expect(csp).toContain("form-action 'self'");
		expect(csp).not.toContain("'unsafe-eval'");
		expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
		const scripts = [...r.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
		expect(scripts.length).toBeGreaterThan(0);
		for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
		// A fresh nonce for every response.
		const again = String((await getPage('/signin')).headers['content-security-policy']);
		expect(/'nonce-([^']+)'/.exec(again)?.[1]).not.toBe(nonce);
		expect(r.headers['x-frame-options']).toBe('DENY');
		expect(r.headers['x-content-type-options']).toBe('nosniff');
		expect(r.headers['referrer-policy']).toBe('same-origin');
		expect(r.headers['strict-transport-security']).toBeUndefined();
	});

	it('static files (served before SvelteKit) carry nosniff too, also precompressed and when not modified', async () => {
		const page = await getPage('/signin');
		const asset = /\/_app\/immutable\/[^"']+\.js/.exec(page.text)?.[0];
		expect(asset).toBeTruthy();
		for (const [path, headers] of [
			['/favicon.svg', {}],
			['/survey.js', {}],
			[asset!, {}],
			[asset!, { 'accept-encoding': 'gzip, br' }]
		] as const) {
			const r = await raw('GET', path, { headers });
			expect(r.status, path).toBe(200);
			expect(r.headers['x-content-type-options'], path).toBe('nosniff');
			const etag = r.headers.etag as string | undefined;
			if (etag) {
				const again = await raw('GET', path, { headers: { ...headers, 'if-none-match': etag } });
				expect(again.status, path).toBe(304);
				expect(again.headers['x-content-type-options'], path).toBe('nosniff');
			}
		}
	});

	it('an API response carries a locked-down CSP, nosniff, no-store and the other headers, also on errors', async () => {
		const { cookie } = await orgWithAdmin();
		for (const r of [await raw('GET', '/api/v1/units', { headers: { cookie } }), await raw('GET', '/api/v1/units')]) {
			expect(r.headers['content-type']).toMatch(/^application\/json/);
			expect(r.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
			expect(r.headers['x-frame-options']).toBe('DENY');
			expect(r.headers['x-content-type-options']).toBe('nosniff');
			expect(r.headers['referrer-policy']).toBe('same-origin');
			expect(r.headers['cache-control']).toBe('no-store');
		}
	});

	it('behind TLS (X-Forwarded-Proto: https) adds HSTS and marks the session cookie Secure', async () => {
		const page = await getPage('/signin', { headers: { 'x-forwarded-proto': 'https' } });
		expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
		const { org } = await orgWithAdmin();
		const m = await memberWithPassword(org.id, 'viewer', 'a long enough password');
		const origin = baseUrl().replace('http:', 'https:');
		const r = await postForm('/signin', { email: m.email, password: 'a long enough password' }, { origin, headers: { 'x-forwarded-proto': 'https' } });
		expect(r.status).toBe(303);
		const c = r.setCookies.find((s) => s.startsWith('sos_session='))!;
		expect(c).toMatch(/;\s*Secure/i);
	});

	it('the session cookie is HttpOnly, SameSite=Lax, for the whole site, and not Secure over plain HTTP', async () => {
		const { org } = await orgWithAdmin();
		const m = await memberWithPassword(org.id, 'admin', 'a long enough password');
		const r = await postForm('/signin', { email: m.email, password: 'a long enough password' });
		expect(r.status).toBe(303);
		const c = r.setCookies.find((s) => s.startsWith('sos_session='))!;
		expect(c).toMatch(/;\s*HttpOnly/i);
		expect(c).toMatch(/;\s*SameSite=Lax/i);
		expect(c).toMatch(/;\s*Path=\//i);
		expect(c).toMatch(/;\s*Expires=/i);
		expect(c).not.toMatch(/;\s*Secure/i);
		expect(c.split(';')[0]).toMatch(/^sos_session=[a-z2-7]{32}$/);
	});
});
