import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { call, sessionCookie } from '../support/http';

/** The action plans API against the real server: who may do what, bad input, success. */
async function setup() {
	const org = await createTestOrganization();
	const unit = async (name: string, parent: string | null = null) => (await db().insertInto('units').values({ organization_id: org.id, name, parent_id: parent }).returning('id').executeTakeFirstOrThrow()).id;
	const north = await unit('North');
	const team = await unit('Team', north);
	const south = await unit('South');
	const viewer = await createTestActor(org.id, 'viewer', north);
	return { org, north, team, south, viewer, cookie: await sessionCookie(viewer), admin: await sessionCookie(await createTestActor(org.id, 'admin')) };
}

describe('actions API', () => {
	it('creates, lists, changes and notes an action for a unit in the viewer’s subtree', async () => {
		const s = await setup();
		const created = await call('POST', '/api/v1/actions', { cookie: s.cookie, json: { unitId: s.team, title: 'Weekly pipeline review', reason: 'Forecasting is below benchmark', areaKey: 'forecasting', dueOn: '2030-06-30' } });
		expect(created.status).toBe(201);
		expect(created.data).toMatchObject({ title: 'Weekly pipeline review', status: 'planned', unit: { name: 'Team' } });
		const id = created.data.id;
		expect((await call('GET', `/api/v1/actions?unitId=${s.north}`, { cookie: s.cookie })).data.actions.map((a: { id: string }) => a.id)).toEqual([id]);
		expect((await call('PATCH', `/api/v1/actions/${id}`, { cookie: s.cookie, json: { status: 'in_progress' } })).data.status).toBe('in_progress');
		const noted = await call('POST', `/api/v1/actions/${id}/notes`, { cookie: s.cookie, json: { body: 'First review held.' } });
		expect(noted.status).toBe(201);
		expect(noted.data.notes).toHaveLength(1);
		expect((await call('GET', `/api/v1/actions/${id}`, { cookie: s.admin })).data.notes[0].body).toBe('First review held.');
	});

	it('deletes an action planned by mistake, with its notes, only within the subtree', async () => {
		const s = await setup();
		const mine = (await call('POST', '/api/v1/actions', { cookie: s.cookie, json: { unitId: s.team, title: 'Typo action' } })).data;
		await call('POST', `/api/v1/actions/${mine.id}/notes`, { cookie: s.cookie, json: { body: 'note' } });
		const south = (await call('POST', '/api/v1/actions', { cookie: s.admin, json: { unitId: s.south, title: 'South plan' } })).data;
		expect((await call('DELETE', `/api/v1/actions/${south.id}`, { cookie: s.cookie })).status).toBe(404);
		expect((await call('DELETE', `/api/v1/actions/${mine.id}`)).status).toBe(401);
		expect((await call('DELETE', `/api/v1/actions/${mine.id}`, { cookie: s.cookie })).status).toBe(204);
		expect((await call('GET', `/api/v1/actions/${mine.id}`, { cookie: s.cookie })).status).toBe(404);
		expect(await db().selectFrom('action_notes').select('id').where('action_id', '=', mine.id).execute()).toEqual([]);
		expect((await call('GET', `/api/v1/actions/${south.id}`, { cookie: s.admin })).status).toBe(200);
		const logged = await db().selectFrom('audit_events').select('target').where('organization_id', '=', s.org.id).where('action', '=', 'action_deleted').execute();
		expect(logged).toEqual([{ target: 'Typo action' }]);
	});

	it('answers 401 without a session, 404 outside the subtree or organization, 400 for bad input', async () => {
		const s = await setup();
		expect((await call('GET', '/api/v1/actions')).status).toBe(401);
		expect((await call('POST', '/api/v1/actions', { json: { unitId: s.team, title: 'x' } })).status).toBe(401);
		expect((await call('POST', '/api/v1/actions', { cookie: s.cookie, json: { unitId: s.south, title: 'Not mine' } })).status).toBe(404);
		const south = await call('POST', '/api/v1/actions', { cookie: s.admin, json: { unitId: s.south, title: 'South plan' } });
		expect((await call('GET', `/api/v1/actions/${south.data.id}`, { cookie: s.cookie })).status).toBe(404);
		expect((await call('PATCH', `/api/v1/actions/${south.data.id}`, { cookie: s.cookie, json: { status: 'done' } })).status).toBe(404);
		expect((await call('GET', `/api/v1/actions/${randomUUID()}`, { cookie: s.cookie })).status).toBe(404);
		expect((await call('GET', '/api/v1/actions/not-an-id', { cookie: s.cookie })).status).toBe(404);
		const other = await setup();
		expect((await call('GET', `/api/v1/actions/${south.data.id}`, { cookie: other.admin })).status).toBe(404);
		const bad = await call('POST', '/api/v1/actions', { cookie: s.cookie, json: { unitId: s.team, title: '', dueOn: 'tomorrow' } });
		expect(bad.status).toBe(400);
		expect(bad.data.error.message).toMatch(/title/);
		expect(bad.data.error.message).toMatch(/dueOn/);
		expect((await call('GET', '/api/v1/actions?status=finished', { cookie: s.cookie })).status).toBe(400);
		expect((await call('PATCH', `/api/v1/actions/${south.data.id}`, { cookie: s.admin, json: { owner: 'x' } })).status).toBe(400);
		// A cookie-authenticated write from another site is refused.
		expect((await call('POST', '/api/v1/actions', { cookie: s.cookie, json: { unitId: s.team, title: 'x' }, headers: { origin: 'https://evil.example' } })).status).toBe(403);
	});
});
