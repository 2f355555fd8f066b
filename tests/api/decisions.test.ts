import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { baseUrl, call, sessionCookie } from '../support/http';
import { apiClient } from '../support/api-client';

const as = (cookie: string) => apiClient(baseUrl(), { cookie });
const decision = (id: string) => ({ params: { path: { id } } });
const ofUnit = (unitId: string) => ({ params: { query: { unitId } } });

/** The decision points API against the real server: who may do what, bad input, success. */
async function setup() {
	const org = await createTestOrganization();
	const unit = async (name: string, parent: string | null = null) =>
		(await db().insertInto('units').values({ organization_id: org.id, name, parent_id: parent }).returning('id').executeTakeFirstOrThrow()).id;
	const north = await unit('North');
	const team = await unit('Team', north);
	const south = await unit('South');
	const viewer = await createTestActor(org.id, 'viewer', north);
	return { org, north, team, south, viewer, cookie: await sessionCookie(viewer), admin: await sessionCookie(await createTestActor(org.id, 'admin')) };
}

const count = (organizationId: string) =>
	db()
		.selectFrom('decisions')
		.select((e) => e.fn.countAll<string>().as('n'))
		.where('organization_id', '=', organizationId)
		.executeTakeFirstOrThrow()
		.then((r) => Number(r.n));

describe('decisions API', () => {
	it('records, lists (oldest first) and deletes decisions of a unit in the viewer’s subtree', async () => {
		const s = await setup();
		const viewer = as(s.cookie);
		const admin = as(s.admin);
		const later = await viewer.POST('/decisions', {
			body: { unitId: s.team, decidedOn: '2026-09-01', title: 'Two inside sellers for Team', reason: 'Activity levels were lowest' }
		});
		expect(later.response.status).toBe(201);
		expect(later.data).toMatchObject({
			unit: { id: s.team, name: 'Team' },
			decidedOn: '2026-09-01',
			title: 'Two inside sellers for Team',
			reason: 'Activity levels were lowest',
			createdBy: 'Test viewer'
		});
		const earlier = await admin.POST('/decisions', { body: { unitId: s.team, decidedOn: '2026-03-15', title: 'Monthly forecast meeting' } });
		expect(earlier.response.status).toBe(201);
		const listed = await viewer.GET('/decisions', ofUnit(s.team));
		expect(listed.response.status).toBe(200);
		expect(listed.data!.decisions.map((d) => d.id)).toEqual([earlier.data!.id, later.data!.id]);
		const del = await viewer.DELETE('/decisions/{id}', decision(later.data!.id));
		expect(del.response.status).toBe(204);
		expect(await del.response.text()).toBe('');
		expect((await admin.GET('/decisions', ofUnit(s.team))).data!.decisions.map((d) => d.id)).toEqual([earlier.data!.id]);
		expect((await viewer.DELETE('/decisions/{id}', decision(later.data!.id))).response.status).toBe(404);
	});

	it('answers 401 signed out, 404 outside the subtree or organization, 400 for bad input, 403 from another site; and stores nothing then', async () => {
		const s = await setup();
		const other = await setup();
		const viewer = as(s.cookie);
		const anonymous = apiClient(baseUrl());
		const south = (await as(s.admin).POST('/decisions', { body: { unitId: s.south, decidedOn: '2026-02-01', title: 'South decision' } })).data!;
		expect(south.title).toBe('South decision');
		const stored = await count(s.org.id);
		// Signed out.
		expect((await anonymous.GET('/decisions', ofUnit(s.team))).response.status).toBe(401);
		expect((await anonymous.POST('/decisions', { body: { unitId: s.team, decidedOn: '2026-02-01', title: 'x' } })).response.status).toBe(401);
		expect((await anonymous.DELETE('/decisions/{id}', decision(south.id))).response.status).toBe(401);
		// Outside the viewer's subtree: not found, listing too.
		expect((await viewer.POST('/decisions', { body: { unitId: s.south, decidedOn: '2026-02-01', title: 'Not mine' } })).response.status).toBe(404);
		expect((await viewer.GET('/decisions', ofUnit(s.south))).response.status).toBe(404);
		expect((await viewer.DELETE('/decisions/{id}', decision(south.id))).response.status).toBe(404);
		expect((await viewer.DELETE('/decisions/{id}', decision(randomUUID()))).response.status).toBe(404);
		expect((await viewer.DELETE('/decisions/{id}', decision('not-an-id'))).response.status).toBe(404);
		// Another organization: not found, even for its admin (and not a server error for a foreign unit id).
		const stranger = as(other.admin);
		expect((await stranger.GET('/decisions', ofUnit(s.south))).response.status).toBe(404);
		expect((await stranger.DELETE('/decisions/{id}', decision(south.id))).response.status).toBe(404);
		expect((await stranger.POST('/decisions', { body: { unitId: s.south, decidedOn: '2026-02-01', title: 'Cross-org' } })).response.status).toBe(404);
		// Bad input, with the field named.
		const badDate = await viewer.POST('/decisions', { body: { unitId: s.team, decidedOn: '2026-13-01', title: '' } });
		expect(badDate.response.status).toBe(400);
		expect(badDate.error!.error.message).toMatch(/decidedOn/);
		expect(badDate.error!.error.message).toMatch(/title/);
		const unknown = await call('POST', '/api/v1/decisions', { cookie: s.cookie, json: { unitId: s.team, decidedOn: '2026-02-01', title: 'x', by: 'me' } });
		expect(unknown.status).toBe(400);
		expect(unknown.data.error.message).toMatch(/Unknown field/);
		expect((await call('POST', '/api/v1/decisions', { cookie: s.cookie, body: '{"unitId":', headers: { 'content-type': 'application/json' } })).status).toBe(
			400
		);
		const noUnit = await call('GET', '/api/v1/decisions', { cookie: s.cookie });
		expect(noUnit.status).toBe(400);
		expect(noUnit.data.error.message).toMatch(/unitId/);
		expect((await call('GET', '/api/v1/decisions?unitId=north', { cookie: s.cookie })).status).toBe(400);
		// A cookie-authenticated write from another site.
		expect(
			(
				await call('POST', '/api/v1/decisions', {
					cookie: s.cookie,
					json: { unitId: s.team, decidedOn: '2026-02-01', title: 'x' },
					headers: { origin: 'https://evil.example' }
				})
			).status
		).toBe(403);
		expect((await call('DELETE', `/api/v1/decisions/${south.id}`, { cookie: s.admin, headers: { origin: 'https://evil.example' } })).status).toBe(403);
		expect(await count(s.org.id)).toBe(stored);
		expect(await count(other.org.id)).toBe(0);
	});

	it('records and lists the organization’s own decisions (unitId "organization") for an admin; a unit viewer gets 404', async () => {
		const s = await setup();
		const admin = as(s.admin);
		const made = await admin.POST('/decisions', { body: { unitId: 'organization', decidedOn: '2026-10-01', title: 'One sales process for all regions' } });
		expect(made.response.status).toBe(201);
		expect(made.data!.unit).toEqual({ id: 'organization', name: s.org.name });
		const listed = await admin.GET('/decisions', ofUnit('organization'));
		expect(listed.response.status).toBe(200);
		expect(listed.data!.decisions.map((d) => d.id)).toEqual([made.data!.id]);
		const viewer = as(s.cookie);
		expect((await viewer.POST('/decisions', { body: { unitId: 'organization', decidedOn: '2026-10-01', title: 'Not mine' } })).response.status).toBe(404);
		expect((await viewer.GET('/decisions', ofUnit('organization'))).response.status).toBe(404);
		expect((await viewer.DELETE('/decisions/{id}', decision(made.data!.id))).response.status).toBe(404);
		expect(await count(s.org.id)).toBe(1);
	});
});
