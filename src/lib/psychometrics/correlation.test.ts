import { describe, expect, it } from 'vitest';
import { addPair, emptyPairSums, pearson, pearsonOf } from './correlation';

describe('Pearson’s correlation', () => {
	it('matches a hand-computed example', () => {
		// x = 1…5 (mean 3), y = 2, 4, 5, 4, 5 (mean 4): deviations (−2, −1, 0, 1, 2) and (−2, 0, 1, 0, 1);
		// Σ products 4 + 0 + 0 + 0 + 2 = 6, Σ squares 10 and 6, so r = 6 / √60 = 0.7746.
		expect(pearsonOf([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(60), 12);
	});

	it('matches a hand-computed example with fractional values (area means)', () => {
		// x = 2.5, 3, 4.5 (mean 10/3), y = 4, 3.5, 2 (mean 19/6): deviations (−5/6, −1/3, 7/6) and
		// (5/6, 1/3, −7/6): y's are exactly −x's, so r = −1.
		expect(pearsonOf([2.5, 3, 4.5], [4, 3.5, 2])).toBeCloseTo(-1, 12);
		// x = 1, 2, 3, y = 1.5, 1.5, 3: deviations (−1, 0, 1), (−0.5, −0.5, 1); Σ products 1.5, Σ squares 2 and 1.5:
		// r = 1.5 / √3 = 0.8660.
		expect(pearsonOf([1, 2, 3], [1.5, 1.5, 3])).toBeCloseTo(1.5 / Math.sqrt(3), 12);
	});

	it('is null when a side does not vary or there are too few pairs', () => {
		expect(pearsonOf([1, 2, 3], [2, 2, 2])).toBeNull();
		expect(pearsonOf([3.7, 3.7, 3.7], [1, 2, 3])).toBeNull();
		expect(pearsonOf([1], [2])).toBeNull();
		expect(() => pearsonOf([1, 2], [1])).toThrow();
	});

	it('adds pairs one by one to the same result', () => {
		const s = emptyPairSums();
		[
			[1, 2],
			[2, 4],
			[3, 5],
			[4, 4],
			[5, 5]
		].forEach(([x, y]) => addPair(s, x, y));
		expect(pearson(s)).toBeCloseTo(6 / Math.sqrt(60), 12);
	});
});
