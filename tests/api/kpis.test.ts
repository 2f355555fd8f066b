import { beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '$lib/server/api-tokens/tokens';
import { createTestActor, createTestOrganization, createTestTeam } from '$tests/fixtures';
import { baseUrl, sessionCookie } from '../support/http';
import { apiClient } from '../support/api-client';

/** KPIs through the API as a CRM integration pushes them: a token, the starter set, an idempotent upsert. */

let crm: ReturnType<typeof apiClient>;
let viewer: ReturnType<typeof apiClient>;
let unitId: string;
let person: string;
let foreignUnit: string;
let viewerEmail: string;
let foreignAdmin: string;

beforeAll(async () => {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	const team = await createTestTeam(org.id, 2);
	unitId = team.id;
	person = team.emails[0];
	crm = apiClient(baseUrl(), (await createApiToken({ organizationId: org.id, actor: admin, input: { name: 'CRM' } })).secret);
	const viewerActor = await createTestActor(org.id, 'viewer', unitId);
	viewerEmail = viewerActor.email;
	viewer = apiClient(baseUrl(), { cookie: await sessionCookie(viewerActor) });
	const foreign = await createTestOrganization();
	foreignUnit = (await createTestTeam(foreign.id, 1)).id;
	foreignAdmin = (await createTestActor(foreign.id, 'admin')).email;
});

describe('the KPI API', () => {
	it('starts on the starter set once, and a viewer may read the KPIs but not change them', async () => {
		const first = await crm.POST('/kpis/starter');
		expect(first.response.status).toBe(200);
		expect(first.data!.kpis.map((k) => k.definition.key)).toEqual(expect.arrayContaining(['order_intake', 'pipeline_coverage', 'lost_customers']));
		expect((await crm.POST('/kpis/starter')).data!.kpis).toHaveLength(first.data!.kpis.length);
		expect((await viewer.GET('/kpis')).data!.kpis).toHaveLength(first.data!.kpis.length);
		expect((await viewer.POST('/kpis/starter')).response.status).toBe(403);
		expect((await viewer.PUT('/kpis/values', { body: { values: [{ kpi: 'sales', unit: unitId, month: '2026-01', plan: '1' }] } })).response.status).toBe(403);
	});

	it('upserts plans and actuals idempotently, lists them, and keeps corrections', async () => {
		const body = {
			values: [
				{ kpi: 'order_intake', unit: unitId, month: '2026-03', plan: '500000', actual: '480000.25' },
				{ kpi: 'customer_meetings', person, month: '2026-03', plan: 40, actual: 37 }
			]
		};
		expect((await crm.PUT('/kpis/values', { body })).data).toEqual({ created: 2, updated: 0, unchanged: 0, corrections: 0 });
		expect((await crm.PUT('/kpis/values', { body })).data).toEqual({ created: 0, updated: 0, unchanged: 2, corrections: 0 });
		const listed = (await crm.GET('/kpis/values', { params: { query: { month: '2026-03' } } })).data!.values;
		expect(listed).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ kpi: 'order_intake', unitId, person: null, month: '2026-03', plan: '500000', actual: '480000.25' }),
				expect.objectContaining({ kpi: 'customer_meetings', unitId: null, person, plan: '40', actual: '37' })
			])
		);
		await crm.PUT('/kpis/values', { body: { values: [{ kpi: 'order_intake', unit: unitId, month: '2026-03', actual: '481000' }] } });
		const changes = (await crm.GET('/kpis/changes')).data!.changes;
		expect(changes[0]).toMatchObject({ kpi: 'order_intake', field: 'actual', before: '480000.25', after: '481000', source: 'api', month: '2026-03' });
	});

	it('writes nothing when any value is wrong, naming each, and never touches another organization', async () => {
		const r = await crm.PUT('/kpis/values', {
			body: {
				values: [
					{ kpi: 'sales', unit: unitId, month: '2026-04', plan: '1000' },
					{ kpi: 'sales', unit: foreignUnit, month: '2026-04', plan: '1000' },
					{ kpi: 'sales', person: 'nobody@example.com', month: '2026-04', plan: '1000' }
				]
			}
		});
		expect(r.response.status).toBe(400);
		const error = (r.error as unknown as { error: { message: string; details: { path: string }[] } }).error;
		expect(error.message).toMatch(/2 of 3 values have errors; nothing was written/);
		expect(error.details.map((d) => d.path)).toEqual(['values.1', 'values.2']);
		expect((await crm.GET('/kpis/values', { params: { query: { month: '2026-04' } } })).data!.values).toEqual([]);
		expect((await crm.GET('/kpis/values', { params: { query: { month: 'April' } } })).response.status).toBe(400);
	});

	it('gives a KPI an owner by email: what GET gives PUT takes back; omitted keeps it, null clears it, a stranger or a sales person is refused', async () => {
		await crm.POST('/kpis/starter');
		const kpis = (await crm.GET('/kpis')).data!.kpis.map((k) => k.definition);
		expect(kpis.every((d) => d.owner === null)).toBe(true);
		const owned = kpis.map((d) => (d.key === 'sales' ? { ...d, owner: viewerEmail.toUpperCase() } : d));
		const saved = await crm.PUT('/kpis', { body: { kpis: owned } });
		expect(saved.response.status).toBe(200);
		const sales = () => crm.GET('/kpis').then((r) => r.data!.kpis.find((k) => k.definition.key === 'sales')!.definition.owner);
		expect(await sales()).toBe(viewerEmail);
		// Sent back as it came: unchanged; without the field: kept.
		expect((await crm.PUT('/kpis', { body: { kpis: saved.data!.kpis.map((k) => k.definition) } })).response.status).toBe(200);
		expect((await crm.PUT('/kpis', { body: { kpis: kpis.map(({ owner: _, ...d }) => d) } })).response.status).toBe(200);
		expect(await sales()).toBe(viewerEmail);
		for (const owner of [foreignAdmin, person, 'not an email']) {
			const refused = await crm.PUT('/kpis', { body: { kpis: kpis.map((d) => (d.key === 'sales' ? { ...d, owner } : d)) } });
			expect(refused.response.status, owner).toBe(400);
			expect(JSON.stringify(refused.error), owner).toMatch(/\.owner/);
		}
		expect((await crm.PUT('/kpis', { body: { kpis: kpis.map((d) => (d.key === 'sales' ? { ...d, owner: null } : d)) } })).response.status).toBe(200);
		expect(await sales()).toBeNull();
	});
});
