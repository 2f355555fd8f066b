import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { baseUrl, call, sessionCookie } from '../support/http';
import { apiClient } from '../support/api-client';

const as = (cookie: string) => apiClient(baseUrl(), { cookie });
const action = (id: string) => ({ params: { path: { id } } });

/** The action plans API against the real server: who may do what, bad input, success. */
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

describe('actions API', () => {
	it('creates, lists, changes and notes an action for a unit in the viewer’s subtree', async () => {
		const s = await setup();
		const api = as(s.cookie);
		const created = await api.POST('/actions', {
			body: { unitId: s.team, title: 'Weekly pipeline review', reason: 'Forecasting is below benchmark', areaKey: 'forecasting', dueOn: '2030-06-30' }
		});
		expect(created.response.status).toBe(201);
		expect(created.data).toMatchObject({ title: 'Weekly pipeline review', status: 'planned', unit: { name: 'Team' }, dueOn: '2030-06-30', overdue: false });
		const id = created.data!.id;
		expect((await api.GET('/actions', { params: { query: { unitId: s.north } } })).data!.actions.map((a) => a.id)).toEqual([id]);
		expect((await api.PATCH('/actions/{id}', { ...action(id), body: { status: 'in_progress' } })).data!.status).toBe('in_progress');
		const noted = await api.POST('/actions/{id}/notes', { ...action(id), body: { body: 'First review held.' } });
		expect(noted.response.status).toBe(201);
		expect(noted.data!.notes).toHaveLength(1);
		expect((await as(s.admin).GET('/actions/{id}', action(id))).data!.notes[0].body).toBe('First review held.');
	});

	it('deletes an action planned by mistake, with its notes, only within the subtree', async () => {
		const s = await setup();
		const api = as(s.cookie);
		const mine = (await api.POST('/actions', { body: { unitId: s.team, title: 'Typo action' } })).data!;
		expect(mine).toMatchObject({ dueOn: null, overdue: false, owner: null });
		await api.POST('/actions/{id}/notes', { ...action(mine.id), body: { body: 'note' } });
		const south = (await as(s.admin).POST('/actions', { body: { unitId: s.south, title: 'South plan' } })).data!;
		expect((await api.DELETE('/actions/{id}', action(south.id))).response.status).toBe(404);
		expect((await apiClient(baseUrl()).DELETE('/actions/{id}', action(mine.id))).response.status).toBe(401);
		expect((await api.DELETE('/actions/{id}', action(mine.id))).response.status).toBe(204);
		expect((await api.GET('/actions/{id}', action(mine.id))).response.status).toBe(404);
		expect(await db().selectFrom('action_notes').select('id').where('action_id', '=', mine.id).execute()).toEqual([]);
		expect((await as(s.admin).GET('/actions/{id}', action(south.id))).response.status).toBe(200);
		const logged = await db()
			.selectFrom('audit_events')
			.select('target')
			.where('organization_id', '=', s.org.id)
			.where('action', '=', 'action_deleted')
			.execute();
		expect(logged).toEqual([{ target: 'Typo action' }]);
	});

	it('answers 401 without a session, 404 outside the subtree or organization, 400 for bad input', async () => {
		const s = await setup();
		const anonymous = apiClient(baseUrl());
		const api = as(s.cookie);
		expect((await anonymous.GET('/actions')).response.status).toBe(401);
		expect((await anonymous.POST('/actions', { body: { unitId: s.team, title: 'x' } })).response.status).toBe(401);
		expect((await api.POST('/actions', { body: { unitId: s.south, title: 'Not mine' } })).response.status).toBe(404);
		const south = (await as(s.admin).POST('/actions', { body: { unitId: s.south, title: 'South plan' } })).data!;
		expect((await api.GET('/actions/{id}', action(south.id))).response.status).toBe(404);
		expect((await api.PATCH('/actions/{id}', { ...action(south.id), body: { status: 'done' } })).response.status).toBe(404);
		expect((await api.GET('/actions/{id}', action(randomUUID()))).response.status).toBe(404);
		expect((await api.GET('/actions/{id}', action('not-an-id'))).response.status).toBe(404);
		const other = await setup();
		expect((await as(other.admin).GET('/actions/{id}', action(south.id))).response.status).toBe(404);
		const bad = await api.POST('/actions', { body: { unitId: s.team, title: '', dueOn: 'tomorrow' } });
		expect(bad.response.status).toBe(400);
		expect(bad.error!.error.message).toMatch(/title/);
		expect(bad.error!.error.message).toMatch(/dueOn/);
		expect((await call('GET', '/api/v1/actions?status=finished', { cookie: s.cookie })).status).toBe(400);
		expect((await call('PATCH', `/api/v1/actions/${south.id}`, { cookie: s.admin, json: { owner: 'x' } })).status).toBe(400);
		// A cookie-authenticated write from another site is refused.
		expect(
			(await call('POST', '/api/v1/actions', { cookie: s.cookie, json: { unitId: s.team, title: 'x' }, headers: { origin: 'https://evil.example' } })).status
		).toBe(403);
	});

	it('plans an action for the organization as a whole (unitId "organization") as an admin; a unit viewer neither plans nor sees it', async () => {
		const s = await setup();
		const admin = as(s.admin);
		const created = await admin.POST('/actions', { body: { unitId: 'organization', title: 'One CRM for every region', areaKey: 'forecasting' } });
		expect(created.response.status).toBe(201);
		expect(created.data!.unit).toEqual({ id: 'organization', name: s.org.name });
		expect((await admin.GET('/actions', { params: { query: { unitId: 'organization' } } })).data!.actions.map((a) => a.id)).toEqual([created.data!.id]);
		const viewer = as(s.cookie);
		expect((await viewer.POST('/actions', { body: { unitId: 'organization', title: 'Not mine' } })).response.status).toBe(404);
		expect((await viewer.GET('/actions/{id}', action(created.data!.id))).response.status).toBe(404);
		expect((await viewer.GET('/actions')).data!.actions).toEqual([]);
	});
});
