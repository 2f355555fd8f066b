import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { combine, cutTerms, type CutInput } from './cuts';

/** A random tree of up to 12 units under 'r', each with own respondents, a value and a shown flag. */
const treeArb = fc
	.record({
		size: fc.integer({ min: 1, max: 12 }),
		parents: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
		own: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 13 }),
		inCut: fc.array(fc.boolean(), { minLength: 13, maxLength: 13 }),
		shown: fc.array(fc.boolean(), { minLength: 13, maxLength: 13 })
	})
	.map(({ size, parents, own, inCut, shown }) => {
		const ids = ['r', ...Array.from({ length: size }, (_, i) => `u${i}`)];
		// Each unit hangs below an earlier one: a tree by construction.
		const parent = new Map(ids.slice(1).map((id, i) => [id, ids[parents[i] % (i + 1)]]));
		return { ids, parent, own, inCut, shown };
	});

interface Org {
	ids: string[];
	parent: Map<string, string>;
	own: number[];
	inCut: boolean[];
	shown: boolean[];
}

function inputOf(org: Org, overrides: Partial<CutInput> = {}): CutInput {
	const index = new Map(org.ids.map((id, i) => [id, i]));
	return {
		root: 'r',
		children: (x) => org.ids.filter((id) => org.parent.get(id) === x),
		own: (x) => org.own[index.get(x)!],
		inCut: (x) => org.inCut[index.get(x)!],
		shown: (x) => org.shown[index.get(x)!],
		...overrides
	};
}

/** The units of x's subtree. */
function subtree(org: Org, x: string): string[] {
	return [x, ...org.ids.filter((id) => org.parent.get(id) === x).flatMap((c) => subtree(org, c))];
}

describe('cutTerms', () => {
	it('sums to exactly the cut, from shown figures only (property)', () => {
		fc.assert(
			fc.property(treeArb, (org) => {
				const input = inputOf(org);
				const terms = cutTerms(input);
				if (!terms) return;
				for (const t of terms) expect(input.shown(t.unitId)).toBe(true);
				// Each unit's own respondents are counted once if in the cut, never otherwise.
				for (const u of org.ids) {
					if (input.own(u) === 0) continue;
					const weight = terms.filter((t) => subtree(org, t.unitId).includes(u)).reduce((w, t) => w + t.sign, 0);
					expect(weight).toBe(input.inCut(u) ? 1 : 0);
				}
				const total = (x: string) => subtree(org, x).reduce((n, u) => n + input.own(u), 0);
				const truth = org.ids.filter((u) => input.inCut(u)).reduce((n, u) => n + input.own(u), 0);
				expect(combine(terms, total)).toBe(truth);
			}),
			{ numRuns: 500 }
		);
	});

	it('always finds a combination when every unit is shown (property)', () => {
		fc.assert(
			fc.property(treeArb, (org) => {
				expect(cutTerms(inputOf(org, { shown: () => true }))).not.toBeNull();
			}),
			{ numRuns: 200 }
		);
	});

	const region = (shown: Record<string, boolean>, inCut: Record<string, boolean>) => {
		const kids: Record<string, string[]> = { r: ['a', 'b'], a: ['a1', 'a2'], b: ['b1', 'b2'] };
		return {
			root: 'r',
			children: (x: string) => kids[x] ?? [],
			own: (x: string) => (x.length === 2 ? 6 : 0),
			inCut: (x: string) => inCut[x] ?? false,
			shown: (x: string) => shown[x] ?? false
		};
	};
	const all = { r: true, a: true, b: true, a1: true, a2: true, b1: true, b2: true };

	it.each([
		['teams a1 and b1, all shown', all, { a1: true, b1: true }, ['a1', 'b1']],
		['a whole region', all, { a1: true, a2: true }, ['a']],
		['everything but b2', all, { a1: true, a2: true, b1: true }, ['a', 'b1']],
		['everything but b2, b1 hidden', { ...all, b1: false }, { a1: true, a2: true, b1: true }, ['r', '-b2']],
		['a1 hidden: region a minus a2', { ...all, a1: false }, { a1: true, b1: true }, ['a', '-a2', 'b1']],
		['a1 and a2 hidden, a1 in the cut, a2 not', { ...all, a1: false, a2: false }, { a1: true }, null],
		['a1 and a2 hidden, both in the cut', { ...all, a1: false, a2: false }, { a1: true, a2: true }, ['a']]
	])('%s', (_, shown, inCut, expected) => {
		const terms = cutTerms(region(shown, inCut));
		expect(terms?.map((t) => (t.sign === 1 ? t.unitId : `-${t.unitId}`)).sort() ?? null).toEqual(expected && [...expected].sort());
	});
});
