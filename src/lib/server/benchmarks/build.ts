import { sql } from 'kysely';
import type { Db } from '$lib/server/db';
import { getModel } from '$lib/server/models/registry';
import { SEGMENT_FIELDS, segmentKey } from '$lib/benchmarks/math';
import type { Population } from './versions';

interface Contribution {
	organization_id: string;
	industry: string;
	size_band: string;
	country: string;
	sales_model: string;
	respondents: number;
	area_means: (number | null)[];
	statement_means: (number | null)[];
}

/**
 * Builds a new benchmark version for a model version and population (the benchmark job; the one place
 * that reads across organizations): each organization's latest closed round of that model within 24
 * months counts when it had at least its k respondents, unless the operator excluded the organization.
 * Stored: every contribution (so each organization's own can be taken out for it) and, per segment
 * and metric, the count, the sum and the sorted organization means.
 */
export async function rebuildBenchmark(db: Db, opts: { modelId: string; modelVersion: string; population: Population; now?: Date }): Promise<string> {
	const now = opts.now ?? new Date();
	const model = await getModel(opts.modelId, opts.modelVersion);
	const { rows } = await sql<Contribution>`
		SELECT c.* FROM (
			SELECT DISTINCT ON (r.organization_id) r.organization_id, o.industry, o.size_band, o.country, o.sales_model,
				x.respondents, x.area_means, x.statement_means, r.min_group_size
			FROM rounds r
			JOIN round_results x ON x.organization_id = r.organization_id AND x.round_id = r.id
			JOIN organizations o ON o.id = r.organization_id
			WHERE r.model_id = ${opts.modelId} AND r.model_version = ${opts.modelVersion}
				AND r.status IN ('closed', 'published') AND r.closed_at >= ${now}::timestamptz - interval '24 months' AND r.closed_at <= ${now}
				AND o.is_demo = ${opts.population === 'demo'} AND NOT o.benchmark_excluded
			ORDER BY r.organization_id, r.closed_at DESC
		) c WHERE c.respondents >= c.min_group_size`.execute(db);

	const metrics = model.shape.areas.length + model.shape.statementCount;
	const segments = new Map<string, Contribution[]>([['all', rows]]);
	for (const c of rows)
		for (const f of SEGMENT_FIELDS) {
			const key = segmentKey(f, c[f]);
			(segments.get(key) ?? segments.set(key, []).get(key)!).push(c);
		}
	const stats = [...segments].flatMap(([segment, members]) =>
		Array.from({ length: metrics }, (_, metric) => {
			const values = members.map((c) => ({ mean: metricOf(c, metric), respondents: c.respondents })).filter((v) => v.mean !== null) as { mean: number; respondents: number }[];
			return {
				segment,
				metric,
				organizations: values.length,
				respondents: values.reduce((s, v) => s + v.respondents, 0),
				mean_sum: values.reduce((s, v) => s + v.mean, 0),
				sorted_means: values.map((v) => v.mean).sort((a, b) => a - b)
			};
		})
	);

	return db.transaction().execute(async (trx) => {
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
				respondents: rows.reduce((s, c) => s + c.respondents, 0)
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const contributions = rows.map((c) => ({ version_id: version.id, organization_id: c.organization_id, respondents: c.respondents, area_means: c.area_means, statement_means: c.statement_means }));
		for (let i = 0; i < contributions.length; i += 1000) await trx.insertInto('benchmark_contributions').values(contributions.slice(i, i + 1000)).execute();
		const statRows = stats.map((s) => ({ version_id: version.id, ...s }));
		for (let i = 0; i < statRows.length; i += 1000) await trx.insertInto('benchmark_stats').values(statRows.slice(i, i + 1000)).execute();
		return version.id;
	});

	function metricOf(c: Contribution, metric: number): number | null {
		const areas = c.area_means.length;
		return (metric < areas ? c.area_means[metric] : c.statement_means[metric - areas]) ?? null;
	}
}

/**
 * Rebuilds every benchmark a round has closed for since it was last built (the scheduler's tick: the
 * job that runs whenever a round closes). Returns how many versions were built.
 */
export async function rebuildDueBenchmarks(db: Db, now = new Date()): Promise<number> {
	const { rows } = await sql<{ model_id: string; model_version: string; population: Population }>`
		WITH closed AS (
			SELECT r.model_id, r.model_version, CASE WHEN o.is_demo THEN 'demo' ELSE 'live' END AS population, max(r.closed_at) AS last_closed
			FROM rounds r JOIN organizations o ON o.id = r.organization_id
			WHERE r.status IN ('closed', 'published') AND r.closed_at IS NOT NULL
			GROUP BY 1, 2, 3
		)
		SELECT c.model_id, c.model_version, c.population FROM closed c
		WHERE c.last_closed > coalesce((
			SELECT max(v.built_at) FROM benchmark_versions v
			WHERE v.model_id = c.model_id AND v.model_version = c.model_version AND v.source = 'sos' AND v.population = c.population
		), '-infinity')`.execute(db);
	for (const r of rows) await rebuildBenchmark(db, { modelId: r.model_id, modelVersion: r.model_version, population: r.population, now });
	return rows.length;
}

/** Rebuilds the benchmark of every model version and population with closed rounds (the operator's "rebuild now", and after an exclusion). */
export async function rebuildAllBenchmarks(db: Db, now = new Date()): Promise<number> {
	const { rows } = await sql<{ model_id: string; model_version: string; population: Population }>`
		SELECT DISTINCT r.model_id, r.model_version, CASE WHEN o.is_demo THEN 'demo' ELSE 'live' END AS population
		FROM rounds r JOIN organizations o ON o.id = r.organization_id
		WHERE r.status IN ('closed', 'published')`.execute(db);
	for (const r of rows) await rebuildBenchmark(db, { modelId: r.model_id, modelVersion: r.model_version, population: r.population, now });
	return rows.length;
}
