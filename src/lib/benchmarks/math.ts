/**
 * Benchmark figures for one organization (pure): the benchmark never includes the organization it is
 * shown to, and is shown only when at least MIN_ORGANIZATIONS other organizations stand behind it.
 */
export const MIN_ORGANIZATIONS = 5;

export type Statistic = 'mean' | 'median' | 'p75' | 'p90';
export const STATISTICS: readonly Statistic[] = ['mean', 'median', 'p75', 'p90'];
const QUANTILE: Record<Exclude<Statistic, 'mean'>, number> = { median: 0.5, p75: 0.75, p90: 0.9 };

export interface MetricStats {
	organizations: number;
	respondents: number;
	meanSum: number;
	/** Sorted organization means; null where only the mean is known (imported sources). */
	sortedMeans: number[] | null;
}

export interface Own {
	mean: number | null;
	respondents: number;
}

/** The benchmark for one metric without `own` (null when too few others, or the statistic is unknown). */
export function benchmarkValue(stats: MetricStats | undefined, statistic: Statistic, own: Own | null): { value: number; organizations: number; respondents: number } | null {
	if (!stats) return null;
	const mine = own && own.mean !== null ? own : null;
	const organizations = stats.organizations - (mine ? 1 : 0);
	if (organizations < MIN_ORGANIZATIONS) return null;
	const respondents = stats.respondents - (mine ? mine.respondents : 0);
	if (statistic === 'mean') return { value: (stats.meanSum - (mine?.mean ?? 0)) / organizations, organizations, respondents };
	if (!stats.sortedMeans) return null;
	const others = withoutOne(stats.sortedMeans, mine?.mean ?? null);
	return { value: quantile(others, QUANTILE[statistic]), organizations, respondents };
}

/** The sorted list without one occurrence of `value` (the nearest, as stored means are single precision). */
function withoutOne(sorted: number[], value: number | null): number[] {
	if (value === null || sorted.length === 0) return sorted;
	let best = 0;
	for (let i = 1; i < sorted.length; i++) if (Math.abs(sorted[i] - value) < Math.abs(sorted[best] - value)) best = i;
	return [...sorted.slice(0, best), ...sorted.slice(best + 1)];
}

/** Linear-interpolation quantile of a sorted list (q in 0…1). */
export function quantile(sorted: readonly number[], q: number): number {
	const pos = (sorted.length - 1) * q;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** The segments an organization's benchmark can be narrowed to: its own industry, size, country, sales model. */
export const SEGMENT_FIELDS = ['industry', 'size_band', 'country', 'sales_model'] as const;
export type SegmentField = (typeof SEGMENT_FIELDS)[number];
export const segmentKey = (field: SegmentField | 'all', value?: string) => (field === 'all' ? 'all' : `${field}:${value}`);
