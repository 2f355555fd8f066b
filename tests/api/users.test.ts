import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { db } from '$lib/server/db';
import { createTestActor, uniqueEmail } from '$tests/fixtures';
import { baseUrl, call, sessionCookie } from '../support/http';
import { apiClient } from '../support/api-client';
import type { components, operations } from '$lib/api-client/schema';
import { auditActions, orgWithAdmin } from './helpers';

const isoDate = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/);

const as = (cookie: string) => apiClient(baseUrl(), { cookie });
const user = (id: string) => ({ params: { path: { id } } });
type UserInput = Partial<components['schemas']['UserInput']>;

async function newUnit(cookie: string, name: string, parentId: string | null = null): Promise<string> {
	const r = await as(cookie).POST('/units', { body: { name, parentId } });
	expect(r.response.status).toBe(201);
	return r.data!.id;
}

async function newUser(cookie: string, input: UserInput) {
	const r = await as(cookie).POST('/users', { body: { name: 'Someone', email: uniqueEmail(), ...input } });
	expect(r.response.status, JSON.stringify(r.error)).toBe(201);
	return r.data!;
}

describe('/api/v1/users', () => {
	it('answers 401 without auth on every method', async () => {
		for (const [method, path] of [
			['GET', '/api/v1/users'],
			['POST', '/api/v1/users'],
			['GET', `/api/v1/users/${randomUUID()}`],
			['PATCH', `/api/v1/users/${randomUUID()}`],
			['DELETE', `/api/v1/users/${randomUUID()}`]
		]) {
			const r = await call(method, path, method === 'POST' || method === 'PATCH' ? { json: { name: 'X' } } : {});
			expect(r.status, `${method} ${path}`).toBe(401);
			expect(r.data.error.code).toBe('unauthenticated');
		}
	});

	it('answers 403 to a viewer on every method, and changes nothing', async () => {
		const { org, admin } = await orgWithAdmin();
		const unitId = (await db().insertInto('units').values({ organization_id: org.id, name: 'U' }).returning('id').executeTakeFirstOrThrow()).id;
		const viewer = await sessionCookie(await createTestActor(org.id, 'viewer', unitId));
		const adminId = admin.membership!.userId;
		for (const [method, path, json] of [
			['GET', '/api/v1/users', undefined],
			['POST', '/api/v1/users', { name: 'X', email: uniqueEmail() }],
			['GET', `/api/v1/users/${adminId}`, undefined],
			['PATCH', `/api/v1/users/${adminId}`, { access: 'participant' }],
			['DELETE', `/api/v1/users/${adminId}`, undefined]
		] as const) {
			const r = await call(method, path, { cookie: viewer, json });
			expect(r.status, `${method} ${path}`).toBe(403);
			expect(r.data.error.message).toBe('Only organization admins can do this.');
		}
		const still = await db().selectFrom('users').select('access').where('id', '=', adminId).executeTakeFirstOrThrow();
		expect(still.access).toBe('admin');
	});

	it('creates a user with defaults and returns the full shape', async () => {
		const { cookie, org } = await orgWithAdmin();
		const email = uniqueEmail('Mixed.Case');
		const r = await as(cookie).POST('/users', { body: { name: '  Anna Berg ', email: `  ${email.toUpperCase()} ` } });
		expect(r.response.status).toBe(201);
		expect(r.data).toEqual({
			id: expect.any(String),
			name: 'Anna Berg',
			email: email.toLowerCase(),
			language: 'en',
			unitId: null,
			jobRole: null,
			access: 'participant',
			scopeUnitId: null,
			createdAt: isoDate,
			updatedAt: isoDate
		});
		const got = await as(cookie).GET('/users/{id}', user(r.data!.id));
		expect(got.response.status).toBe(200);
		expect(got.data).toEqual(r.data);
		expect((await auditActions(org.id)).some((e) => e.action === 'user_created' && e.target === email.toLowerCase())).toBe(true);
	});

	it('creates a viewer scoped to their own unit by default, or to the unit given', async () => {
		const { cookie } = await orgWithAdmin();
		const area = await newUnit(cookie, 'Area');
		const team = await newUnit(cookie, 'Team', area);
		const v1 = await newUser(cookie, { access: 'viewer', unitId: team, jobRole: 'sales_manager', language: 'sv' });
		expect(v1).toMatchObject({ access: 'viewer', unitId: team, scopeUnitId: team, jobRole: 'sales_manager', language: 'sv' });
		const v2 = await newUser(cookie, { access: 'viewer', unitId: team, scopeUnitId: area });
		expect(v2.scopeUnitId).toBe(area);
		const noScope = await as(cookie).POST('/users', { body: { name: 'V', email: uniqueEmail(), access: 'viewer' } });
		expect(noScope.response.status).toBe(400);
		expect(noScope.error!.error.details).toEqual([{ path: 'scopeUnitId', message: 'A viewer needs a unit whose results they may see.' }]);
		// A scope on a participant means nothing and is not kept.
		const p = await newUser(cookie, { access: 'participant', scopeUnitId: area });
		expect(p.scopeUnitId).toBeNull();
	});

	it('answers 409 for a duplicate email (case-insensitive) on create and update', async () => {
		const { cookie } = await orgWithAdmin();
		const a = await newUser(cookie, {});
		const api = as(cookie);
		const dup = await api.POST('/users', { body: { name: 'Dup', email: a.email.toUpperCase() } });
		expect(dup.response.status).toBe(409);
		expect(dup.error!.error.code).toBe('email_taken');
		expect(dup.error!.error.message).toContain(a.email);
		const b = await newUser(cookie, {});
		const clash = await api.PATCH('/users/{id}', { ...user(b.id), body: { email: a.email } });
		expect(clash.response.status).toBe(409);
		expect(clash.error!.error.code).toBe('email_taken');
		expect((await api.GET('/users/{id}', user(b.id))).data!.email).toBe(b.email);
		// The same email in another organization is a different person record: allowed.
		const other = await orgWithAdmin();
		expect((await as(other.cookie).POST('/users', { body: { name: 'Same', email: a.email } })).response.status).toBe(201);
	});

	it('updates a user and records access changes in the audit log', async () => {
		const { cookie, org } = await orgWithAdmin();
		const unit = await newUnit(cookie, 'Sales');
		const u = await newUser(cookie, { unitId: unit });
		const api = as(cookie);
		const r = await api.PATCH('/users/{id}', { ...user(u.id), body: { name: 'New Name', access: 'viewer', jobRole: 'sales_manager' } });
		expect(r.response.status).toBe(200);
		expect(r.data).toMatchObject({ id: u.id, name: 'New Name', access: 'viewer', scopeUnitId: unit, jobRole: 'sales_manager', unitId: unit });
		const back = await api.PATCH('/users/{id}', { ...user(u.id), body: { access: 'participant' } });
		expect(back.data).toMatchObject({ access: 'participant', scopeUnitId: null });
		const changes = (await auditActions(org.id)).filter((e) => e.action === 'access_changed' && e.target === u.email);
		expect(changes.map((e) => e.details)).toEqual([
			{ from: 'participant', to: 'viewer', scopeUnitId: unit },
			{ from: 'viewer', to: 'participant', scopeUnitId: null }
		]);
		// A name-only change is not an access change.
		await api.PATCH('/users/{id}', { ...user(u.id), body: { name: 'Again' } });
		expect((await auditActions(org.id)).filter((e) => e.action === 'access_changed' && e.target === u.email)).toHaveLength(2);
	});

	it('refuses (409) to demote or delete the last admin, and allows it once there is another', async () => {
		const { cookie, admin } = await orgWithAdmin();
		const id = admin.membership!.userId;
		const api = as(cookie);
		const demote = await api.PATCH('/users/{id}', { ...user(id), body: { access: 'participant' } });
		expect(demote.response.status).toBe(409);
		expect(demote.error!.error.code).toBe('last_admin');
		const del = await api.DELETE('/users/{id}', user(id));
		expect(del.response.status).toBe(409);
		expect(del.error!.error.code).toBe('last_admin');
		const second = await newUser(cookie, { access: 'admin' });
		const ok = await api.DELETE('/users/{id}', user(second.id));
		expect(ok.response.status).toBe(204);
		expect((await api.GET('/users/{id}', user(second.id))).response.status).toBe(404);
	});

	it("answers 404 for another organization's users and malformed ids, and changes nothing", async () => {
		const mine = await orgWithAdmin();
		const theirs = await orgWithAdmin();
		const foreign = await newUser(theirs.cookie, { name: 'Theirs' });
		for (const id of [foreign.id, theirs.admin.membership!.userId, randomUUID(), 'abc', '%27%20OR%201%3D1--', '%00']) {
			for (const [method, json] of [
				['GET', undefined],
				['PATCH', { name: 'Hijacked' }],
				['DELETE', undefined]
			] as const) {
				const r = await call(method, `/api/v1/users/${id}`, { cookie: mine.cookie, json });
				expect(r.status, `${method} ${id}`).toBe(404);
				expect(r.data.error.code).toBe('not_found');
			}
		}
		expect((await as(theirs.cookie).GET('/users/{id}', user(foreign.id))).data!.name).toBe('Theirs');
		// Another organization's unit cannot be assigned.
		const foreignUnit = await newUnit(theirs.cookie, 'TheirUnit');
		const assign = await as(mine.cookie).POST('/users', { body: { name: 'X', email: uniqueEmail(), unitId: foreignUnit } });
		expect(assign.response.status).toBe(400);
		expect(assign.error!.error.details).toEqual([{ path: 'unitId', message: 'The unit does not exist.' }]);
		const mineUser = await newUser(mine.cookie, {});
		const scope = await as(mine.cookie).PATCH('/users/{id}', { ...user(mineUser.id), body: { access: 'viewer', scopeUnitId: foreignUnit } });
		expect(scope.response.status).toBe(400);
		// The list is scoped to the caller's organization.
		const list = (await as(mine.cookie).GET('/users')).data!;
		expect(list.users.map((u) => u.id).sort()).toEqual([mine.admin.membership!.userId, mineUser.id].sort());
		expect(list.total).toBe(2);
	});

	it('answers 400 with a clear message for bad input', async () => {
		const { cookie } = await orgWithAdmin();
		const cases: [unknown, RegExp][] = [
			[{ email: uniqueEmail() }, /name: /],
			[{ name: 'X' }, /email: /],
			[{ name: 'X', email: 'not-an-email' }, /email: Not a valid email address/],
			[{ name: 'X', email: 'a@b' }, /email: Not a valid email address/],
			[{ name: 'X', email: `${'a'.repeat(250)}@example.test` }, /email: At most 254 characters/],
			[{ name: 'X'.repeat(121), email: uniqueEmail() }, /name: At most 120 characters/],
			[{ name: 'X', email: uniqueEmail(), language: 'de' }, /language: Must be en or sv/],
			[{ name: 'X', email: uniqueEmail(), access: 'root' }, /access: Must be participant, viewer or admin/],
			[
				{ name: 'X', email: uniqueEmail(), jobRole: 'ceo' },
				/jobRole: 'ceo' is not a respondent group of the models\. Use one of: .*sales_person \(Sales person\)/
			],
			[{ name: 'X', email: uniqueEmail(), jobRole: 'Sales person!' }, /jobRole: Must be a respondent group such as sales_person/],
			[{ name: 'X', email: uniqueEmail(), unitId: 'x' }, /unitId: Not a valid id/],
			[{ name: 'X', email: 17 }, /email: /],
			[{ name: true, email: uniqueEmail() }, /name: /],
			[{ name: 'X', email: uniqueEmail(), password: 'secret' }, /Unknown field\(s\): password/],
			[{ name: 'X', email: uniqueEmail(), organizationId: randomUUID() }, /Unknown field\(s\): organizationId/]
		];
		for (const [json, message] of cases) {
			const r = await call('POST', '/api/v1/users', { cookie, json });
			expect(r.status, JSON.stringify(json)).toBe(400);
			expect(r.data.error.code).toBe('validation_failed');
			expect(r.data.error.message).toMatch(message);
		}
		const u = await newUser(cookie, {});
		for (const json of [{ access: 'god' }, { email: '' }, { name: null }, { id: randomUUID() }, []]) {
			const r = await call('PATCH', `/api/v1/users/${u.id}`, { cookie, json });
			expect(r.status, JSON.stringify(json)).toBe(400);
		}
		const badJson = await call('PATCH', `/api/v1/users/${u.id}`, { cookie, body: "{'name': 1}", headers: { 'content-type': 'application/json' } });
		expect(badJson.status).toBe(400);
		expect(badJson.data.error.message).toBe('The body is not valid JSON.');
		const form = await call('POST', '/api/v1/users', {
			cookie,
			body: 'name=X&email=x%40example.test',
			headers: { 'content-type': 'application/x-www-form-urlencoded' }
		});
		expect(form.status).toBe(400);
		expect(form.data.error.message).toMatch(/Content-Type: application\/json/);
		const big = await call('POST', '/api/v1/users', { cookie, json: { name: 'x'.repeat(400 * 1024), email: uniqueEmail() } });
		expect(big.status).toBe(400);
		expect(big.data.error.message).toMatch(/too large/);
	});

	it('lists with search, filters and paging', async () => {
		const { cookie } = await orgWithAdmin();
		const unit = await newUnit(cookie, 'Team');
		await newUser(cookie, { name: 'Alice 100%', unitId: unit });
		await newUser(cookie, { name: 'Bob_Underscore' });
		await newUser(cookie, { name: 'Carl', access: 'viewer', unitId: unit });
		const all = await as(cookie).GET('/users');
		expect(all.response.status).toBe(200);
		expect(all.data).toMatchObject({ total: 4, limit: 100, offset: 0 });
		expect(all.data!.users.map((u) => u.name)).toEqual(['Alice 100%', 'Bob_Underscore', 'Carl', 'Test admin']);
		const q = async (query: NonNullable<operations['listUsers']['parameters']['query']>) => (await as(cookie).GET('/users', { params: { query } })).data!;
		expect((await q({ q: 'alice' })).users.map((u) => u.name)).toEqual(['Alice 100%']);
		// LIKE wildcards in the search are taken literally.
		expect((await q({ q: '%' })).users.map((u) => u.name)).toEqual(['Alice 100%']);
		expect((await q({ q: '_' })).users.map((u) => u.name)).toEqual(['Bob_Underscore']);
		expect((await q({ unitId: unit })).total).toBe(2);
		expect((await q({ access: 'viewer' })).users.map((u) => u.name)).toEqual(['Carl']);
		const page = await q({ limit: 2, offset: 1 });
		expect(page).toMatchObject({ total: 4, limit: 2, offset: 1 });
		expect(page.users.map((u) => u.name)).toEqual(['Bob_Underscore', 'Carl']);
	});

	it('answers 400 for bad query parameters and treats SQL in them as plain text', async () => {
		const { cookie } = await orgWithAdmin();
		const inject = await as(cookie).GET('/users', { params: { query: { q: "'; drop table users;--" } } });
		expect(inject.response.status).toBe(200);
		expect(inject.data).toMatchObject({ users: [], total: 0 });
		const orTrue = await as(cookie).GET('/users', { params: { query: { q: "' OR '1'='1" } } });
		expect(orTrue.data!.total).toBe(0);
		// Values the OpenAPI types refuse, and an undocumented parameter: raw calls.
		for (const [qs, message] of [
			['access=x', /access: Must be participant, viewer or admin/],
			["access=admin'--", /access: /],
			['unitId=1%20OR%201=1', /unitId: Not a valid id/],
			['limit=abc', /limit: /],
			['limit=0', /limit: /],
			['limit=501', /limit: /],
			['limit=1.5', /limit: /],
			['offset=-1', /offset: /],
			[`q=${'a'.repeat(101)}`, /q: /],
			['q=%00', /q: /],
			['sort=name;drop', /Unknown field\(s\): sort/]
		] as const) {
			const r = await call('GET', `/api/v1/users?${qs}`, { cookie });
			expect(r.status, qs).toBe(400);
			expect(r.data.error.code).toBe('validation_failed');
			expect(r.data.error.message).toMatch(message);
		}
		// The table is still there.
		expect((await as(cookie).GET('/users')).data!.total).toBe(1);
	});

	it('stores markup and odd Unicode in names verbatim, as data', async () => {
		const { cookie } = await orgWithAdmin();
		for (const name of ['<script>alert("x")</script>', "O'Brien; DROP TABLE users;--", 'Zoë Ñúñez 👩‍💼', '\u202eevil']) {
			const u = await newUser(cookie, { name });
			expect((await as(cookie).GET('/users/{id}', user(u.id))).data!.name).toBe(name);
		}
		const nul = await as(cookie).POST('/users', { body: { name: 'a\u0000b', email: uniqueEmail() } });
		expect(nul.response.status).toBe(400);
		const nulEmail = await as(cookie).POST('/users', { body: { name: 'a', email: 'a\u0000b@example.test' } });
		expect(nulEmail.response.status).toBe(400);
	});
});
