import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization, createTestTeam } from '$tests/fixtures';
import { ForbiddenError, ValidationError } from '$lib/server/errors';
import { installStarterKpis, listKpis, saveKpiSet } from './definitions';
import { upsertKpiValues } from './values';

async function setup() {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	const team = await createTestTeam(org.id, 2);
	await installStarterKpis({ organizationId: org.id, actor: admin });
	return { org, admin, unitId: team.id, email: team.emails[0] };
}
const stored = (organizationId: string) =>
	db()
		.selectFrom('kpi_values')
		.select(['month', 'plan', 'actual', 'unit_id', 'user_id'])
		.where('organization_id', '=', organizationId)
		.orderBy('month')
		.execute();

describe('KPI definitions', () => {
	it('installs the starter set once, archives a KPI left out, and refuses a broken set naming the field', async () => {
		const { org, admin } = await setup();
		const kpis = await listKpis({ organizationId: org.id });
		expect(kpis.map((k) => k.key)).toContain('order_intake');
		await installStarterKpis({ organizationId: org.id, actor: admin });
		expect(await listKpis({ organizationId: org.id })).toHaveLength(kpis.length);
		const fewer = kpis.filter((k) => k.key !== 'sales').map((k) => k.definition);
		expect((await saveKpiSet({ organizationId: org.id, actor: admin, definitions: fewer })).map((k) => k.key)).not.toContain('sales');
		expect((await listKpis({ organizationId: org.id, archived: true })).map((k) => k.key)).toContain('sales');
		const broken = [{ ...fewer[0], rollup: { kind: 'ratio', numerator: 'nothing', denominator: 'order_intake' } }];
		await expect(saveKpiSet({ organizationId: org.id, actor: admin, definitions: broken })).rejects.toThrow(/0\.rollup\.numerator: There is no KPI nothing/);
	});
});

describe('upsertKpiValues', () => {
	it('writes plans and actuals, is idempotent, and keeps corrections with who and how', async () => {
		const { org, admin, unitId, email } = await setup();
		const input = {
			values: [
				{ kpi: 'order_intake', unit: unitId, month: '2026-01', plan: '1000000', actual: 950000.5 },
				{ kpi: 'order_intake', person: email.toUpperCase(), month: '2026-01', actual: '120000' }
			]
		};
		expect(await upsertKpiValues({ organizationId: org.id, actor: admin, source: 'api', input }, db())).toEqual({
			created: 2,
			updated: 0,
			unchanged: 0,
			corrections: 0
		});
		expect(await upsertKpiValues({ organizationId: org.id, actor: admin, source: 'api', input }, db())).toEqual({
			created: 0,
			updated: 0,
			unchanged: 2,
			corrections: 0
		});
		// 1 000 000.00 is the same number: unchanged. A late correction of the actual keeps the plan.
		const late = { values: [{ kpi: 'order_intake', unit: unitId, month: '2026-01', plan: '1000000.00', actual: '960000' }] };
		expect(await upsertKpiValues({ organizationId: org.id, actor: admin, source: 'import', input: late }, db())).toMatchObject({ updated: 1, corrections: 1 });
		const rows = await stored(org.id);
		expect(rows.find((r) => r.unit_id)).toMatchObject({ month: '2026-01-01', plan: '1000000', actual: '960000' });
		const changes = await db().selectFrom('kpi_value_changes').selectAll().where('organization_id', '=', org.id).execute();
		expect(changes).toHaveLength(1);
		expect(changes[0]).toMatchObject({ field: 'actual', before: '950000.5', after: '960000', source: 'import' });
	});

	it('writes nothing when any row is wrong, and names each wrong row', async () => {
		const { org, admin, unitId } = await setup();
		const other = await createTestOrganization();
		const foreign = (await createTestTeam(other.id, 1)).id;
		const input = {
			values: [
				{ kpi: 'order_intake', unit: unitId, month: '2026-02', plan: '10' },
				{ kpi: 'win_rate_nonexistent', unit: unitId, month: '2026-02', plan: '10' },
				{ kpi: 'pipeline_coverage', unit: unitId, month: '2026-02', plan: '3' },
				{ kpi: 'sales', unit: foreign, month: '2026-02', plan: '10' },
				{ kpi: 'order_intake', unit: unitId, month: '2026-02', actual: '5' }
			]
		};
		const err = await upsertKpiValues({ organizationId: org.id, actor: admin, source: 'api', input }, db()).catch((e) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.message).toMatch(/^4 of 5 values have errors; nothing was written/);
		expect(err.details.map((d: { path: string }) => d.path)).toEqual(['values.1', 'values.2', 'values.3', 'values.4']);
		expect(await stored(org.id)).toEqual([]);
		await expect(
			upsertKpiValues(
				{ organizationId: org.id, actor: admin, source: 'api', input: { values: [{ kpi: 'sales', unit: unitId, month: '2026-13', plan: '1e3' }] } },
				db()
			)
		).rejects.toThrow(/values\.0\.month: A month like 2026-03; values\.0\.plan: Write a number/);
	});

	it('is for admins only', async () => {
		const { org, unitId } = await setup();
		const viewer = await createTestActor(org.id, 'viewer', unitId);
		const input = { values: [{ kpi: 'sales', unit: unitId, month: '2026-01', plan: '1' }] };
		await expect(upsertKpiValues({ organizationId: org.id, actor: viewer, source: 'api', input }, db())).rejects.toBeInstanceOf(ForbiddenError);
	});
});
