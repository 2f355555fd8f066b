import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { association, MIN_UNITS, ranks } from './association';

describe('ranks', () => {
	it('gives ties their average rank', () => {
		expect(ranks([10, 30, 20, 20])).toEqual([1, 4, 2.5, 2.5]);
	});
});

describe('association', () => {
	const line = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => ({ x: i, y: f(i) }));

	it('needs at least eight units and some spread', () => {
		expect(association(line(MIN_UNITS - 1, (i) => i))).toBeNull();
		expect(association(line(MIN_UNITS, () => 1))).toBeNull();
	});

	it('is 1 for any increasing relation and −1 for a decreasing one, clearly', () => {
		expect(association(line(12, (i) => i ** 3))).toMatchObject({ n: 12, rho: 1, clear: true });
		expect(association(line(12, (i) => -Math.exp(i)))).toMatchObject({ rho: -1, clear: true });
	});

	it('matches a known value: the textbook example (rho = −0.1758, n = 10)', () => {
		const iq = [106, 86, 100, 101, 99, 103, 97, 113, 112, 110];
		const tv = [7, 0, 27, 50, 28, 29, 20, 12, 6, 17];
		const a = association(iq.map((x, i) => ({ x, y: tv[i] })))!;
		expect(a.rho).toBeCloseTo(-0.1758, 4);
		expect(a.low).toBeLessThan(0);
		expect(a.high).toBeGreaterThan(0);
		expect(a.clear).toBe(false);
	});

	it('lies in [−1, 1] with the interval around it, and does not change under monotone transforms (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.record({ x: fc.integer({ min: 0, max: 50 }), y: fc.integer({ min: 0, max: 50 }) }), { minLength: 8, maxLength: 40 }), (pairs) => {
				const a = association(pairs);
				if (!a) return;
				expect(a.rho).toBeGreaterThanOrEqual(-1 - 1e-9);
				expect(a.rho).toBeLessThanOrEqual(1 + 1e-9);
				expect(a.low).toBeLessThanOrEqual(a.rho + 1e-9);
				expect(a.high).toBeGreaterThanOrEqual(a.rho - 1e-9);
				const b = association(pairs.map((p) => ({ x: Math.exp(p.x / 10), y: p.y * 3 + 1 })))!;
				expect(b.rho).toBeCloseTo(a.rho, 9);
			})
		);
	});
});
