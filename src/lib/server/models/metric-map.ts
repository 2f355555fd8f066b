import type { Continuity } from './continuity';

/** What a metric map needs of a model version: its area keys and statement keys, each in model order. */
export interface MetricKeys {
	version: string;
	areas: readonly string[];
	statements: readonly string[];
}

/**
 * Per metric of `target` (areas, then statements, as benchmarks and results store them): the index of
 * the metric of `source` that measures the same thing, or -1 (pure). `link` is the continuity between the
 * two versions, in either direction: an area maps when the link lists it as comparable (same key in
 * both); a statement maps when the link maps it (newer key → older key). Nothing else maps.
 */
export function metricMap(target: MetricKeys, source: MetricKeys, link: Continuity): Int32Array {
	const sourceIndex = new Map(source.statements.map((k, i) => [k, source.areas.length + i]));
	const areaIndex = new Map(source.areas.map((k, i) => [k, i]));
	const targetIsNewer = link.to === target.version;
	const newerOf = new Map<string, string>();
	if (!targetIsNewer) for (const [newer, old] of link.statements) if (!newerOf.has(old)) newerOf.set(old, newer);
	const out = new Int32Array(target.areas.length + target.statements.length).fill(-1);
	target.areas.forEach((key, i) => {
		if (link.areas.has(key)) out[i] = areaIndex.get(key) ?? -1;
	});
	target.statements.forEach((key, i) => {
		const mapped = targetIsNewer ? link.statements.get(key) : newerOf.get(key);
		if (mapped !== undefined) out[target.areas.length + i] = sourceIndex.get(mapped) ?? -1;
	});
	return out;
}

/** The source's values in the target's metric order: null where nothing maps (pure). */
export function remapMetrics<T>(values: readonly (T | null)[], map: Int32Array): (T | null)[] {
	return Array.from(map, (m) => (m < 0 ? null : (values[m] ?? null)));
}
