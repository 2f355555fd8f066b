import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { subtreeTotals, suppress, type GroupNode, type Visibility } from './suppression';
import { leaks, reachableRemainders, type Kind } from './attack';

const node = (id: string, parentId: string | null, sp: number, sm = 0): GroupNode => ({ id, parentId, own: { sales_person: sp, sales_manager: sm } });
const all = (nodes: GroupNode[]) => new Set(nodes.map((n) => n.id));
const shownAll = (v: Map<string, Visibility>) =>
	[...v]
		.filter(([, x]) => x.all)
		.map(([id]) => id)
		.sort();

describe('suppress: the rules by example', () => {
	it('shows groups of at least k and hides smaller ones', () => {
		const nodes = [node('org', null, 0), node('a', 'org', 5), node('b', 'org', 7), node('c', 'org', 6)];
		expect(shownAll(suppress({ nodes, visible: all(nodes), k: 5 }))).toEqual(['a', 'b', 'c', 'org']);
	});

	it('hides the next smallest sibling when one is hidden, so the parent minus the others does not reveal it', () => {
		const nodes = [node('org', null, 0), node('a', 'org', 3), node('b', 'org', 7), node('c', 'org', 6)];
		const v = suppress({ nodes, visible: all(nodes), k: 5 });
		expect(shownAll(v)).toEqual(['b', 'org']);
	});

	it('protects a manager attached to the region itself (the region minus its teams)', () => {
		const nodes = [node('region', null, 0, 1), node('t1', 'region', 6), node('t2', 'region', 5)];
		// region (12) minus both teams would be the manager: the smaller team is hidden too.
		expect(shownAll(suppress({ nodes, visible: all(nodes), k: 5 }))).toEqual(['region', 't1']);
	});

	it('leaves nothing to subtract when the hidden remainder is already at least k', () => {
		const nodes = [node('region', null, 0, 2), node('t1', 'region', 6), node('t2', 'region', 3)];
		// remainder of region after t1 = 2 managers + t2's 3 = 5 ≥ k
		expect(shownAll(suppress({ nodes, visible: all(nodes), k: 5 }))).toEqual(['region', 't1']);
	});

	it('splits by role only when both roles have at least k', () => {
		const nodes = [node('org', null, 0), node('a', 'org', 10, 5), node('b', 'org', 10, 4)];
		const v = suppress({ nodes, visible: all(nodes), k: 5 });
		expect(v.get('org')).toEqual({ all: true, roles: true });
		// b's 4 managers cannot be shown, so neither can its sales people (b minus them would be the managers),
		// and neither can a's split (the organization's managers minus a's would be b's).
		expect(v.get('b')).toEqual({ all: true, roles: false });
		expect(v.get('a')).toEqual({ all: true, roles: false });
	});

	it('protects role remainders like unit remainders', () => {
		// org has 10 managers in its teams and 2 sales people of its own: the sales people's remainder is 2.
		const nodes = [node('org', null, 2), node('a', 'org', 6, 5), node('b', 'org', 6, 5)];
		const v = suppress({ nodes, visible: all(nodes), k: 5 });
		expect(v.get('org')).toEqual({ all: true, roles: true });
		// org's sales people (14) minus a's and b's (6 + 6) would be the 2 at org level, and org (24) minus
		// both teams (11 + 11) too: one team is hidden, the other keeps its split.
		expect(v.get('a')).toEqual({ all: false, roles: false });
		expect(v.get('b')).toEqual({ all: true, roles: true });
	});

	it('never shows units the viewer may not see, while they still count in the ones the viewer sees', () => {
		const nodes = [node('org', null, 0), node('a', 'org', 6), node('b', 'org', 2), node('c', 'a', 5)];
		const v = suppress({ nodes, visible: new Set(['a', 'c']), k: 5 });
		expect(v.has('org')).toBe(false);
		// a (11) minus c (5) leaves a's own 6: both may be shown; org is not the viewer's.
		expect(shownAll(v)).toEqual(['a', 'c']);
	});
});

const GROUPS = ['sales_person', 'sales_manager', 'executive', 'support'];

/** Random trees with two to four respondent groups: the first holds most people, the others few or none. */
const treeArb = fc
	.record({
		size: fc.integer({ min: 1, max: 12 }),
		groups: fc.integer({ min: 2, max: 4 }),
		parents: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
		counts: fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), ...[1, 2, 3].map(() => fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 6 })))), {
			minLength: 12,
			maxLength: 12
		}),
		k: fc.integer({ min: 3, max: 10 }),
		scope: fc.nat(),
		extraHidden: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 })
	})
	.map(({ size, groups, parents, counts, k, scope, extraHidden }) => {
		const names = GROUPS.slice(0, groups);
		const nodes: GroupNode[] = Array.from({ length: size }, (_, i) => ({
			id: `u${i}`,
			parentId: i === 0 ? null : `u${parents[i] % i}`,
			own: Object.fromEntries(names.map((g, j) => [g, counts[i][j]]))
		}));
		// The viewer's scope: one unit's subtree, minus some units (e.g. moved out of it since the round).
		const s = scope % size;
		const inScope = new Set<string>([`u${s}`]);
		for (const n of nodes) if (n.parentId && inScope.has(n.parentId)) inScope.add(n.id);
		const visible = new Set([...inScope].filter((id, i) => id === `u${s}` || !extraHidden[i]));
		return { nodes, visible, k, groups: names };
	});

describe('suppress: properties over random trees, rounds and viewer scopes', () => {
	it('shows no group below k, splits only units holding two groups or more, each of them k or more, and only units the viewer may see', () => {
		fc.assert(
			fc.property(treeArb, ({ nodes, visible, k, groups }) => {
				const v = suppress({ nodes, visible, k, groups });
				const t = subtreeTotals(nodes, groups);
				for (const [id, vis] of v) {
					expect(visible.has(id)).toBe(true);
					const held = groups.map((g) => t.get(id)![g]).filter((n) => n > 0);
					if (vis.all) expect(held.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(k);
					if (vis.roles) {
						expect(vis.all).toBe(true);
						expect(held.length).toBeGreaterThanOrEqual(2);
						for (const n of held) expect(n).toBeGreaterThanOrEqual(k);
					}
				}
			}),
			{ numRuns: 3000 }
		);
	});

	it('leaves no subtraction of shown groups from a shown group with 1 … k−1 respondents', () => {
		fc.assert(
			fc.property(treeArb, ({ nodes, visible, k, groups }) => {
				const v = suppress({ nodes, visible, k, groups });
				const shown = (id: string, kind: Kind) => (kind === 'all' ? !!v.get(id)?.all : !!v.get(id)?.roles);
				const found = leaks(reachableRemainders(nodes, shown, groups), k);
				if (found.length) throw new Error(`${found[0].group} minus shown groups leaves ${found[0].rest} (k = ${k}, ${groups.length} groups)`);
			}),
			{ numRuns: 3000 }
		);
	});

	it('hides no more than it must: a group with k or more stays shown when all its siblings are large', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 5, max: 30 }), { minLength: 1, maxLength: 8 }), (sizes) => {
				const nodes = [node('org', null, 0), ...sizes.map((n, i) => node(`t${i}`, 'org', n))];
				expect(shownAll(suppress({ nodes, visible: all(nodes), k: 5 }))).toHaveLength(sizes.length + 1);
			})
		);
	});
});
