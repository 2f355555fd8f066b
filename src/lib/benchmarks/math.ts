/**
 * Benchmark figures for one organization (pure): the benchmark never includes the organization it is
 * shown to, and is shown only when at least MIN_ORGANIZATIONS other organizations stand behind it;
 * percentiles only with MIN_FOR_PERCENTILES others, and always between two organizations' means.
 * Which segments and metrics of a version are shown at all is decided when it is built (publish.ts).
 */
export const MIN_ORGANIZATIONS = 5;
export const MIN_FOR_PERCENTILES = 10;

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
export function benchmarkValue(
	stats: MetricStats | undefined,
	statistic: Statistic,
	own: Own | null
): { value: number; organizations: number; respondents: number } | null {
	if (!stats) return null;
	const mine = own && own.mean !== null ? own : null;
	const organizations = stats.organizations - (mine ? 1 : 0);
	if (organizations < MIN_ORGANIZATIONS) return null;
	const respondents = stats.respondents - (mine ? mine.respondents : 0);
	if (statistic === 'mean') return { value: (stats.meanSum - (mine?.mean ?? 0)) / organizations, organizations, respondents };
	if (!stats.sortedMeans || organizations < MIN_FOR_PERCENTILES) return null;
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

/**
 * The quantile of a sorted list (q in 0…1) as the mean of the organizations' means nearest its
 * position: the two around it, or the one on it and its two neighbours. Never one organization's own
 * mean (nor almost it, as a linear interpolation with a small weight would be). NaN below two values.
 */
export function quantile(sorted: readonly number[], q: number): number {
	if (sorted.length < 2) return Number.NaN;
	const pos = (sorted.length - 1) * q;
	const at = Math.round(pos);
	if (Math.abs(pos - at) < 1e-9 && sorted.length >= 3) {
		const mid = Math.min(Math.max(at, 1), sorted.length - 2);
		return (sorted[mid - 1] + sorted[mid] + sorted[mid + 1]) / 3;
	}
	const lo = Math.min(Math.floor(pos), sorted.length - 2);
	return (sorted[lo] + sorted[lo + 1]) / 2;
}

/** The segments an organization's benchmark can be narrowed to: its own industry, size, country, sales model. */
export const SEGMENT_FIELDS = ['industry', 'size_band', 'country', 'sales_model'] as const;
export type SegmentField = (typeof SEGMENT_FIELDS)[number];
export const segmentKey = (field: SegmentField | 'all', value?: string) => (field === 'all' ? 'all' : `${field}:${value}`);
