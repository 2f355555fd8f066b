import { describe, expect, it } from 'vitest';
import { changeBetween, inLine, meanInterval, variance, type Spread } from './interval';

/** Respondents' area means as the stored sums hold them. */
const spreadOf = (means: number[]): Spread => ({ n: means.length, sum: means.reduce((a, b) => a + b, 0), sumSq: means.reduce((a, b) => a + b * b, 0) });

// Six respondents' area means 2, 3, 3, 4, 4, 5:
//   n = 6, sum = 21, sum of squares = 4 + 9 + 9 + 16 + 16 + 25 = 79
//   variance = (79 − 21²/6) / (6 − 1) = (79 − 73.5) / 5 = 1.1
//   standard error = √(1.1 / 6) = √0.18333… = 0.428174
//   t(0.95, 5) = 2.015048, half-width = 2.015048 · 0.428174 = 0.862792
const SIX = spreadOf([2, 3, 3, 4, 4, 5]);

describe('the 90 % interval of an area score', () => {
	it('matches the hand-computed example', () => {
		expect(SIX).toEqual({ n: 6, sum: 21, sumSq: 79 });
		expect(variance(SIX)).toBeCloseTo(1.1, 12);
		// Around the mean 3.50: 3.50 ± 0.862792 = 2.637208 … 4.362792, shown 2.64–4.36.
		expect(meanInterval(3.5, SIX)).toEqual({ low: 2.64, high: 4.36 });
	});

	it('is centred on the score as shown, which may differ from the mean of the area means ("don’t know" answers)', () => {
		// 3.42 ± 0.862792 = 2.557208 … 4.282792, shown 2.56–4.28; a score of 3.4249 is shown (and centred) as 3.42.
		expect(meanInterval(3.42, SIX)).toEqual({ low: 2.56, high: 4.28 });
		expect(meanInterval(3.4249, SIX)).toEqual({ low: 2.56, high: 4.28 });
	});

	it('is not there without a score, without the sums, or with fewer than two area means', () => {
		expect(meanInterval(null, SIX)).toBeNull();
		expect(meanInterval(3.5, null)).toBeNull();
		expect(meanInterval(4, spreadOf([4]))).toBeNull();
		expect(meanInterval(4, { n: 0, sum: 0, sumSq: 0 })).toBeNull();
	});

	it('has no width when everyone gave the same area mean (and never a negative variance from rounding)', () => {
		const same = spreadOf(Array(7).fill(3.1));
		expect(variance(same)).toBeGreaterThanOrEqual(0);
		expect(meanInterval(3.1, same)).toEqual({ low: 3.1, high: 3.1 });
	});

	it('says "in line with the benchmark" when the interval as shown contains the benchmark as shown', () => {
		const iv = { low: 2.64, high: 4.36 };
		expect(inLine(iv, 2.64)).toBe(true);
		expect(inLine(iv, 4.36)).toBe(true);
		expect(inLine(iv, 4.364)).toBe(true); // shown as 4.36
		expect(inLine(iv, 4.366)).toBe(false); // shown as 4.37
		expect(inLine(iv, 2.63)).toBe(false);
		expect(inLine(null, 3)).toBe(false);
		expect(inLine(iv, null)).toBe(false);
	});
});

describe('a change between two rounds (Welch)', () => {
	it('is an improvement when its interval excludes zero (hand-computed)', () => {
		// Before: the six above (mean 3.50, variance 1.1). After: 4, 4, 5, 5, 5, 4, 5, 4:
		//   n = 8, sum = 36, sum of squares = 4·16 + 4·25 = 164, variance = (164 − 36²/8) / 7 = 2/7 = 0.285714
		//   a = 1.1/6 = 0.183333, b = 0.285714/8 = 0.035714, standard error = √(a + b) = √0.219048 = 0.468025
		//   Welch df = (a + b)² / (a²/5 + b²/7) = 0.047982 / 0.006904 = 6.9494, t(0.95, 6.9494) = 1.896655
		//   difference 4.50 − 3.50 = 1.00, half-width = 1.896655 · 0.468025 = 0.887682 → 0.11 … 1.89
		const after = spreadOf([4, 4, 5, 5, 5, 4, 5, 4]);
		expect(after).toEqual({ n: 8, sum: 36, sumSq: 164 });
		expect(changeBetween({ score: 3.5, spread: SIX }, { score: 4.5, spread: after })).toEqual({ difference: 1, low: 0.11, high: 1.89, verdict: 'improvement' });
		// The other way round it is a decline, with the mirrored interval.
		expect(changeBetween({ score: 4.5, spread: after }, { score: 3.5, spread: SIX })).toEqual({ difference: -1, low: -1.89, high: -0.11, verdict: 'decline' });
	});

	it('is "no clear change" when its interval contains zero (hand-computed)', () => {
		// After: 3, 4, 5: n = 3, sum = 12, sum of squares = 50, variance = (50 − 48) / 2 = 1, b = 1/3
		//   standard error = √(0.183333 + 0.333333) = 0.718795, Welch df = 0.266944 / (0.006722 + 0.055556) = 4.2864
		//   t(0.95, 4.2864) = 2.091578, half-width = 1.503416; difference 4.00 − 3.50 = 0.50 → −1.00 … 2.00
		expect(changeBetween({ score: 3.5, spread: SIX }, { score: 4, spread: spreadOf([3, 4, 5]) })).toEqual({
			difference: 0.5,
			low: -1,
			high: 2,
			verdict: 'unclear'
		});
	});

	it('takes the difference between the scores as shown, and is not there without the sums', () => {
		const c = changeBetween({ score: 3.504, spread: SIX }, { score: 3.496, spread: SIX });
		expect(c?.difference).toBe(0);
		expect(c?.verdict).toBe('unclear');
		expect(changeBetween({ score: 3.5, spread: null }, { score: 4, spread: SIX })).toBeNull();
		expect(changeBetween({ score: null, spread: SIX }, { score: 4, spread: SIX })).toBeNull();
		expect(changeBetween({ score: 3, spread: spreadOf([3]) }, { score: 4, spread: SIX })).toBeNull();
	});

	it('with no spread on either side, the difference alone decides', () => {
		const flat = spreadOf([3, 3, 3, 3, 3]);
		expect(changeBetween({ score: 3, spread: flat }, { score: 3.2, spread: spreadOf([3.2, 3.2, 3.2, 3.2, 3.2]) })?.verdict).toBe('improvement');
		expect(changeBetween({ score: 3, spread: flat }, { score: 3, spread: flat })?.verdict).toBe('unclear');
	});
});
