/**
 * Ranking of a unit's areas (pure): by score as shown, highest first; equal scores share a rank
 * (1, 2, 2, 4). The strengths are the top of the ranking and the improvement areas its bottom —
 * never the same area twice, so with few scored areas each list gets half.
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

export function strengthsAndImprovements<T extends Rankable>(areas: readonly T[], count = 3): { strengths: T[]; improvements: T[] } {
	const scored = areas.filter((a) => a.score !== null).sort((a, b) => round2(b.score!) - round2(a.score!));
	const n = Math.min(count, Math.floor(scored.length / 2));
	return { strengths: scored.slice(0, n), improvements: scored.slice(scored.length - n).reverse() };
}

/** The `count` lowest-scoring items (e.g. statements inside an improvement area), lowest first. */
export function lowest<T extends { score: number | null }>(items: readonly T[], count = 2): T[] {
	return items
		.filter((i) => i.score !== null)
		.sort((a, b) => a.score! - b.score!)
		.slice(0, count);
}
