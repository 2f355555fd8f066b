import { describe, expect, it } from 'vitest';
import { lowest, rankAreas, shortfall, strengthsAndImprovementAreas } from './ranking';

const areas = (...scores: (number | null)[]) => scores.map((score, i) => ({ key: `a${i}`, score }));

describe('rankAreas', () => {
	it('ranks by the score as shown, equal scores sharing a rank, unscored areas unranked', () => {
		const ranked = rankAreas(areas(3.1, 4.2, null, 3.104, 2.5));
		expect(ranked.map((a) => a.rank)).toEqual([2, 1, null, 2, 4]);
	});
});

describe('strengthsAndImprovementAreas', () => {
	const thresholds = { high: 3.7, improvement: 3.0 };
	const withBenchmark = (...pairs: [number | null, number | null][]) => pairs.map(([score, benchmark], i) => ({ key: `a${i}`, score, benchmark }));

	it('lists the areas below the benchmark or below 3.0, the largest shortfall first — not simply the three lowest', () => {
		const areas = withBenchmark([3.2, 3.5], [2.8, 2.6], [3.4, 3.3], [2.5, 2.4], [3.6, 3.65], [4.0, 3.5], [3.1, 3.0], [2.95, null], [3.3, 3.9]);
		const { strengths, improvements } = strengthsAndImprovementAreas(areas, thresholds);
		// Shortfalls: a8 0.60 (below BM), a3 0.50 (below 3.0), a0 0.30, a1 0.20 (below 3.0; above its BM), a4 0.05, a7 0.05 (no BM).
		expect(improvements.map((a) => a.key)).toEqual(['a8', 'a3', 'a0', 'a1', 'a7', 'a4']);
		expect(strengths.map((a) => a.key)).toEqual(['a5', 'a2', 'a6']);
	});

	it('never calls a green (high) area an improvement area, even below its benchmark', () => {
		const { strengths, improvements } = strengthsAndImprovementAreas(withBenchmark([4.1, 4.3], [3.71, 3.9], [3.7, 3.9]), thresholds);
		expect(improvements.map((a) => a.key)).toEqual(['a2']); // 3.70 is not high
		expect(strengths.map((a) => a.key)).toEqual(['a0', 'a1']);
	});

	it('has no improvement areas when every area is good, and uses 3.0 when the model names no improvement threshold', () => {
		const good = withBenchmark([3.8, 3.5], [3.4, 3.2], [3.0, null], [4.4, 3.1]);
		expect(strengthsAndImprovementAreas(good, { high: 3.7 }).improvements).toEqual([]);
		expect(strengthsAndImprovementAreas(good, { high: 3.7 }).strengths.map((a) => a.key)).toEqual(['a3', 'a0', 'a1']);
		expect(strengthsAndImprovementAreas(withBenchmark([2.99, null]), { high: 3.7 }).improvements.map((a) => a.key)).toEqual(['a0']);
		expect(strengthsAndImprovementAreas(withBenchmark([3.3, null]), { high: 3.7, improvement: 3.5 }).improvements.map((a) => a.key)).toEqual(['a0']);
	});

	it('decides on the figures as shown, and leaves areas without a shown score out of both lists', () => {
		// 2.995 is shown as 3.00 (not below 3.0); 3.204 against 3.2049 are both shown as 3.20 (not below the benchmark).
		const areas = withBenchmark([2.995, null], [3.204, 3.2049], [null, 3.5], [2.0, 3.0]);
		const { strengths, improvements } = strengthsAndImprovementAreas(areas, thresholds);
		expect(improvements.map((a) => a.key)).toEqual(['a3']);
		expect(strengths.map((a) => a.key)).toEqual(['a1', 'a0']);
		expect(shortfall(areas[3], thresholds)).toBe(1);
		expect(shortfall(areas[2], thresholds)).toBe(0);
	});

	it('orders equal shortfalls by the lower score, then in model order', () => {
		// Each falls 0.20 short: below its benchmark, below 3.0, and both.
		const areas = withBenchmark([2.9, 3.1], [2.8, 3.0], [2.8, 2.5]);
		expect(areas.map((a) => shortfall(a, thresholds))).toEqual([0.2, 0.2, 0.2]);
		expect(strengthsAndImprovementAreas(areas, thresholds).improvements.map((a) => a.key)).toEqual(['a1', 'a2', 'a0']);
	});
});

describe('lowest', () => {
	it('returns the lowest scored items first', () => {
		expect(lowest(areas(3, 1, null, 2)).map((a) => a.key)).toEqual(['a1', 'a3']);
	});
});
