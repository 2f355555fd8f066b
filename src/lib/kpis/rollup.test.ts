import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kpiSet } from './definition';
import { cmp, q, toDecimal, toFixed, type Q } from './rational';
import { figures, merge, rollUp, rollUpTree, totalsOf, valuesOf, type Figures, type Totals } from './rollup';

const base = { names: { en: 'x', sv: 'x' }, direction: 'higher' } as const;
const set = kpiSet.parse([
	{ ...base, key: 'sales', unit: 'currency', rollup: { kind: 'sum' } },
	{ ...base, key: 'won', unit: 'count', rollup: { kind: 'sum' } },
	{ ...base, key: 'closed', unit: 'count', rollup: { kind: 'sum' } },
	{ ...base, key: 'win_rate', unit: 'percent', rollup: { kind: 'ratio', numerator: 'won', denominator: 'closed' } },
	{ ...base, key: 'deals_per_closed', unit: 'ratio', rollup: { kind: 'ratio', numerator: 'won', denominator: 'closed' } },
	{ ...base, key: 'forecast', unit: 'currency', rollup: { kind: 'sum' } },
	{ ...base, key: 'accuracy', unit: 'percent', rollup: { kind: 'weighted', base: 'forecast' } }
]);

const shown = (v: Q | null) => (v === null ? null : (toDecimal(v) ?? toFixed(v, 6)));
const of = (...rows: Record<string, string | null>[]) => {
	const r = rollUp(set, rows.map(figures));
	return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, shown(v)]));
};

describe('rollUp', () => {
	it('sums, leaving out what is missing (not taking it as 0)', () => {
		expect(of({ sales: '100.50' }, { sales: '200.25' }, { sales: null }, {}).sales).toBe('300.75');
		expect(of({ sales: null }, {}).sales).toBeNull();
		expect(of({ sales: '-5' }, { sales: '5' }).sales).toBe('0');
	});

	it('takes a ratio of the summed parts, never an average of ratios', () => {
		// 1 of 1 won and 0 of 3 won: 1 of 4 = 25 %, where the mean of 100 % and 0 % would be 50 %.
		const r = of({ won: '1', closed: '1' }, { won: '0', closed: '3' });
		expect(r.win_rate).toBe('25');
		expect(r.deals_per_closed).toBe('0.25');
		expect(of({ won: '1', closed: '3' }).win_rate).toBe('33.333333');
	});

	it('has no ratio without both parts or with a denominator of 0', () => {
		expect(of({ won: '2', closed: '0' }).win_rate).toBeNull();
		expect(of({ won: '2' }).win_rate).toBeNull();
		expect(of({ closed: '2' }).win_rate).toBeNull();
		expect(of({ won: '0', closed: '2' }).win_rate).toBe('0');
	});

	it('weights an average by its base: Σ(value × base) / Σ base, over members with both', () => {
		expect(of({ accuracy: '90', forecast: '300' }, { accuracy: '50', forecast: '100' }).accuracy).toBe('80');
		// a member without a forecast, or without an accuracy, is left out of both sums
		expect(of({ accuracy: '90', forecast: '300' }, { accuracy: '10' }, { forecast: '500' }).accuracy).toBe('90');
		expect(of({ accuracy: '90', forecast: '0' }).accuracy).toBeNull();
		expect(of({ accuracy: '90' }).accuracy).toBeNull();
	});

	it('ignores a value given for a ratio: it is always derived from its parts', () => {
		expect(of({ win_rate: '99', won: '1', closed: '2' }).win_rate).toBe('50');
	});
});

describe('rollUpTree', () => {
	it('gives each unit the figures of its whole subtree', () => {
		const units = [
			{ id: 'top', parentId: null },
			{ id: 'north', parentId: 'top' },
			{ id: 'south', parentId: 'top' }
		];
		const own = new Map<string, Figures[]>([
			['north', [figures({ sales: '10', won: '1', closed: '1' }), figures({ sales: '5', won: '0', closed: '1' })]],
			['south', [figures({ sales: '1', won: '0', closed: '2' })]],
			['top', [figures({ sales: '100' })]]
		]);
		const t = rollUpTree(set, units, own);
		const v = (id: string) => valuesOf(set, t.get(id)!);
		expect(shown(v('north').sales)).toBe('15');
		expect(shown(v('north').win_rate)).toBe('50');
		expect(shown(v('top').sales)).toBe('116');
		expect(shown(v('top').win_rate)).toBe('25');
	});
});

// Properties: combining is order- and grouping-free, so every level of the tree and any split into months agree.
const maybe = (arb: fc.Arbitrary<string>) => fc.option(arb, { nil: null, freq: 4 });
const amount = fc.integer({ min: -100_000, max: 100_000 }).map((n) => (n / 100).toFixed(2));
const count = fc.integer({ min: 0, max: 50 }).map(String);
const figuresArb = fc
	.record({ sales: maybe(amount), won: maybe(count), closed: maybe(count), forecast: maybe(count), accuracy: maybe(amount) })
	.map((r) => figures(r));

const same = (a: Record<string, Q | null>, b: Record<string, Q | null>) =>
	Object.keys(a).every((k) => (a[k] === null ? b[k] === null : b[k] !== null && cmp(a[k]!, b[k]!) === 0));
const valuesEqual = (a: Totals, b: Totals) => same(valuesOf(set, a), valuesOf(set, b));

describe('properties', () => {
	it('combines in any order and any grouping', () => {
		fc.assert(
			fc.property(fc.array(figuresArb, { maxLength: 12 }), fc.nat(), (rows, cut) => {
				const totals = rows.map((r) => totalsOf(set, r));
				const k = rows.length ? cut % (rows.length + 1) : 0;
				const whole = merge(set, totals);
				expect(valuesEqual(merge(set, [merge(set, totals.slice(0, k)), merge(set, totals.slice(k))]), whole)).toBe(true);
				expect(valuesEqual(merge(set, [...totals].reverse()), whole)).toBe(true);
			})
		);
	});

	it('gives every unit of any tree what its subtree gives at once', () => {
		const tree = fc.array(fc.tuple(fc.nat(), fc.array(figuresArb, { maxLength: 3 })), { minLength: 1, maxLength: 10 });
		fc.assert(
			fc.property(tree, (nodes) => {
				const units = nodes.map(([p], i) => ({ id: `u${i}`, parentId: i === 0 ? null : `u${p % i}` }));
				const own = new Map(nodes.map(([, f], i) => [`u${i}`, f]));
				const totals = rollUpTree(set, units, own);
				const parent = new Map(units.map((u) => [u.id, u.parentId]));
				const inSubtree = (id: string | null, root: string): boolean => id !== null && (id === root || inSubtree(parent.get(id) ?? null, root));
				for (const u of units) {
					const flat = units.filter((x) => inSubtree(x.id, u.id)).flatMap((x) => own.get(x.id)!);
					expect(same(valuesOf(set, totals.get(u.id)!), rollUp(set, flat))).toBe(true);
				}
			})
		);
	});

	it('keeps a weighted average between its members (positive weights)', () => {
		const member = fc.record({ accuracy: amount, forecast: fc.integer({ min: 1, max: 1000 }).map(String) });
		fc.assert(
			fc.property(fc.array(member, { minLength: 1, maxLength: 8 }), (rows) => {
				const v = rollUp(set, rows.map(figures)).accuracy!;
				const values = rows.map((r) => q(r.accuracy));
				expect(values.some((x) => cmp(x, v) <= 0) && values.some((x) => cmp(x, v) >= 0)).toBe(true);
			})
		);
	});

	it('sums exactly, to the cent', () => {
		fc.assert(
			fc.property(fc.array(amount, { maxLength: 20 }), (xs) => {
				const cents = xs.reduce((s, x) => s + Math.round(Number(x) * 100), 0);
				const v = rollUp(
					set,
					xs.map((sales) => figures({ sales }))
				).sales;
				expect(v === null ? xs.length === 0 : toFixed(v, 2) === (cents / 100).toFixed(2)).toBe(true);
			})
		);
	});
});
