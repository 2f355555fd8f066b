import { db, type Db } from '$lib/server/db';
import { benchmarkValue, type Statistic } from '$lib/benchmarks/math';
import type { Withheld } from '$lib/benchmarks/publish';
import { getBenchmarkVersion, type BenchmarkVersion } from './versions';

export interface Benchmark {
	version: BenchmarkVersion;
	segment: string;
	statistic: Statistic;
	/** Per metric (areas, then statements): the benchmark, or null where fewer than five others (ten for a percentile) stand behind it, or it is withheld. */
	values: (number | null)[];
	/** Why area figures of this segment are withheld, if any are (see $lib/benchmarks/publish). */
	withheld: Withheld | null;
	/** How many other organizations and their respondents stand behind the area figures. */
	organizations: number;
	respondents: number;
}

/**
 * A benchmark version's figures as one organization sees them: its own contribution taken out, each
 * metric shown only with at least five other organizations (percentiles: ten), in one segment and
 * statistic, and never a figure the build withheld (see $lib/benchmarks/publish).
 */
export async function benchmarkFor(
	opts: { versionId: string; organizationId: string; segment: string; statistic: Statistic; metrics: number; areas: number },
	executor: Db = db()
): Promise<Benchmark | null> {
	const version = await getBenchmarkVersion(opts.versionId, executor);
	if (!version) return null;
	const [own, stats] = await Promise.all([
		executor
			.selectFrom('benchmark_contributions')
			.select(['respondents', 'area_means', 'statement_means'])
			.where('version_id', '=', opts.versionId)
			.where('organization_id', '=', opts.organizationId)
			.executeTakeFirst(),
		executor
			.selectFrom('benchmark_stats')
			.select(['metric', 'organizations', 'respondents', 'mean_sum', 'withheld', ...(opts.statistic === 'mean' ? [] : (['sorted_means'] as const))])
			.where('version_id', '=', opts.versionId)
			.where('segment', '=', opts.segment)
			.execute()
	]);
	const byMetric = new Map(stats.map((s) => [s.metric, s]));
	const ownMeans = own ? [...own.area_means, ...own.statement_means] : null;
	let organizations = 0;
	let respondents = 0;
	let withheld: Withheld | null = null;
	const values = Array.from({ length: opts.metrics }, (_, m) => {
		const s = byMetric.get(m);
		if (s?.withheld) {
			if (m < opts.areas) withheld ??= s.withheld;
			return null;
		}
		const b = benchmarkValue(
			s && {
				organizations: s.organizations,
				respondents: s.respondents,
				meanSum: s.mean_sum,
				sortedMeans: ('sorted_means' in s ? s.sorted_means : null) as number[] | null
			},
			opts.statistic,
			ownMeans && own ? { mean: ownMeans[m] ?? null, respondents: own.respondents } : null
		);
		if (b && m < opts.areas) {
			organizations = Math.max(organizations, b.organizations);
			respondents = Math.max(respondents, b.respondents);
		}
		return b?.value ?? null;
	});
	return { version, segment: opts.segment, statistic: opts.statistic, values, withheld, organizations, respondents };
}
