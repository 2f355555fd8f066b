import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import { getModel } from '$lib/server/models/registry';
import { SEGMENT_FIELDS, segmentKey } from '$lib/benchmarks/math';
import { decideVersion, type EarlierVersion, type Member } from '$lib/benchmarks/publish';
import type { Population } from './versions';

interface Contribution {
	organization_id: string;
	round_id: string;
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
 * that reads across organizations): each organization's latest closed round of that model within 24
 * months counts when it had at least its k respondents, unless the operator excluded the organization;
 * and it counts for an area or statement only when at least k of its respondents answered it ("don't
 * know" is no answer). What the version may show is decided here, for every organization alike
 * (`decideVersion`): segments whose cells would single out fewer than six organizations, and figures
 * within 1 … 5 organizations of one an earlier published version showed, are withheld; the version is
 * published (pinned by rounds from then on) only when at least six contributions changed since every
 * earlier published version. Stored: every contribution (so each organization's own can be taken out
 * for it) and, per segment and metric, the count, the sum and the sorted organization means, or why
 * the figure is withheld.
 */
export async function rebuildBenchmark(
	opts: { modelId: string; modelVersion: string; population: Population; now?: Date },
	executor: Db = db()
): Promise<string> {
	const now = opts.now ?? new Date();
	const model = await getModel(opts.modelId, opts.modelVersion);
	const { rows } = await sql<Contribution>`
		SELECT c.* FROM (
			SELECT DISTINCT ON (r.organization_id) r.organization_id, r.id AS round_id, o.industry, o.size_band, o.country, o.sales_model,
				x.respondents, x.area_means, x.statement_means, r.min_group_size
			FROM rounds r
			JOIN round_results x ON x.organization_id = r.organization_id AND x.round_id = r.id
			JOIN organizations o ON o.id = r.organization_id
			WHERE r.model_id = ${opts.modelId} AND r.model_version = ${opts.modelVersion}
				AND r.status IN ('closed', 'published') AND r.closed_at >= ${now}::timestamptz - interval '24 months' AND r.closed_at <= ${now}
				AND o.is_demo = ${opts.population === 'demo'} AND NOT o.benchmark_excluded
			ORDER BY r.organization_id, r.closed_at DESC
		) c WHERE c.respondents >= c.min_group_size`.execute(executor);
	await keepFiguresWithK(rows, executor);

	const areas = model.shape.areas.length;
	const metrics = areas + model.shape.statementCount;
	const metricOf = (c: Contribution, metric: number) => (metric < areas ? c.area_means[metric] : c.statement_means[metric - areas]) ?? null;
	const members: Member[] = rows.map((c) => ({
		organization: c.organization_id,
		round: c.round_id,
		segments: SEGMENT_FIELDS.map((f) => segmentKey(f, c[f])),
		has: Array.from({ length: metrics }, (_, m) => metricOf(c, m) !== null)
	}));
	const decision = decideVersion(members, metrics, await earlierVersions(opts, metrics, executor));
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
				published: decision.published
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

/** Every earlier published version of the same model version and population: its contributions and what it showed. */
async function earlierVersions(
	opts: { modelId: string; modelVersion: string; population: Population },
	metrics: number,
	executor: Db = db()
): Promise<EarlierVersion[]> {
	const versions = await executor
		.selectFrom('benchmark_versions')
		.select('id')
		.where('model_id', '=', opts.modelId)
		.where('model_version', '=', opts.modelVersion)
		.where('population', '=', opts.population)
		.where('source', '=', 'sos')
		.where('published', '=', true)
		.execute();
	if (versions.length === 0) return [];
	const ids = versions.map((v) => v.id);
	const [contributions, stats] = await Promise.all([
		executor
			.selectFrom('benchmark_contributions')
			.select(['version_id', 'organization_id', 'round_id', 'segments', 'area_means', 'statement_means'])
			.where('version_id', 'in', ids)
			.execute(),
		executor.selectFrom('benchmark_stats').select(['version_id', 'segment', 'metric']).where('version_id', 'in', ids).where('withheld', 'is', null).execute()
	]);
	const out = new Map(ids.map((id) => [id, { members: [] as Member[], shown: new Map<string, boolean[]>() }]));
	for (const c of contributions) {
		const means = [...c.area_means, ...c.statement_means];
		out.get(c.version_id)!.members.push({
			organization: c.organization_id,
			round: c.round_id,
			segments: c.segments,
			has: Array.from({ length: metrics }, (_, m) => means[m] !== null && means[m] !== undefined)
		});
	}
	for (const s of stats) {
		const shown = out.get(s.version_id)!.shown;
		(shown.get(s.segment) ?? shown.set(s.segment, Array(metrics).fill(false)).get(s.segment)!)[s.metric] = true;
	}
	return [...out.values()];
}

/** A benchmark to build: one model version and population. */
export interface BenchmarkKey {
	modelId: string;
	modelVersion: string;
	population: Population;
}

/**
 * Every benchmark a round has closed for since it was last built (the jobs' fan-out: one benchmarks job
 * each, run whenever a round closes). Reads across organizations, as the benchmark does.
 */
export async function dueBenchmarks(executor: Db = db()): Promise<BenchmarkKey[]> {
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
		), '-infinity')`.execute(executor);
	return rows.map((r) => ({ modelId: r.model_id, modelVersion: r.model_version, population: r.population }));
}

/**
 * Rebuilds one benchmark if a round has closed for it since its last build (its benchmarks job). An
 * advisory lock held by a transaction for the build's length keeps two instances from building the same
 * benchmark at once: the second finds it locked and leaves it (or, once built, no longer due). True when it built.
 */
export async function rebuildBenchmarkIfDue(key: BenchmarkKey, now = new Date(), executor: Db = db()): Promise<boolean> {
	const name = `sos-benchmark:${key.modelId}:${key.modelVersion}:${key.population}`;
	return executor.transaction().execute(async (lock) => {
		const got = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(hashtext(${name})) AS ok`.execute(lock);
		if (!got.rows[0].ok) return false;
		const due = (await dueBenchmarks(executor)).some(
			(d) => d.modelId === key.modelId && d.modelVersion === key.modelVersion && d.population === key.population
		);
		if (due) await rebuildBenchmark({ ...key, now }, executor);
		return due;
	});
}

/** Rebuilds the benchmark of every model version and population with closed rounds (the operator's "rebuild now", and after an exclusion). */
export async function rebuildAllBenchmarks(now = new Date(), executor: Db = db()): Promise<number> {
	const { rows } = await sql<{ model_id: string; model_version: string; population: Population }>`
		SELECT DISTINCT r.model_id, r.model_version, CASE WHEN o.is_demo THEN 'demo' ELSE 'live' END AS population
		FROM rounds r JOIN organizations o ON o.id = r.organization_id
		WHERE r.status IN ('closed', 'published')`.execute(executor);
	for (const r of rows) await rebuildBenchmark({ modelId: r.model_id, modelVersion: r.model_version, population: r.population, now }, executor);
	return rows.length;
}
