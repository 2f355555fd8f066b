import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { add, cmp, div, mul, q, sub, toDecimal, toFixed, type Q } from './rational';

/** A decimal string with up to 4 decimals, as numeric columns hold them. */
const decimalArb = fc
	.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 4 }))
	.map(([n, s]) => toFixed({ n, d: 10n ** BigInt(s) } as Q, s));

describe('q', () => {
	it.each([
		['12', '12'],
		['-0.5', '-0.5'],
		['+3.250', '3.25'],
		['.5', '0.5'],
		['7.', '7'],
		[' 42 ', '42'],
		['-0', '0'],
		['0.1', '0.1']
	])('reads %s as %s', (s, shown) => {
		expect(toDecimal(q(s))).toBe(shown);
	});

	it.each(['', '1e3', 'abc', '1,5', '--1', 'NaN', '.'])('refuses %j', (s) => {
		expect(() => q(s)).toThrow(RangeError);
	});

	it('is exact where floats are not', () => {
		expect(toDecimal(add(q('0.1'), q('0.2')))).toBe('0.3');
		expect(cmp(add(q('0.1'), q('0.2')), q('0.3'))).toBe(0);
	});
});

describe('toFixed', () => {
	it.each([
		['1', 3, 2, '0.33'],
		['2', 3, 2, '0.67'],
		['1', 8, 2, '0.13'], // 0.125: half away from zero
		['-1', 8, 2, '-0.13'],
		['-1', 300, 2, '0.00'], // no "-0.00"
		['5', 2, 0, '3'],
		['-5', 2, 0, '-3'],
		['1', 3, 6, '0.333333']
	])('%s/%s to %s decimals is %s', (n, d, digits, shown) => {
		expect(toFixed(div(q(n), q(d)), digits)).toBe(shown);
	});

	it('has no exact decimal for a third', () => {
		expect(toDecimal(div(q(1), q(3)))).toBeNull();
		expect(toDecimal(div(q(1), q(8)))).toBe('0.125');
	});
});

describe('properties', () => {
	it('round-trips a decimal', () => {
		fc.assert(
			fc.property(decimalArb, (s) => {
				expect(cmp(q(toDecimal(q(s))!), q(s))).toBe(0);
			})
		);
	});

	it('is a field: (a + b) − b = a, (a × b) ÷ b = a', () => {
		fc.assert(
			fc.property(decimalArb, decimalArb, (a, b) => {
				expect(cmp(sub(add(q(a), q(b)), q(b)), q(a))).toBe(0);
				if (q(b).n !== 0n) expect(cmp(div(mul(q(a), q(b)), q(b)), q(a))).toBe(0);
			})
		);
	});

	it('orders like the numbers', () => {
		fc.assert(
			fc.property(fc.integer(), fc.integer(), (a, b) => {
				expect(cmp(q(a), q(b))).toBe(Math.sign(a - b) || 0);
			})
		);
	});
});
