import { describe, expect, it } from 'vitest';
import { incompleteBeta, tCdf, tQuantile } from './student-t';

describe("Student's t", () => {
	it('gives the one-sided 95 % quantiles of the printed tables', () => {
		// t(0.95, df) as printed in any table of the t distribution (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2).
		const table: [number, number][] = [
			[1, 6.314],
			[2, 2.92],
			[3, 2.353],
			[4, 2.132],
			[9, 1.833],
			[17, 1.74],
			[29, 1.699],
			[100, 1.66]
		];
		for (const [df, t] of table) expect(tQuantile(0.95, df)).toBeCloseTo(t, 3);
		expect(tQuantile(0.975, 10)).toBeCloseTo(2.228, 3);
	});

	it('is exact where a closed form exists: df 1 (Cauchy) and df 2', () => {
		// df 1: tan(π(p − ½)); df 2: (2p − 1)·√(2 / (4p(1 − p))).
		expect(tQuantile(0.95, 1)).toBeCloseTo(Math.tan(Math.PI * 0.45), 8);
		expect(tQuantile(0.95, 2)).toBeCloseTo(0.9 * Math.sqrt(2 / (4 * 0.95 * 0.05)), 8);
		expect(tCdf(1, 1)).toBeCloseTo(0.75, 10);
	});

	it('takes degrees of freedom that are not whole (Welch) and tends to the normal for large ones', () => {
		// Between its neighbours, and as scipy.stats.t.ppf(0.95, 6.949422914516278) = 1.896655…
		expect(tQuantile(0.95, 6.949422914516278)).toBeCloseTo(1.896655, 5);
		expect(tQuantile(0.95, 1e6)).toBeCloseTo(1.644854, 4);
	});

	it('is symmetric and inverts its distribution function', () => {
		expect(tQuantile(0.05, 4)).toBeCloseTo(-2.131847, 5);
		expect(tQuantile(0.5, 7)).toBe(0);
		for (const df of [1, 3.5, 12, 250]) for (const p of [0.6, 0.9, 0.95, 0.995]) expect(tCdf(tQuantile(p, df), df)).toBeCloseTo(p, 9);
		expect(Number.isNaN(tQuantile(1, 5))).toBe(true);
		expect(Number.isNaN(tQuantile(0.95, 0))).toBe(true);
	});

	it('has the incomplete beta function at its known points', () => {
		// I_x(1, 1) = x; I_x(a, 1) = x^a; I_½(a, a) = ½.
		expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
		expect(incompleteBeta(0.4, 3, 1)).toBeCloseTo(0.064, 12);
		expect(incompleteBeta(0.5, 7.5, 7.5)).toBeCloseTo(0.5, 12);
	});
});
