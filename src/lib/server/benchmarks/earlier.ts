import { db, type Db } from '$lib/server/db';
import type { EarlierVersion, Member } from '$lib/benchmarks/publish';
import type { Population } from './versions';

/**
 * Every published SOS benchmark of one model version and population, as `decideVersion` compares a new
 * build with them: their contributions and what they showed, in the metric order of the version being
 * built (`map`: per metric of that version, this version's metric, or -1 where none compares; a metric
 * that does not compare has no figure and was not shown).
 */
export async function publishedVersionsOf(
	opts: { modelId: string; modelVersion: string; population: Population; map: Int32Array },
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
	const { map } = opts;
	const out = new Map(ids.map((id) => [id, { members: [] as Member[], shown: new Map<string, boolean[]>() }]));
	for (const c of contributions) {
		const means = [...c.area_means, ...c.statement_means];
		out.get(c.version_id)!.members.push({
			organization: c.organization_id,
			round: c.round_id,
			segments: c.segments,
			has: Array.from(map, (m) => m >= 0 && means[m] !== null && means[m] !== undefined)
		});
	}
	const shownHere = new Map(ids.map((id) => [id, new Map<string, Set<number>>()]));
	for (const s of stats) {
		const bySegment = shownHere.get(s.version_id)!;
		(bySegment.get(s.segment) ?? bySegment.set(s.segment, new Set()).get(s.segment)!).add(s.metric);
	}
	for (const [id, bySegment] of shownHere)
		for (const [segment, metrics] of bySegment)
			out.get(id)!.shown.set(
				segment,
				Array.from(map, (m) => m >= 0 && metrics.has(m))
			);
	return [...out.values()];
}

/** The identity map of a version with `metrics` metrics (its own published versions). */
export const sameMetrics = (metrics: number): Int32Array => Int32Array.from({ length: metrics }, (_, i) => i);
