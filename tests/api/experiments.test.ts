import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { addDays } from '$lib/experiments';
import { baseUrl, sessionCookie } from '../support/http';
import { apiClient } from '../support/api-client';

const as = (cookie: string) => apiClient(baseUrl(), { cookie });
const experiment = (id: string) => ({ params: { path: { id } } });
const DAY = 86_400_000;

/** The experiments API and a unit's alignment against the real server: who may do what, bad input, success. */
async function setup() {
	const org = await createTestOrganization();
	const first = await createPublishedRound({
		organizationId: org.id,
		closedAt: new Date(Date.now() - 120 * DAY),
		tree: { units: { North: null, South: null }, respondents: { North: { sales_person: 8, sales_manager: 5 }, South: { sales_person: 7, sales_manager: 5 } } }
	});
	const { North, South } = first.unitIds;
	const viewer = await createTestActor(org.id, 'viewer', North);
	const admin = await createTestActor(org.id, 'admin');
	return {
		org,
		North,
		South,
		roundId: first.roundId,
		viewer,
		cookie: await sessionCookie(viewer),
		admin: await sessionCookie(admin),
		adminId: admin.membership!.userId
	};
}

const input = (unitId: string, roundId: string, ownerId: string) => ({
	unitId,
	roundId,
	hypothesis: 'A weekly forecast call makes the forecast land within 10 %.',
	lever: 'Weekly forecast call',
	metric: { kind: 'area' as const, area: 'forecasting' },
	startsOn: '2026-02-02',
	endsOn: addDays('2026-02-02', 56),
	ownerId
});

describe('experiments API', () => {
	it('creates, lists, reads and changes an experiment of a unit in the viewer’s subtree', async () => {
		const s = await setup();
		const api = as(s.cookie);
		const created = await api.POST('/experiments', { body: input(s.North, s.roundId, s.viewer.membership!.userId) });
		expect(created.response.status).toBe(201);
		expect(created.data).toMatchObject({
			lever: 'Weekly forecast call',
			unit: { id: s.North, name: 'North' },
			metric: { kind: 'area', area: 'forecasting', name: 'Forecasting' },
			endsOn: '2026-03-30',
			status: 'planned'
		});
		const id = created.data!.id;
		expect((await api.GET('/experiments', { params: { query: { unitId: s.North, roundId: s.roundId } } })).data!.experiments.map((x) => x.id)).toEqual([id]);
		expect((await api.GET('/experiments/{id}', experiment(id))).data!.id).toBe(id);
		const done = await api.PATCH('/experiments/{id}', { ...experiment(id), body: { status: 'done', result: 'Forecast within 8 % for six weeks.' } });
		expect(done.data).toMatchObject({ status: 'done', result: 'Forecast within 8 % for six weeks.' });
	});

	it('answers 401 without a session, 404 outside the subtree or organization, 400 for bad input', async () => {
		const s = await setup();
		const anonymous = apiClient(baseUrl());
		const api = as(s.cookie);
		expect((await anonymous.GET('/experiments')).response.status).toBe(401);
		expect((await anonymous.POST('/experiments', { body: input(s.North, s.roundId, s.adminId) })).response.status).toBe(401);
		expect((await api.POST('/experiments', { body: input(s.South, s.roundId, s.viewer.membership!.userId) })).response.status).toBe(404);
		const south = (await as(s.admin).POST('/experiments', { body: input(s.South, s.roundId, s.adminId) })).data!;
		expect((await api.GET('/experiments/{id}', experiment(south.id))).response.status).toBe(404);
		expect((await api.PATCH('/experiments/{id}', { ...experiment(south.id), body: { status: 'running' } })).response.status).toBe(404);
		expect((await api.GET('/experiments/{id}', experiment(randomUUID()))).response.status).toBe(404);
		expect((await api.GET('/experiments/{id}', experiment('not-an-id'))).response.status).toBe(404);
		const other = await setup();
		expect((await as(other.admin).GET('/experiments/{id}', experiment(south.id))).response.status).toBe(404);
		expect((await as(other.admin).GET('/experiments')).data!.experiments).toEqual([]);

		const bad = await api.POST('/experiments', { body: { ...input(s.North, s.roundId, s.adminId), lever: '', endsOn: addDays('2026-02-02', 60) } });
		expect(bad.response.status).toBe(400);
		expect(bad.error!.error.message).toMatch(/lever/);
		expect(bad.error!.error.message).toMatch(/endsOn: The experiment runs 6–8 weeks/);
		const tooShort = await as(s.admin).PATCH('/experiments/{id}', { ...experiment(south.id), body: { endsOn: addDays('2026-02-02', 30) } });
		expect(tooShort.response.status).toBe(400);
		const unknown = await api.POST('/experiments', { body: { ...input(s.North, s.roundId, s.adminId), budget: 1 } as never });
		expect(unknown.response.status).toBe(400);
	});
});

describe('alignment API', () => {
	it('answers null for a model without alignment pairs, with the experiments of earlier rounds beside their change', async () => {
		const s = await setup();
		const started = (await as(s.admin).POST('/experiments', { body: input(s.North, s.roundId, s.adminId) })).data!;
		const next = await createPublishedRound({
			organizationId: s.org.id,
			seed: 5,
			tree: { units: {}, respondents: { North: { sales_person: 9, sales_manager: 5 }, South: { sales_person: 6, sales_manager: 5 } } },
			existingUnits: { North: s.North, South: s.South }
		});
		const api = as(s.cookie);
		const res = await api.GET('/results/{round}/alignment', { params: { path: { round: next.roundId }, query: { unit: s.North } } });
		expect(res.response.status).toBe(200);
		expect(res.data!.alignment).toBeNull();
		expect(res.data!.followUp).toHaveLength(1);
		const f = res.data!.followUp[0];
		expect(f.id).toBe(started.id);
		expect(f.then).not.toBeNull();
		expect(f.now).not.toBeNull();
		expect(f.change).toBe(Math.round((f.now! - f.then!) * 100) / 100);
	});

	it('answers 401 without a session, 400 without a unit, 404 outside the subtree or organization', async () => {
		const s = await setup();
		const path = { round: s.roundId };
		expect((await apiClient(baseUrl()).GET('/results/{round}/alignment', { params: { path, query: { unit: s.North } } })).response.status).toBe(401);
		expect((await as(s.cookie).GET('/results/{round}/alignment', { params: { path, query: {} as never } })).response.status).toBe(400);
		expect((await as(s.cookie).GET('/results/{round}/alignment', { params: { path, query: { unit: s.South } } })).response.status).toBe(404);
		const other = await setup();
		expect((await as(other.admin).GET('/results/{round}/alignment', { params: { path, query: { unit: s.North } } })).response.status).toBe(404);
	});
});
