/**
 * Ranking of a unit's areas (pure): by score as shown, highest first; equal scores share a rank
 * (1, 2, 2, 4). Improvement areas are those that fall short (below the benchmark or below the
 * model's improvement threshold), never a high (green) one; strengths are the top areas that are not
 * improvement areas.
 */
import { round2 } from './colour';

export interface Rankable {
	key: string;
	score: number | null;
}

export function rankAreas<T extends Rankable>(areas: readonly T[]): (T & { rank: number | null })[] {
	const scored = areas.filter((a) => a.score !== null).sort((a, b) => round2(b.score!) - round2(a.score!));
	const rank = new Map<string, number>();
	scored.forEach((a, i) => rank.set(a.key, i > 0 && round2(a.score!) === round2(scored[i - 1].score!) ? rank.get(scored[i - 1].key)! : i + 1));
	return areas.map((a) => ({ ...a, rank: rank.get(a.key) ?? null }));
}

/** An area below this is an improvement area even when it is not below the benchmark (when the model names none). */
export const DEFAULT_IMPROVEMENT = 3.0;

export interface Benchmarked extends Rankable {
	benchmark: number | null;
}

/**
 * How far an area falls short, as shown: the larger of its distance below the benchmark and its
 * distance below the improvement threshold; 0 when it is below neither, and 0 when it is high (above
 * `high`: green is never an improvement area).
 */
export function shortfall(area: Benchmarked, thresholds: { high: number; improvement?: number }): number {
	if (area.score === null) return 0;
	const s = round2(area.score);
	if (s > thresholds.high) return 0;
	const belowBenchmark = area.benchmark === null ? 0 : round2(area.benchmark) - s;
	const belowThreshold = (thresholds.improvement ?? DEFAULT_IMPROVEMENT) - s;
	return Math.max(0, round2(Math.max(belowBenchmark, belowThreshold)));
}

/**
 * Improvement areas: every scored area with a shortfall (below the benchmark or below the improvement
 * threshold, and not high), the largest shortfall first; equal shortfalls by the lower score, then in
 * model order. Strengths: the `count` highest-scoring areas that are not improvement areas.
 */
export function strengthsAndImprovementAreas<T extends Benchmarked>(
	areas: readonly T[],
	thresholds: { high: number; improvement?: number },
	count = 3
): { strengths: T[]; improvements: T[] } {
	const short = new Map(areas.map((a) => [a.key, shortfall(a, thresholds)]));
	const improvements = areas
		.map((a, i) => ({ a, i }))
		.filter(({ a }) => short.get(a.key)! > 0)
		.sort((x, y) => short.get(y.a.key)! - short.get(x.a.key)! || round2(x.a.score!) - round2(y.a.score!) || x.i - y.i)
		.map(({ a }) => a);
	const strengths = areas
		.filter((a) => a.score !== null && short.get(a.key) === 0)
		.sort((a, b) => round2(b.score!) - round2(a.score!))
		.slice(0, count);
	return { strengths, improvements };
}

/** The `count` lowest-scoring items (e.g. statements inside an improvement area), lowest first. */
export function lowest<T extends { score: number | null }>(items: readonly T[], count = 2): T[] {
	return items
		.filter((i) => i.score !== null)
		.sort((a, b) => a.score! - b.score!)
		.slice(0, count);
}
