import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { call, sessionCookie } from '../support/http';

/** The decision points API against the real server: who may do what, bad input, success. */
async function setup() {
	const org = await createTestOrganization();
	const unit = async (name: string, parent: string | null = null) => (await db().insertInto('units').values({ organization_id: org.id, name, parent_id: parent }).returning('id').executeTakeFirstOrThrow()).id;
	const north = await unit('North');
	const team = await unit('Team', north);
	const south = await unit('South');
	const viewer = await createTestActor(org.id, 'viewer', north);
	return { org, north, team, south, viewer, cookie: await sessionCookie(viewer), admin: await sessionCookie(await createTestActor(org.id, 'admin')) };
}

const count = (organizationId: string) => db().selectFrom('decisions').select((e) => e.fn.countAll<string>().as('n')).where('organization_id', '=', organizationId).executeTakeFirstOrThrow().then((r) => Number(r.n));

describe('decisions API', () => {
	it('records, lists (oldest first) and deletes decisions of a unit in the viewer’s subtree', async () => {
		const s = await setup();
		const later = await call('POST', '/api/v1/decisions', { cookie: s.cookie, json: { unitId: s.team, decidedOn: '2026-09-01', title: 'Two inside sellers for Team', reason: 'Activity levels were lowest' } });
		expect(later.status).toBe(201);
		expect(later.data).toMatchObject({ unit: { id: s.team, name: 'Team' }, decidedOn: '2026-09-01', title: 'Two inside sellers for Team', reason: 'Activity levels were lowest', createdBy: 'Test viewer' });
		const earlier = await call('POST', '/api/v1/decisions', { cookie: s.admin, json: { unitId: s.team, decidedOn: '2026-03-15', title: 'Monthly forecast meeting' } });
		expect(earlier.status).toBe(201);
		const listed = await call('GET', `/api/v1/decisions?unitId=${s.team}`, { cookie: s.cookie });
		expect(listed.status).toBe(200);
		expect(listed.data.decisions.map((d: { id: string }) => d.id)).toEqual([earlier.data.id, later.data.id]);
		const del = await call('DELETE', `/api/v1/decisions/${later.data.id}`, { cookie: s.cookie });
		expect(del.status).toBe(204);
		expect(del.data).toBeNull();
		expect((await call('GET', `/api/v1/decisions?unitId=${s.team}`, { cookie: s.admin })).data.decisions.map((d: { id: string }) => d.id)).toEqual([earlier.data.id]);
		expect((await call('DELETE', `/api/v1/decisions/${later.data.id}`, { cookie: s.cookie })).status).toBe(404);
	});

	it('answers 401 signed out, 404 outside the subtree or organization, 400 for bad input, 403 from another site; and stores nothing then', async () => {
		const s = await setup();
		const other = await setup();
		const south = await call('POST', '/api/v1/decisions', { cookie: s.admin, json: { unitId: s.south, decidedOn: '2026-02-01', title: 'South decision' } });
		expect(south.status).toBe(201);
		const stored = await count(s.org.id);
		// Signed out.
		expect((await call('GET', `/api/v1/decisions?unitId=${s.team}`)).status).toBe(401);
		expect((await call('POST', '/api/v1/decisions', { json: { unitId: s.team, decidedOn: '2026-02-01', title: 'x' } })).status).toBe(401);
		expect((await call('DELETE', `/api/v1/decisions/${south.data.id}`)).status).toBe(401);
		// Outside the viewer's subtree: not found, listing too.
		expect((await call('POST', '/api/v1/decisions', { cookie: s.cookie, json: { unitId: s.south, decidedOn: '2026-02-01', title: 'Not mine' } })).status).toBe(404);
		expect((await call('GET', `/api/v1/decisions?unitId=${s.south}`, { cookie: s.cookie })).status).toBe(404);
		expect((await call('DELETE', `/api/v1/decisions/${south.data.id}`, { cookie: s.cookie })).status).toBe(404);
		expect((await call('DELETE', `/api/v1/decisions/${randomUUID()}`, { cookie: s.cookie })).status).toBe(404);
		expect((await call('DELETE', '/api/v1/decisions/not-an-id', { cookie: s.cookie })).status).toBe(404);
		// Another organization: not found, even for its admin (and not a server error for a foreign unit id).
		expect((await call('GET', `/api/v1/decisions?unitId=${s.south}`, { cookie: other.admin })).status).toBe(404);
		expect((await call('DELETE', `/api/v1/decisions/${south.data.id}`, { cookie: other.admin })).status).toBe(404);
		expect((await call('POST', '/api/v1/decisions', { cookie: other.admin, json: { unitId: s.south, decidedOn: '2026-02-01', title: 'Cross-org' } })).status).toBe(404);
		// Bad input, with the field named.
		const badDate = await call('POST', '/api/v1/decisions', { cookie: s.cookie, json: { unitId: s.team, decidedOn: '2026-13-01', title: '' } });
		expect(badDate.status).toBe(400);
		expect(badDate.data.error.message).toMatch(/decidedOn/);
		expect(badDate.data.error.message).toMatch(/title/);
		const unknown = await call('POST', '/api/v1/decisions', { cookie: s.cookie, json: { unitId: s.team, decidedOn: '2026-02-01', title: 'x', by: 'me' } });
		expect(unknown.status).toBe(400);
		expect(unknown.data.error.message).toMatch(/Unknown field/);
		expect((await call('POST', '/api/v1/decisions', { cookie: s.cookie, body: '{"unitId":', headers: { 'content-type': 'application/json' } })).status).toBe(400);
		const noUnit = await call('GET', '/api/v1/decisions', { cookie: s.cookie });
		expect(noUnit.status).toBe(400);
		expect(noUnit.data.error.message).toMatch(/unitId/);
		expect((await call('GET', '/api/v1/decisions?unitId=north', { cookie: s.cookie })).status).toBe(400);
		// A cookie-authenticated write from another site.
		expect((await call('POST', '/api/v1/decisions', { cookie: s.cookie, json: { unitId: s.team, decidedOn: '2026-02-01', title: 'x' }, headers: { origin: 'https://evil.example' } })).status).toBe(403);
		expect((await call('DELETE', `/api/v1/decisions/${south.data.id}`, { cookie: s.admin, headers: { origin: 'https://evil.example' } })).status).toBe(403);
		expect(await count(s.org.id)).toBe(stored);
		expect(await count(other.org.id)).toBe(0);
	});
});
