import { availableParallelism, loadavg } from 'node:os';
import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { installStarterKpis } from '$lib/server/kpis/definitions';
import { kpiBoard } from '$lib/server/kpis/board';
import { percentile } from './support/load';

const REGIONS = 10;
const TEAMS_PER_REGION = 19; // 10 regions + 190 teams = 200 units
const OTHERS = 1000;
const OTHER_UNITS = 10;
const FROM = '2025-01-01';
const MONTHS = 24;

/** p50 and p95 of `runs` calls after ten unmeasured ones (the first calls also warm up the JavaScript that grades the cells). */
async function timeIt(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
	const times: number[] = [];
	for (let i = 0; i < runs + 10; i++) {
		const t = performance.now();
		await fn();
		if (i >= 10) times.push(performance.now() - t);
	}
	return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** Plans and actuals of every KPI with values (the starter set's 10) for every unit of the organizations and 24 months, in SQL. */
async function fillValues(organizationIds: string[]) {
	await sql`
		INSERT INTO kpi_values (organization_id, kpi_id, unit_id, month, plan, actual, updated_by)
		SELECT u.organization_id, k.id, u.id, (${FROM}::date + make_interval(months => m))::date,
			round((1000 + random() * 9000)::numeric, 2), round((800 + random() * 9400)::numeric, 2), 'bench'
		FROM units u
		JOIN kpis k ON k.organization_id = u.organization_id AND k.definition->'rollup'->>'kind' <> 'ratio'
		CROSS JOIN generate_series(0, ${MONTHS - 1}) m
		WHERE u.organization_id = ANY(${organizationIds}::uuid[])`.execute(db());
}

/**
 * The alarm board's data for an organization of 200 units with 24 months of 10 KPIs (48,000 values):
 * alone, then among a thousand other organizations with 2,400 values each. The board is one roll-up
 * query over the organization's year, so its time should not grow with the others.
 */
it('measures the KPI board data of a 200-unit organization, alone and among a thousand others', async () => {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	await installStarterKpis({ organizationId: org.id, actor: admin });
	const regions: string[] = [];
	const teams: string[] = [];
	for (let r = 0; r < REGIONS; r++) {
		const region = (
			await db()
				.insertInto('units')
				.values({ organization_id: org.id, name: `Region ${r + 1}` })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		regions.push(region);
		const rows = Array.from({ length: TEAMS_PER_REGION }, (_, t) => ({ organization_id: org.id, name: `Team ${r + 1}.${t + 1}`, parent_id: region }));
		teams.push(...(await db().insertInto('units').values(rows).returning('id').execute()).map((u) => u.id));
	}
	await fillValues([org.id]);
	await sql`VACUUM (ANALYZE) kpi_values`.execute(db());
	const month = '2026-06';
	const top = () => kpiBoard({ actor: admin, month });
	const region = () => kpiBoard({ actor: admin, unitId: regions[0], month });
	const alone = await timeIt(50, top);
	const aloneRegion = await timeIt(50, region);
	const team = () => kpiBoard({ actor: admin, unitId: teams[0], month });
	const aloneTeam = await timeIt(50, team);

	const t0 = performance.now();
	const others = (
		await sql<{ id: string }>`
			INSERT INTO organizations (name, industry, country, size_band, sales_model)
			SELECT 'Bench org ' || g, 'manufacturing', 'SE', '50-199', 'field' FROM generate_series(1, ${OTHERS}) g
			RETURNING id`.execute(db())
	).rows.map((o) => o.id);
	await sql`
		INSERT INTO units (organization_id, name) SELECT o, 'Unit ' || g FROM unnest(${others}::uuid[]) o CROSS JOIN generate_series(1, ${OTHER_UNITS}) g`.execute(
		db()
	);
	await sql`
		INSERT INTO kpis (organization_id, key, definition, position)
		SELECT o, k.key, k.definition, k.position FROM unnest(${others}::uuid[]) o CROSS JOIN kpis k WHERE k.organization_id = ${org.id}::uuid`.execute(db());
	for (let i = 0; i < others.length; i += 100) await fillValues(others.slice(i, i + 100));
	await sql`VACUUM (ANALYZE)`.execute(db());
	const fillMs = performance.now() - t0;
	const total = await db()
		.selectFrom('kpi_values')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();

	const crowded = await timeIt(50, top);
	const crowdedRegion = await timeIt(50, region);
	const crowdedTeam = await timeIt(50, team);
	const board = await top();
	expect(board.rows).toHaveLength(REGIONS);
	expect(board.total.cells.find((c) => c.kpi === 'sales')?.ytd?.status).toMatch(/^(ok|amber|red)$/);

	const f = (x: number) => x.toFixed(1);
	console.log(
		`KPI board data, whole organization (200 units × 24 months × 10 KPIs), ${Number(total.n).toLocaleString('en')} values in the database (${OTHERS} other organizations): p50 ${f(crowded.p50)} ms, p95 ${f(crowded.p95)} ms (budget ≤ 50 ms); alone p50 ${f(alone.p50)} ms, p95 ${f(alone.p95)} ms → ratio p50 ${(crowded.p50 / alone.p50).toFixed(2)}, p95 ${(crowded.p95 / alone.p95).toFixed(2)} (budget ≤ 1.2)`
	);
	console.log(
		`KPI board data, one region (19 teams): p50 ${f(crowdedRegion.p50)} ms, p95 ${f(crowdedRegion.p95)} ms (alone p50 ${f(aloneRegion.p50)} ms, p95 ${f(aloneRegion.p95)} ms; ratio p50 ${(crowdedRegion.p50 / aloneRegion.p50).toFixed(2)}); one team: p50 ${f(crowdedTeam.p50)} ms (alone ${f(aloneTeam.p50)} ms); generating the others' values: ${(fillMs / 1000).toFixed(1)} s; machine load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`
	);
}, 1_800_000);
