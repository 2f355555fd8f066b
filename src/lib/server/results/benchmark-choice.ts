import { z } from 'zod';
import { db, type Db } from '$lib/server/db';
import { SEGMENT_FIELDS, STATISTICS, segmentKey, type SegmentField, type Statistic } from '$lib/benchmarks/math';
import type { Withheld } from '$lib/benchmarks/publish';
import { benchmarkFor, type Benchmark } from '$lib/server/benchmarks/read';
import { listBenchmarkVersions } from '$lib/server/benchmarks/versions';
import type { PublishedRound } from './rounds';

/** What the viewer compares with: the pinned SOS benchmark (all, or one of the organization's segments) or an imported source. */
export const comparison = z.strictObject({
	compare: z.union([z.enum(['all', ...SEGMENT_FIELDS]), z.string().regex(/^import:[0-9a-f-]{36}$/)]).default('all'),
	statistic: z.enum(STATISTICS).default('mean')
});
export type Comparison = z.infer<typeof comparison>;

/** A page's ?compare= and ?statistic=; a choice that is not offered falls back to the default. */
export function comparisonFrom(url: URL): Comparison {
	const asked = comparison.safeParse({ compare: url.searchParams.get('compare') ?? undefined, statistic: url.searchParams.get('statistic') ?? undefined });
	return asked.success ? asked.data : comparison.parse({});
}

export interface BenchmarkChoice {
	benchmark: Benchmark | null;
	compare: Comparison['compare'];
	statistic: Statistic;
	/** Why this comparison's figures are not shown, when the benchmark withholds them (see $lib/benchmarks/publish). */
	withheld: Withheld | null;
	/** What else the viewer can choose. */
	segments: { key: 'all' | SegmentField; value: string | null }[];
	imported: { id: string; label: string }[];
}

/**
 * The benchmark a round's results are compared with for this organization: the version pinned when
 * the round was published (so its report never changes), in the chosen segment and statistic, or an
 * imported source of the same model version (means only).
 */
export async function chooseBenchmark(
	opts: { organizationId: string; round: PublishedRound; metrics: number; areas: number; choice: Comparison },
	executor: Db = db()
): Promise<BenchmarkChoice> {
	const [org, versions] = await Promise.all([
		executor
			.selectFrom('organizations')
			.select([...SEGMENT_FIELDS, 'is_demo'])
			.where('id', '=', opts.organizationId)
			.executeTakeFirstOrThrow(),
		listBenchmarkVersions({ population: 'live', modelId: opts.round.modelId, modelVersion: opts.round.modelVersion, source: 'import' }, executor)
	]);
	// Imported sources describe customers: demo organizations are compared only among themselves.
	const imported = org.is_demo ? [] : versions;
	const segments = [{ key: 'all' as const, value: null }, ...SEGMENT_FIELDS.map((f) => ({ key: f, value: org[f] }))];
	const { compare, statistic } = opts.choice;
	let versionId: string | null = opts.round.benchmarkVersionId;
	let segment = 'all';
	let stat: Statistic = statistic;
	if (compare.startsWith('import:')) {
		versionId = imported.find((v) => `import:${v.id}` === compare)?.id ?? null;
		stat = 'mean';
	} else if (compare !== 'all') segment = segmentKey(compare as SegmentField, org[compare as SegmentField]);
	const benchmark = versionId
		? await benchmarkFor({ versionId, organizationId: opts.organizationId, segment, statistic: stat, metrics: opts.metrics, areas: opts.areas }, executor)
		: null;
	return {
		benchmark,
		compare,
		statistic: stat,
		withheld: benchmark?.withheld ?? null,
		segments,
		imported: imported.map((v) => ({ id: v.id, label: v.label }))
	};
}
