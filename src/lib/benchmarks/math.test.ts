import { describe, expect, it } from 'vitest';
import { benchmarkValue, quantile, type MetricStats } from './math';

const stats = (means: number[], respondents = 10): MetricStats => ({
	organizations: means.length,
	respondents: means.length * respondents,
	meanSum: means.reduce((a, b) => a + b, 0),
	sortedMeans: [...means].sort((a, b) => a - b)
});

describe('benchmarkValue', () => {
	it('is the mean of the other organizations’ means', () => {
		const s = stats([3, 3.5, 4, 2.5, 3, 4.5]);
		expect(benchmarkValue(s, 'mean', null)!.value).toBeCloseTo(20.5 / 6);
		const without = benchmarkValue(s, 'mean', { mean: 4.5, respondents: 10 })!;
		expect(without.value).toBeCloseTo(16 / 5);
		expect(without.organizations).toBe(5);
		expect(without.respondents).toBe(50);
	});

	it('needs at least five other organizations', () => {
		expect(benchmarkValue(stats([3, 3, 3, 3, 3]), 'mean', null)).not.toBeNull();
		expect(benchmarkValue(stats([3, 3, 3, 3, 3]), 'mean', { mean: 3, respondents: 10 })).toBeNull();
		expect(benchmarkValue(stats([3, 3, 3, 3]), 'mean', null)).toBeNull();
		// An organization without a figure for the metric does not count as taken out.
		expect(benchmarkValue(stats([3, 3, 3, 3, 3]), 'mean', { mean: null, respondents: 10 })).not.toBeNull();
	});

	it('gives percentiles of ten or more others only, and none where only means are known', () => {
		const s = stats([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
		expect(benchmarkValue(s, 'median', { mean: 11, respondents: 10 })!.value).toBe(5.5);
		expect(benchmarkValue(s, 'p90', null)!.value).toBe(10);
		// Five others: the median would be the third organization's own mean.
		expect(benchmarkValue(stats([1, 2, 3, 4, 5, 6]), 'median', { mean: 6, respondents: 10 })).toBeNull();
		expect(benchmarkValue(stats([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 'median', { mean: 10, respondents: 10 })).toBeNull();
		expect(benchmarkValue({ ...s, sortedMeans: null }, 'median', null)).toBeNull();
	});
});

describe('quantile', () => {
	it('is the mean of the means nearest its position, never one organization’s own', () => {
		expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
		expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
		expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20], 0.5)).toBe(6);
		expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.5);
		expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9.5);
		expect(quantile([7], 0.9)).toBeNaN();
	});
});
