import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import { getModel } from '$lib/server/models/registry';
import { SEGMENT_FIELDS, segmentKey } from '$lib/benchmarks/math';
import { decideVersion, type Member } from '$lib/benchmarks/publish';
import { remapMetrics } from '$lib/server/models/metric-map';
import { publishedVersionsOf, sameMetrics } from './earlier';
import { benchmarkFamily } from './family';
import type { Population } from './versions';

interface Contribution {
	organization_id: string;
	round_id: string;
	model_version: string;
	industry: string;
	size_band: string;
	country: string;
	sales_model: string;
	respondents: number;
	min_group_size: number;
	area_means: (number | null)[];
	statement_means: (number | null)[];
}

/**
 * Builds a new benchmark version for a model version and population (the benchmark job; the one place
 * that reads across organizations): each organization's latest closed round of that model version
 * within 24 months counts when it had at least its k respondents, unless the operator excluded the
 * organization; and it counts for an area or statement only when at least k of its respondents answered
 * it ("don't know" is no answer). An organization with no such round on this version counts with its
 * latest round on a version this one continues, for the metrics that compare only (the model's
 * `continues`: comparable areas, mapped statements; see docs/model-versions.md). What the version may show is decided here, for every organization alike
 * (`decideVersion`): segments whose cells would single out fewer than six organizations, and figures
 * within 1 … 5 organizations of one an earlier published version showed, are withheld; the version is
 * published (pinned by rounds from then on) only when at least six contributions changed since every
 * earlier published version (and is the same as, or six away from, every related version's: see
 * `decideVersion`). Stored: every contribution (so each organization's own can be taken out
 * for it) and, per segment and metric, the count, the sum and the sorted organization means, or why
 * the figure is withheld.
 */
export async function rebuildBenchmark(
	opts: { modelId: string; modelVersion: string; population: Population; now?: Date },
	executor: Db = db()
): Promise<string> {
	const now = opts.now ?? new Date();
	const model = await getModel(opts.modelId, opts.modelVersion);
	const areas = model.shape.areas.length;
	const metrics = areas + model.shape.statementCount;
	const family = await benchmarkFamily(opts.modelId, opts.modelVersion);
	const carriedFrom = new Map(family.filter((r) => r.older).map((r) => [r.version, r.map]));
	const versions = [opts.modelVersion, ...carriedFrom.keys()];
	const { rows } = await sql<Contribution>`
		SELECT c.* FROM (
			SELECT DISTINCT ON (r.organization_id) r.organization_id, r.id AS round_id, r.model_version, o.industry, o.size_band, o.country, o.sales_model,
				x.respondents, x.area_means, x.statement_means, r.min_group_size
			FROM rounds r
			JOIN round_results x ON x.organization_id = r.organization_id AND x.round_id = r.id
			JOIN organizations o ON o.id = r.organization_id
			WHERE r.model_id = ${opts.modelId} AND r.model_version IN (${sql.join(versions)})
				AND r.status IN ('closed', 'published') AND r.closed_at >= ${now}::timestamptz - interval '24 months' AND r.closed_at <= ${now}
				AND o.is_demo = ${opts.population === 'demo'} AND NOT o.benchmark_excluded
			ORDER BY r.organization_id, r.model_version = ${opts.modelVersion} DESC, r.closed_at DESC
		) c WHERE c.respondents >= c.min_group_size`.execute(executor);
	await keepFiguresWithK(rows, executor);
	for (const c of rows) carryInto(c, carriedFrom.get(c.model_version), areas);

	const metricOf = (c: Contribution, metric: number) => (metric < areas ? c.area_means[metric] : c.statement_means[metric - areas]) ?? null;
	const members: Member[] = rows.map((c) => ({
		organization: c.organization_id,
		round: c.round_id,
		segments: SEGMENT_FIELDS.map((f) => segmentKey(f, c[f])),
		has: Array.from({ length: metrics }, (_, m) => metricOf(c, m) !== null)
	}));
	const population = { modelId: opts.modelId, population: opts.population };
	const earlier = await publishedVersionsOf({ ...population, modelVersion: opts.modelVersion, map: sameMetrics(metrics) }, executor);
	const related = [];
	for (const r of family) related.push(...(await publishedVersionsOf({ ...population, modelVersion: r.version, map: r.map }, executor)));
	const decision = decideVersion(members, metrics, earlier, related);
	const bySegment = new Map<string, Contribution[]>([['all', rows]]);
	rows.forEach((c, i) => {
		for (const key of members[i].segments) (bySegment.get(key) ?? bySegment.set(key, []).get(key)!).push(c);
	});
	const stats = [...bySegment].flatMap(([segment, contributors]) =>
		Array.from({ length: metrics }, (_, metric) => {
			const values = contributors.map((c) => ({ mean: metricOf(c, metric), respondents: c.respondents })).filter((v) => v.mean !== null) as {
				mean: number;
				respondents: number;
			}[];
			const withheld = decision.withheld.get(segment)?.[metric] ?? null;
			return {
				segment,
				metric,
				organizations: values.length,
				respondents: values.reduce((s, v) => s + v.respondents, 0),
				// A withheld figure keeps nothing a reader could show by mistake.
				mean_sum: withheld ? 0 : values.reduce((s, v) => s + v.mean, 0),
				sorted_means: withheld ? null : values.map((v) => v.mean).sort((a, b) => a - b),
				withheld
			};
		})
	);

	return executor.transaction().execute(async (trx) => {
		const version = await trx
			.insertInto('benchmark_versions')
			.values({
				model_id: opts.modelId,
				model_version: opts.modelVersion,
				source: 'sos',
				population: opts.population,
				label: 'SOS benchmark',
				built_at: now,
				organizations: rows.length,
				respondents: rows.reduce((s, c) => s + c.respondents, 0),
				published: decision.published,
				carried_versions: [...new Set(rows.map((c) => c.model_version).filter((v) => v !== opts.modelVersion))].sort()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const contributions = rows.map((c, i) => ({
			version_id: version.id,
			organization_id: c.organization_id,
			round_id: c.round_id,
			segments: [...members[i].segments],
			respondents: c.respondents,
			area_means: c.area_means,
			statement_means: c.statement_means
		}));
		for (let i = 0; i < contributions.length; i += 1000)
			await trx
				.insertInto('benchmark_contributions')
				.values(contributions.slice(i, i + 1000))
				.execute();
		const statRows = stats.map((s) => ({ version_id: version.id, ...s }));
		for (let i = 0; i < statRows.length; i += 1000)
			await trx
				.insertInto('benchmark_stats')
				.values(statRows.slice(i, i + 1000))
				.execute();
		return version.id;
	});
}

/**
 * Sets an organization's area and statement means to null where fewer than its round's k respondents
 * answered them (summed over the round's aggregates: respondents with an area score, and answers 1 … 5).
 */
async function keepFiguresWithK(rows: Contribution[], executor: Db = db()): Promise<void> {
	if (rows.length === 0) return;
	const counts = await executor
		.selectFrom('round_aggregates')
		.select(['organization_id', 'area_n', 'statement_n'])
		.where(
			'organization_id',
			'in',
			rows.map((c) => c.organization_id)
		)
		.where(
			'round_id',
			'in',
			rows.map((c) => c.round_id)
		)
		.execute();
	const answered = new Map<string, { area: number[]; statement: number[] }>();
	for (const a of counts) {
		const n = answered.get(a.organization_id) ?? answered.set(a.organization_id, { area: [], statement: [] }).get(a.organization_id)!;
		a.area_n.forEach((x, i) => (n.area[i] = (n.area[i] ?? 0) + x));
		a.statement_n.forEach((x, i) => (n.statement[i] = (n.statement[i] ?? 0) + x));
	}
	for (const c of rows) {
		const n = answered.get(c.organization_id);
		c.area_means = c.area_means.map((v, i) => ((n?.area[i] ?? 0) >= c.min_group_size ? v : null));
		c.statement_means = c.statement_means.map((v, i) => ((n?.statement[i] ?? 0) >= c.min_group_size ? v : null));
	}
}

/** A contribution from a round on an earlier version, put into this version's metric order: null where nothing compares. */
function carryInto(c: Contribution, map: Int32Array | undefined, areas: number): void {
	if (!map) return;
	const means = remapMetrics([...c.area_means, ...c.statement_means], map);
	c.area_means = means.slice(0, areas);
	c.statement_means = means.slice(areas);
}
