import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { db } from '$lib/server/db';
import { createSession } from '$lib/server/auth/sessions';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { baseUrl, call, sessionCookie } from '../support/http';
import { apiClient } from '../support/api-client';
import { orgWithAdmin } from './helpers';

const isoDate = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/);

const as = (cookie: string) => apiClient(baseUrl(), { cookie });

async function unit(cookie: string, name: string, parentId: string | null = null) {
	const r = await as(cookie).POST('/units', { body: { name, parentId } });
	expect(r.response.status).toBe(201);
	return r.data!;
}

describe('/api/v1/units', () => {
	it('answers 401 without a session or token', async () => {
		for (const [method, path] of [
			['GET', '/api/v1/units'],
			['POST', '/api/v1/units'],
			['GET', `/api/v1/units/${randomUUID()}`],
			['PATCH', `/api/v1/units/${randomUUID()}`],
			['DELETE', `/api/v1/units/${randomUUID()}`]
		]) {
			const r = await call(method, path, method === 'GET' || method === 'DELETE' ? {} : { json: { name: 'X' } });
			expect(r.status, `${method} ${path}`).toBe(401);
			expect(r.data.error.code).toBe('unauthenticated');
		}
	});

	it('answers 401 for a cookie that is not a session', async () => {
		expect((await call('GET', '/api/v1/units', { cookie: 'sos_session=nonsense' })).status).toBe(401);
		expect((await call('GET', '/api/v1/units', { cookie: `sos_session=${'a'.repeat(5000)}` })).status).toBe(401);
	});

	it('lets an admin create and list units; a viewer gets 403', async () => {
		const org = await createTestOrganization();
		const admin = await sessionCookie(await createTestActor(org.id, 'admin'));
		const created = await as(admin).POST('/units', { body: { name: 'North' } });
		expect(created.response.status).toBe(201);
		expect(created.data).toEqual({ id: expect.any(String), name: 'North', parentId: null, userCount: 0, childCount: 0, createdAt: isoDate, attributes: {} });
		const list = await as(admin).GET('/units');
		expect(list.response.status).toBe(200);
		expect(list.data!.units.map((u) => u.name)).toEqual(['North']);
		const viewer = await sessionCookie(await createTestActor(org.id, 'viewer'));
		for (const [method, path, json] of [
			['GET', '/api/v1/units', undefined],
			['POST', '/api/v1/units', { name: 'South' }],
			['GET', `/api/v1/units/${created.data!.id}`, undefined],
			['PATCH', `/api/v1/units/${created.data!.id}`, { name: 'Renamed' }],
			['DELETE', `/api/v1/units/${created.data!.id}`, undefined]
		] as const) {
			const r = await call(method, path, { cookie: viewer, json });
			expect(r.status, `${method} ${path}`).toBe(403);
			expect(r.data.error.code).toBe('forbidden');
		}
		const after = await as(admin).GET('/units/{id}', { params: { path: { id: created.data!.id } } });
		expect(after.data!.name).toBe('North');
	});

	it('the SOS operator, who is in no organization, gets 403', async () => {
		const acc = await db()
			.insertInto('accounts')
			.values({ email: uniqueEmail('operator'), is_operator: true })
			.returning('id')
			.executeTakeFirstOrThrow();
		const s = await createSession({ accountId: acc.id, organizationId: null });
		const r = await as(`sos_session=${s.token}`).GET('/units');
		expect(r.response.status).toBe(403);
		expect(r.error!.error.code).toBe('forbidden');
	});

	it('a signed-in participant reaches no API path (404)', async () => {
		const org = await createTestOrganization();
		const participant = await sessionCookie(await createTestActor(org.id, 'participant'));
		expect((await as(participant).GET('/units')).response.status).toBe(404);
	});

	it('builds a tree and reports children and user counts', async () => {
		const { cookie } = await orgWithAdmin();
		const area = await unit(cookie, 'Area');
		const region = await unit(cookie, 'Region', area.id);
		await unit(cookie, 'Team', region.id);
		const u = await as(cookie).POST('/users', { body: { name: 'P', email: `p-${randomUUID()}@example.test`, unitId: region.id } });
		expect(u.response.status).toBe(201);
		const got = await as(cookie).GET('/units/{id}', { params: { path: { id: region.id } } });
		expect(got.response.status).toBe(200);
		expect(got.data).toEqual({ id: region.id, name: 'Region', parentId: area.id, userCount: 1, childCount: 1, createdAt: isoDate, attributes: {} });
	});

	it('renames and moves a unit', async () => {
		const { cookie } = await orgWithAdmin();
		const a = await unit(cookie, 'A');
		const b = await unit(cookie, 'B');
		const child = await unit(cookie, 'Child', a.id);
		const path = (id: string) => ({ params: { path: { id } } });
		const moved = await as(cookie).PATCH('/units/{id}', { ...path(child.id), body: { name: 'Moved', parentId: b.id } });
		expect(moved.response.status).toBe(200);
		expect(moved.data).toMatchObject({ id: child.id, name: 'Moved', parentId: b.id });
		const root = await as(cookie).PATCH('/units/{id}', { ...path(child.id), body: { parentId: null } });
		expect(root.data).toMatchObject({ name: 'Moved', parentId: null });
		expect((await as(cookie).GET('/units/{id}', path(a.id))).data!.childCount).toBe(0);
	});

	it('refuses (409) moving a unit under itself or its own descendant', async () => {
		const { cookie } = await orgWithAdmin();
		const a = await unit(cookie, 'A');
		const b = await unit(cookie, 'B', a.id);
		const c = await unit(cookie, 'C', b.id);
		for (const target of [a.id, c.id]) {
			const r = await as(cookie).PATCH('/units/{id}', { params: { path: { id: a.id } }, body: { parentId: target } });
			expect(r.response.status).toBe(409);
			expect(r.error!.error.code).toBe('unit_move_cycle');
			expect(r.error!.error.message).toMatch(/cannot be moved under itself/);
		}
		expect((await as(cookie).GET('/units/{id}', { params: { path: { id: a.id } } })).data!.parentId).toBeNull();
	});

	it('refuses (409) a duplicate sibling name, case-insensitively, on create, rename and move', async () => {
		const { cookie } = await orgWithAdmin();
		const parent = await unit(cookie, 'Parent');
		await unit(cookie, 'North', parent.id);
		const dup = await as(cookie).POST('/units', { body: { name: ' north ', parentId: parent.id } });
		expect(dup.response.status).toBe(409);
		expect(dup.error!.error.code).toBe('unit_name_taken');
		expect(dup.error!.error.message).toContain('north');
		// The same name elsewhere in the tree is fine.
		const elsewhere = await unit(cookie, 'North');
		const south = await unit(cookie, 'South', parent.id);
		expect((await as(cookie).PATCH('/units/{id}', { params: { path: { id: south.id } }, body: { name: 'NORTH' } })).response.status).toBe(409);
		expect((await as(cookie).PATCH('/units/{id}', { params: { path: { id: elsewhere.id } }, body: { parentId: parent.id } })).response.status).toBe(409);
	});

	it('deletes an empty unit (204) and refuses (409) one with sub-units, users or viewers', async () => {
		const { org, cookie } = await orgWithAdmin();
		const a = await unit(cookie, 'A');
		const b = await unit(cookie, 'B', a.id);
		const api = as(cookie);
		const path = (id: string) => ({ params: { path: { id } } });
		const withChildren = await api.DELETE('/units/{id}', path(a.id));
		expect(withChildren.response.status).toBe(409);
		expect(withChildren.error!.error.code).toBe('unit_has_children');
		const user = await api.POST('/users', { body: { name: 'U', email: `u-${randomUUID()}@example.test`, unitId: b.id } });
		const withUsers = await api.DELETE('/units/{id}', path(b.id));
		expect(withUsers.response.status).toBe(409);
		expect(withUsers.error!.error.code).toBe('unit_has_users');
		expect(withUsers.error!.error.message).toContain('1 user');
		// Move the user away; a viewer scoped to the unit still blocks it.
		await api.PATCH('/users/{id}', { ...path(user.data!.id), body: { unitId: null } });
		await createTestActor(org.id, 'viewer', b.id);
		const withViewers = await api.DELETE('/units/{id}', path(b.id));
		expect(withViewers.response.status).toBe(409);
		expect(withViewers.error!.error.code).toBe('unit_has_viewers');
		const c = await unit(cookie, 'C', a.id);
		const del = await api.DELETE('/units/{id}', path(c.id));
		expect(del.response.status).toBe(204);
		expect(await del.response.text()).toBe('');
		expect((await api.GET('/units/{id}', path(c.id))).response.status).toBe(404);
	});

	it("answers 404 for another organization's unit and for malformed ids, and changes nothing", async () => {
		const mine = await orgWithAdmin();
		const theirs = await orgWithAdmin();
		const foreign = await unit(theirs.cookie, 'Theirs');
		for (const id of [foreign.id, randomUUID(), 'not-a-uuid', '1%20OR%201=1', '%00', "x'--"]) {
			for (const [method, json] of [
				['GET', undefined],
				['PATCH', { name: 'Hijacked' }],
				['DELETE', undefined]
			] as const) {
				const r = await call(method, `/api/v1/units/${id}`, { cookie: mine.cookie, json });
				expect(r.status, `${method} ${id}`).toBe(404);
				expect(r.data.error.code).toBe('not_found');
			}
		}
		// Nor can a foreign unit be used as a parent.
		const asParent = await as(mine.cookie).POST('/units', { body: { name: 'X', parentId: foreign.id } });
		expect(asParent.response.status).toBe(400);
		expect(asParent.error!.error.message).toMatch(/parent unit does not exist/);
		const mineUnit = await unit(mine.cookie, 'Mine');
		const moveUnder = await as(mine.cookie).PATCH('/units/{id}', { params: { path: { id: mineUnit.id } }, body: { parentId: foreign.id } });
		expect(moveUnder.response.status).toBe(400);
		expect((await as(theirs.cookie).GET('/units/{id}', { params: { path: { id: foreign.id } } })).data).toMatchObject({ name: 'Theirs', childCount: 0 });
		expect((await as(mine.cookie).GET('/units')).data!.units.map((u) => u.name)).toEqual(['Mine']);
	});

	it('answers 400 with a clear message for bad input', async () => {
		const { cookie } = await orgWithAdmin();
		const cases: [unknown, RegExp][] = [
			[{}, /name: /],
			[{ name: '' }, /name: Required/],
			[{ name: '   ' }, /name: Required/],
			[{ name: 'x'.repeat(121) }, /name: At most 120 characters/],
			[{ name: 42 }, /name: /],
			[{ name: ['a'] }, /name: /],
			[{ name: 'ok', parentId: 'nope' }, /parentId: Not a valid id/],
			[{ name: 'ok', parentId: 7 }, /parentId: /],
			[{ name: 'ok', colour: 'red' }, /Unknown field\(s\): colour/],
			[null, /expected object/],
			[[{ name: 'a' }], /expected object/],
			['North', /expected object/]
		];
		for (const [json, message] of cases) {
			const r = await call('POST', '/api/v1/units', { cookie, json });
			expect(r.status, JSON.stringify(json)).toBe(400);
			expect(r.data.error.code).toBe('validation_failed');
			expect(r.data.error.message).toMatch(message);
		}
		const ok = await unit(cookie, 'x'.repeat(120));
		expect(ok.name).toHaveLength(120);
		const patch = await as(cookie).PATCH('/units/{id}', { params: { path: { id: ok.id } }, body: { name: 'y'.repeat(121) } });
		expect(patch.response.status).toBe(400);
		expect(patch.error!.error.details).toEqual([{ path: 'name', message: 'At most 120 characters' }]);
		const unknown = await call('PATCH', `/api/v1/units/${ok.id}`, { cookie, json: { id: randomUUID() } });
		expect(unknown.status).toBe(400);
		expect(unknown.data.error.message).toMatch(/Unknown field\(s\): id/);
	});

	it('answers 400 for bad JSON, a wrong content type and a too-large body', async () => {
		const { cookie } = await orgWithAdmin();
		const badJson = await call('POST', '/api/v1/units', { cookie, body: '{"name": "x"', headers: { 'content-type': 'application/json' } });
		expect(badJson.status).toBe(400);
		expect(badJson.data.error.message).toBe('The body is not valid JSON.');
		const empty = await call('POST', '/api/v1/units', { cookie, body: '', headers: { 'content-type': 'application/json' } });
		expect(empty.status).toBe(400);
		const noType = await call('PATCH', `/api/v1/units/${randomUUID()}`, { cookie, body: '{"name":"x"}', headers: { 'content-type': 'text/xml' } });
		expect(noType.status).toBe(400);
		expect(noType.data.error.message).toMatch(/Content-Type: application\/json/);
		const big = await call('POST', '/api/v1/units', { cookie, json: { name: 'x', pad: 'y'.repeat(300 * 1024) } });
		expect(big.status).toBe(400);
		expect(big.data.error.message).toMatch(/too large/);
	});

	it('stores and returns markup, odd Unicode and SQL-looking names verbatim, as data', async () => {
		const { cookie } = await orgWithAdmin();
		const names = [
			'<script>alert(1)</script>',
			'"><img src=x onerror=alert(1)>',
			"Robert'); DROP TABLE units;--",
			'Ünïcødé 北京 – مرحبا',
			'e\u0301\u200b\u202e',
			'😀'.repeat(60),
			'{{constructor.constructor("x")()}}'
		];
		for (const name of names) {
			const r = await as(cookie).POST('/units', { body: { name } });
			expect(r.response.status, name).toBe(201);
			expect(r.data!.name).toBe(name);
			expect((await as(cookie).GET('/units/{id}', { params: { path: { id: r.data!.id } } })).data!.name).toBe(name);
		}
		expect(new Set((await as(cookie).GET('/units')).data!.units.map((u) => u.name))).toEqual(new Set(names));
	});

	it('refuses control characters in names with a 400, never a 5xx', async () => {
		const { cookie } = await orgWithAdmin();
		for (const name of ['a\u0000b', 'tab\there', 'line\nbreak', '\u0007bell']) {
			const r = await as(cookie).POST('/units', { body: { name } });
			expect(r.response.status, JSON.stringify(name)).toBe(400);
			expect(r.error!.error.message).toMatch(/name: /);
		}
	});
});
