import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createApiToken, listApiTokens, revokeApiToken } from '$lib/server/api-tokens/tokens';
import { generateToken, hashToken } from '$lib/server/auth/tokens';
import { routingKey } from '$lib/server/db/routing-key';
import { baseUrl } from '../support/http';
import { apiClient } from '../support/api-client';
import { auditActions, getPage, orgWithAdmin, raw } from './helpers';

/**
 * A JSON call the way an integration makes it: bearer token, no cookie, no Origin header (the typed client
 * always sends one). Raw, for what these tests are about: the Authorization header itself.
 */
async function bearer(method: string, path: string, token: string, json?: unknown) {
	const headers: Record<string, string> = { authorization: `Bearer ${token}` };
	if (json !== undefined) headers['content-type'] = 'application/json';
	const r = await raw(method, path, { headers, body: json === undefined ? undefined : JSON.stringify(json) });
	return { status: r.status, data: r.text ? JSON.parse(r.text) : null };
}

async function orgWithToken(name = 'integration') {
	const o = await orgWithAdmin();
	const token = await createApiToken({ organizationId: o.org.id, actor: o.admin, input: { name } });
	return { ...o, token };
}

describe('API tokens', () => {
	it('work as Authorization: Bearer for reads and writes, without an Origin header', async () => {
		const { org, token } = await orgWithToken('HR sync');
		expect(token.secret).toMatch(/^sos_[a-z2-7]{26}_[a-z2-7]{52}$/);
		expect(token.secret.slice(4, 30)).toBe(routingKey(org.id));
		const created = await bearer('POST', '/api/v1/units', token.secret, { name: 'Via token' });
		expect(created.status).toBe(201);
		const list = await bearer('GET', '/api/v1/units', token.secret);
		expect(list.status).toBe(200);
		expect(list.data.units.map((u: { name: string }) => u.name)).toEqual(['Via token']);
		const patched = await bearer('PATCH', `/api/v1/units/${created.data.id}`, token.secret, { name: 'Renamed' });
		expect(patched.status).toBe(200);
		expect((await bearer('DELETE', `/api/v1/units/${created.data.id}`, token.secret)).status).toBe(204);
		// The audit log names the token as the actor; the token list shows it was used.
		const audit = await auditActions(org.id);
		expect(audit.find((e) => e.action === 'unit_created')?.actor).toBe('API token “HR sync”');
		expect(audit.some((e) => e.action === 'api_token_created' && e.target === 'HR sync')).toBe(true);
		const [listed] = await listApiTokens({ organizationId: org.id });
		expect(listed.lastUsedAt).toBeInstanceOf(Date);
	});

	it('a revoked token gets 401', async () => {
		const { org, admin, token } = await orgWithToken();
		expect((await bearer('GET', '/api/v1/users', token.secret)).status).toBe(200);
		await revokeApiToken({ organizationId: org.id, actor: admin, tokenId: token.id });
		const r = await bearer('GET', '/api/v1/users', token.secret);
		expect(r.status).toBe(401);
		expect(r.data.error.code).toBe('unauthenticated');
		expect((await bearer('POST', '/api/v1/units', token.secret, { name: 'X' })).status).toBe(401);
		expect((await auditActions(org.id)).some((e) => e.action === 'api_token_revoked')).toBe(true);
	});

	it("cannot see or change another organization's data, and lists only its own", async () => {
		const a = await orgWithToken();
		const b = await orgWithToken();
		const apiA = apiClient(baseUrl(), a.token.secret);
		const apiB = apiClient(baseUrl(), b.token.secret);
		const bUnit = (await apiB.POST('/units', { body: { name: 'B only' } })).data!;
		const bUser = (await apiClient(baseUrl(), { cookie: b.cookie }).GET('/users')).data!.users[0];
		await apiA.POST('/units', { body: { name: 'A only' } });
		for (const [method, path] of [
			['GET', `/api/v1/units/${bUnit.id}`],
			['PATCH', `/api/v1/units/${bUnit.id}`],
			['DELETE', `/api/v1/units/${bUnit.id}`],
			['GET', `/api/v1/users/${bUser.id}`],
			['PATCH', `/api/v1/users/${bUser.id}`],
			['DELETE', `/api/v1/users/${bUser.id}`]
		]) {
			const r = await bearer(method, path, a.token.secret, method === 'PATCH' ? { name: 'Taken over' } : undefined);
			expect(r.status, `${method} ${path}`).toBe(404);
		}
		expect((await apiA.GET('/units')).data!.units.map((u) => u.name)).toEqual(['A only']);
		const users = (await apiA.GET('/users')).data!;
		expect(users.total).toBe(1);
		expect(users.users[0].id).toBe(a.admin.membership!.userId);
		expect((await apiB.GET('/units/{id}', { params: { path: { id: bUnit.id } } })).data!.name).toBe('B only');
		// Nor can org A revoke org B's token.
		await expect(revokeApiToken({ organizationId: a.org.id, actor: a.admin, tokenId: b.token.id })).rejects.toThrow(/not found/);
		expect((await apiB.GET('/units')).response.status).toBe(200);
	});

	it('still accepts a token issued before routing keys (sos_<secret>), looked up by its hash alone', async () => {
		const { org } = await orgWithAdmin();
		const secret = `sos_${generateToken(32)}`;
		await db()
			.insertInto('api_tokens')
			.values({ organization_id: org.id, name: 'Old', token_hash: hashToken(secret), created_by: 'test' })
			.execute();
		const r = await bearer('GET', '/api/v1/units', secret);
		expect(r.status).toBe(200);
		expect((await listApiTokens({ organizationId: org.id }))[0].lastUsedAt).toBeInstanceOf(Date);
	});

	it("answers 401 when a token's routing key names another organization", async () => {
		const a = await orgWithToken();
		const b = await orgWithAdmin();
		const moved = `sos_${routingKey(b.org.id)}${a.token.secret.slice(30)}`;
		expect((await bearer('GET', '/api/v1/units', moved)).status).toBe(401);
		expect((await bearer('GET', '/api/v1/units', `sos_${'a'.repeat(26)}${a.token.secret.slice(30)}`)).status).toBe(401);
	});

	it('answers 401 for malformed, unknown and oversized tokens', async () => {
		const { token } = await orgWithToken();
		for (const header of [
			'Bearer',
			'Bearer ',
			'Bearer nope',
			`Bearer ${token.secret.slice(0, -1)}x`,
			`Bearer ${token.secret}extra`,
			`Bearer sos_${'a'.repeat(5000)}`,
			`Bearer ${token.secret} ${token.secret}`,
			`Basic ${Buffer.from(`x:${token.secret}`).toString('base64')}`,
			`Bearer ' OR 1=1 --`
		]) {
			const r = await raw('GET', '/api/v1/units', { headers: { authorization: header } });
			expect(r.status, header.slice(0, 40)).toBe(401);
		}
	});

	it('is ignored on pages: a bearer token does not sign anyone in to the app', async () => {
		const { token } = await orgWithToken();
		for (const path of ['/app', '/app/users', '/app/settings', '/']) {
			const r = await getPage(path, { headers: { authorization: `Bearer ${token.secret}` } });
			expect(r.status, path).toBe(303);
			expect(r.location, path).toMatch(/^\/signin/);
		}
		// The page data endpoint too.
		const data = await raw('GET', '/app/users/__data.json', { headers: { authorization: `Bearer ${token.secret}` } });
		expect(data.text).not.toContain('Test admin');
		expect(data.text).toContain('/signin');
	});

	it('refuses bad token names at creation', async () => {
		const { org, admin } = await orgWithAdmin();
		await expect(createApiToken({ organizationId: org.id, actor: admin, input: { name: '' } })).rejects.toThrow(/name: Required/);
		await expect(createApiToken({ organizationId: org.id, actor: admin, input: { name: 'x'.repeat(61) } })).rejects.toThrow(/At most 60/);
		await expect(createApiToken({ organizationId: org.id, actor: admin, input: { name: 'a', scope: 'all' } })).rejects.toThrow(/Unknown field/);
		expect(await listApiTokens({ organizationId: org.id })).toEqual([]);
	});
});
