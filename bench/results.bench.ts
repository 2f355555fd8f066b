import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { latestModel } from '$lib/server/models/registry';
import { buildRoundResults, freezeUnitTree } from '$lib/server/results/build';
import { insertPublishedRound } from '$lib/server/results/past-round';
import { rebuildBenchmark } from '$lib/server/benchmarks/build';
import { unitResults } from '$lib/server/results/unit-results';
import { unitTrend } from '$lib/server/results/trend';
import { ORGANIZATION } from '$lib/results/view';
import { percentile } from './support/load';
import { reportData } from '$lib/server/reports/data';
import { renderReport } from '$lib/server/exports/run';

const RESPONDENTS = 10_000;
const REGIONS = 10;
const TEAMS_PER_REGION = 19; // 10 regions + 190 teams = 200 units
const ORGANIZATIONS = 1000;
const PER_ORGANIZATION = 1000;

/** A published round of `organizationId` over its units with `n` generated responses spread over `unitIds` (in SQL: a million rows take seconds, not minutes). */
async function roundWithResponses(organizationId: string, unitIds: string[], n: number): Promise<string> {
	const model = await latestModel('sos');
	const round = {
		id: await insertPublishedRound(model, {
			organizationId,
			name: 'Bench round',
			closedAt: new Date(Date.now() - 86_400_000),
			tree: await freezeUnitTree(organizationId)
		})
	};
	await sql`
		INSERT INTO responses (organization_id, round_id, unit_id, job_role, answers, area_scores)
		SELECT ${organizationId}::uuid, ${round.id}::uuid, (${unitIds}::uuid[])[1 + g % ${unitIds.length}],
			CASE WHEN g % 8 = 0 THEN 'sales_manager' ELSE 'sales_person' END,
			ARRAY(SELECT (CASE WHEN random() < 0.05 THEN 0 ELSE 1 + floor(random() * 5) END)::smallint FROM generate_series(1, ${model.shape.statementCount} + 0 * g)),
			ARRAY(SELECT (1 + random() * 4)::real FROM generate_series(1, ${model.shape.areas.length} + 0 * g))
		FROM generate_series(1, ${n}) g`.execute(db());
	return round.id;
}

async function timeIt(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
	const times: number[] = [];
	for (let i = 0; i < runs + 3; i++) {
		const t = performance.now();
		await fn();
		if (i >= 3) times.push(performance.now() - t);
	}
	return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/**
 * The results page's data for an organization of 10,000 respondents in 200 units: alone in the database,
 * then with a million responses of a thousand other organizations beside it (and a benchmark built from
 * them). The page reads the aggregates built at close, never the responses.
 */
it('measures the results data of a large organization, alone and among a million responses', async () => {
	const org = await createTestOrganization();
	const admin: Actor = await createTestActor(org.id, 'admin');
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
	const roundId = await roundWithResponses(org.id, teams, RESPONDENTS);
	let t0 = performance.now();
	await db()
		.transaction()
		.execute((trx) => buildRoundResults({ organizationId: org.id, roundId }, trx));
	const buildMs = performance.now() - t0;

	const choice = { compare: 'all' as const, statistic: 'mean' as const };
	const page = () => unitResults({ actor: admin, roundId, unitId: ORGANIZATION, locale: 'en', choice });
	const region = () => unitResults({ actor: admin, roundId, unitId: regions[0], locale: 'en', choice });
	const alone = await timeIt(30, page);
	const aloneRegion = await timeIt(30, region);
	const aloneTrend = await timeIt(30, () => unitTrend({ actor: admin, unitId: ORGANIZATION, locale: 'en' }));

	// A thousand other organizations with a thousand responses each, their results built as at close.
	t0 = performance.now();
	const others: { org: string; round: string }[] = [];
	for (let i = 0; i < ORGANIZATIONS; i++) {
		const o = await db()
			.insertInto('organizations')
			.values({ name: `Bench org ${i}`, industry: 'manufacturing', country: 'SE', size_band: '200-999', sales_model: 'field' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const unit = (await db().insertInto('units').values({ organization_id: o.id, name: 'Sales' }).returning('id').executeTakeFirstOrThrow()).id;
		others.push({ org: o.id, round: await roundWithResponses(o.id, [unit], PER_ORGANIZATION) });
	}
	const fillMs = performance.now() - t0;
	t0 = performance.now();
	for (let i = 0; i < others.length; i += 4)
		await Promise.all(
			others.slice(i, i + 4).map((o) =>
				db()
					.transaction()
					.execute((trx) => buildRoundResults({ organizationId: o.org, roundId: o.round }, trx))
			)
		);
	const othersBuildMs = performance.now() - t0;
	await sql`ANALYZE`.execute(db());
	t0 = performance.now();
	const model = await latestModel('sos');
	const version = await rebuildBenchmark({ modelId: model.structure.id, modelVersion: model.structure.version, population: 'live' });
	const rebuildMs = performance.now() - t0;
	await db().updateTable('rounds').set({ benchmark_version_id: version }).where('organization_id', '=', org.id).where('id', '=', roundId).execute();

	const total = await db()
		.selectFrom('responses')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	const crowded = await timeIt(30, page);
	const crowdedRegion = await timeIt(30, region);
	const crowdedTrend = await timeIt(30, () => unitTrend({ actor: admin, unitId: ORGANIZATION, locale: 'en' }));
	const r = await page();
	expect(r.unit.respondents).toBe(RESPONDENTS);
	expect(r.areas.every((a) => a.benchmark !== null)).toBe(true);

	const f = (x: number) => x.toFixed(1);
	console.log(
		`results data, whole organization (10,000 respondents, 200 units), ${Number(total.n).toLocaleString('en')} responses in the database: p50 ${f(crowded.p50)} ms, p95 ${f(crowded.p95)} ms (budget ≤ 50 ms); alone p50 ${f(alone.p50)} ms → ratio ${(crowded.p50 / alone.p50).toFixed(2)} (budget ≤ 1.2)`
	);
	console.log(
		`results data, one region: p50 ${f(crowdedRegion.p50)} ms (alone ${f(aloneRegion.p50)} ms, ratio ${(crowdedRegion.p50 / aloneRegion.p50).toFixed(2)}); trend: p50 ${f(crowdedTrend.p50)} ms (alone ${f(aloneTrend.p50)} ms)`
	);
	console.log(
		`results built at close for 10,000 responses: ${f(buildMs)} ms; for ${ORGANIZATIONS} rounds of ${PER_ORGANIZATION}: ${(othersBuildMs / 1000).toFixed(1)} s (generating them: ${(fillMs / 1000).toFixed(1)} s)`
	);
	console.log(`benchmark rebuild over ${ORGANIZATIONS + 1} organizations: ${f(rebuildMs)} ms`);

	// The reports of the same organization (10 regions in its heatmap): data, then each file.
	const data = await reportData({ actor: admin, roundId, unitId: ORGANIZATION, locale: 'en', choice });
	const sizes: string[] = [];
	for (const format of ['pdf', 'pptx', 'xlsx', 'csv'] as const) {
		let bytes = 0;
		const t = await timeIt(5, async () => (bytes = (await renderReport(format, data)).length));
		sizes.push(`${format} p50 ${f(t.p50)} ms (${Math.round(bytes / 1024)} KB)`);
	}
	const dataTime = await timeIt(10, () => reportData({ actor: admin, roundId, unitId: ORGANIZATION, locale: 'en', choice }));
	console.log(`reports of the whole 10,000-respondent organization: data p50 ${f(dataTime.p50)} ms; ${sizes.join('; ')}`);
}, 1_800_000);
