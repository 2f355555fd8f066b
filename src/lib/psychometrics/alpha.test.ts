import { describe, expect, it } from 'vitest';
import { addCase, correctedItemTotal, cronbachAlpha, emptyScaleSums, scaleSums } from './alpha';
import { pearsonOf } from './correlation';
import { publishedAlphaExample } from '$tests/published-alpha';

const published = publishedAlphaExample;

describe('Cronbach’s alpha', () => {
	it('reproduces the published worked example (α = 0.674)', () => {
		const alpha = cronbachAlpha(scaleSums(published))!;
		expect(alpha.toFixed(3)).toBe('0.674');
		// By hand from the same data: item variances 6.1/9, 8.9/9, 5.6/9, 12.1/9 (Σ = 32.7/9); the totals
		// 12, 13, 10, 18, 11, 17, 11, 13, 11, 11 (mean 12.7) have Σ squared deviations 66.1, so
		// α = 4/3 · (1 − 32.7/66.1) = 0.673727 (the post's 0.674 is this, rounded).
		expect(alpha).toBeCloseTo((4 / 3) * (1 - 32.7 / 66.1), 12);
	});

	it('agrees with the published covariance matrix', () => {
		// The mean covariance form the post uses, with its matrix as printed (to its four decimals).
		const cov = [0.4778, 0.0444, 0.4556, 0.1333, 0.2556, 0.4889];
		const vars = [0.6778, 0.9889, 0.6222, 1.3444];
		const c = cov.reduce((a, b) => a + b) / cov.length;
		const v = vars.reduce((a, b) => a + b) / vars.length;
		expect(cronbachAlpha(scaleSums(published))).toBeCloseTo((4 * c) / (v + 3 * c), 3);
	});

	it('is 1 for items that move together, and null where it is undefined', () => {
		expect(
			cronbachAlpha(
				scaleSums([
					[1, 1, 1],
					[3, 3, 3],
					[5, 5, 5]
				])
			)
		).toBeCloseTo(1, 12);
		expect(cronbachAlpha(scaleSums([[4, 4, 4]]))).toBeNull(); // one case
		expect(
			cronbachAlpha(
				scaleSums([
					[2, 2],
					[2, 2]
				])
			)
		).toBeNull(); // the total does not vary
		expect(cronbachAlpha(scaleSums([[1], [5]]))).toBeNull(); // one item
	});

	it('is the same whether cases are added one by one or as a matrix', () => {
		const s = emptyScaleSums(4);
		for (const r of published) addCase(s, r);
		expect(s).toEqual(scaleSums(published));
	});

	it('can be negative when items pull apart', () => {
		expect(
			cronbachAlpha(
				scaleSums([
					[1, 5],
					[5, 2],
					[3, 3],
					[2, 4]
				])
			)!
		).toBeLessThan(0);
	});
});

describe('the corrected item-total correlation', () => {
	it('correlates each item with the sum of the other items (hand-computed on the published data)', () => {
		const r = correctedItemTotal(scaleSums(published));
		// By hand for X4: its deviations from 3.3 and those of X1+X2+X3 from 9.4 give Σ products 10.8,
		// Σ squares 12.1 and 32.4, so r = 10.8 / √(12.1 · 32.4) = 10.8 / 19.8 = 6/11.
		expect(r[3]).toBeCloseTo(6 / 11, 12);
		// X1: Σ products 8.8, Σ squares 6.1 (X1) and 42.4 (X2+X3+X4).
		expect(r[0]).toBeCloseTo(8.8 / Math.sqrt(6.1 * 42.4), 12);
		expect(r.map((x) => x!.toFixed(3))).toEqual(['0.547', '0.405', '0.364', '0.545']);
		// The same as Pearson's r of each item with the rest computed directly.
		published[0].forEach((_, i) => {
			const item = published.map((row) => row[i]);
			const rest = published.map((row) => row.reduce((a, b) => a + b) - row[i]);
			expect(r[i]).toBeCloseTo(pearsonOf(item, rest)!, 12);
		});
	});

	it('is null for an item that does not vary, and for a one-item scale', () => {
		const r = correctedItemTotal(
			scaleSums([
				[3, 1, 2],
				[3, 4, 5],
				[3, 2, 2]
			])
		);
		expect(r[0]).toBeNull();
		expect(r[1]).not.toBeNull();
		expect(correctedItemTotal(scaleSums([[1], [2]]))).toEqual([null]);
	});
});
