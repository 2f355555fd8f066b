import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyStats, type GroupStats } from './stats';
import { buildView, COMMENT_MIN, ORGANIZATION, type RoundData } from './view';
import { leaks, reachableRemainders, type Kind } from './attack';
import { ROLES, type GroupNode, type Role } from './suppression';

const AREAS = 2;
const STATEMENTS = 3;

/** A group of `n` respondents of whom `answered[m]` gave a scored answer to metric m. */
function stats(n: number, answered: number[]): GroupStats {
	const s = emptyStats({ areaCount: AREAS, statementCount: STATEMENTS });
	s.respondents = n;
	answered.forEach((a, m) => {
		const c = Math.max(0, Math.min(a, n));
		if (m < AREAS) [s.areaN[m], s.areaSum[m]] = [c, c * 3];
		else [s.statementN[m - AREAS], s.statementSum[m - AREAS]] = [c, c * 3];
	});
	return s;
}

const roundArb = fc
	.record({
		size: fc.integer({ min: 1, max: 10 }),
		parents: fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
		counts: fc.array(fc.record({ sp: fc.integer({ min: 0, max: 9 }), sm: fc.integer({ min: 0, max: 6 }), missing: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 5, maxLength: 5 }) }), { minLength: 10, maxLength: 10 }),
		k: fc.integer({ min: 3, max: 10 }),
		scope: fc.option(fc.nat(), { nil: undefined })
	})
	.map(({ size, parents, counts, k, scope }) => {
		const tree = Array.from({ length: size }, (_, i) => ({ id: `u${i}`, parentId: i === 0 ? null : `u${parents[i] % i}`, name: `Unit ${i}` }));
		const aggregates = tree.flatMap((u, i) =>
			ROLES.map((role) => {
				const n = role === 'sales_person' ? counts[i].sp : counts[i].sm;
				return { unitId: u.id, role, stats: stats(n, counts[i].missing.map((miss) => n - miss)) };
			})
		);
		const data: RoundData = { k, areas: AREAS, statements: STATEMENTS, questionKeys: [], tree, aggregates };
		let unitIds = new Set<string>();
		if (scope !== undefined) {
			unitIds = new Set([`u${scope % size}`]);
			for (const u of tree) if (u.parentId && unitIds.has(u.parentId)) unitIds.add(u.id);
		}
		return { data, scope: { all: scope === undefined, unitIds } };
	});

/** The nodes of the view's tree with each unit's own count of `count`. */
function nodesOf(data: RoundData, all: boolean, count: (s: GroupStats) => number): GroupNode[] {
	const own = (id: string, role: Role) => data.aggregates.filter((a) => a.unitId === id && a.role === role).reduce((s, a) => s + count(a.stats), 0);
	const units = data.tree.map((u) => ({ id: u.id, parentId: all ? (u.parentId ?? ORGANIZATION) : u.parentId, own: { sales_person: own(u.id, 'sales_person'), sales_manager: own(u.id, 'sales_manager') } }));
	return all ? [{ id: ORGANIZATION, parentId: null, own: { sales_person: 0, sales_manager: 0 } }, ...units] : units;
}

describe('buildView: what one viewer can see of a round', () => {
	it('shows no figure resting on fewer than k, and no subtraction of figures leaves 1 … k−1 — per unit, role and metric', () => {
		fc.assert(
			fc.property(roundArb, ({ data, scope }) => {
				const view = buildView(data, scope, 'Org');
				const k = data.k;
				const check = (count: (s: GroupStats) => number, shown: (id: string, kind: Kind) => boolean, what: string, min = k) => {
					const nodes = nodesOf(data, scope.all, count);
					const found = leaks(reachableRemainders(nodes, shown), min);
					if (found.length) throw new Error(`${what}: ${found[0].group} leaves ${found[0].rest}`);
					for (const n of nodes) {
						const s = view.stats(n.id);
						if (shown(n.id, 'all')) expect(count(s.all), what).toBeGreaterThanOrEqual(min);
						for (const r of ROLES) if (shown(n.id, r)) expect(count(s[r]), what).toBeGreaterThanOrEqual(min);
					}
				};
				check((s) => s.respondents, (id, kind) => (kind === 'all' ? view.unit(id).all : view.unit(id).roles), 'respondents');
				for (let m = 0; m < AREAS + STATEMENTS; m++) {
					const count = m < AREAS ? (s: GroupStats) => s.areaN[m] : (s: GroupStats) => s.statementN[m - AREAS];
					check(count, (id, kind) => (kind === 'all' ? view.metric(id, m).all : view.metric(id, m).roles), `metric ${m}`);
					for (const u of view.units.keys()) if (view.metric(u, m).all) expect(view.unit(u).all).toBe(true);
				}
				check((s) => s.respondents, (id, kind) => kind === 'all' && view.comments(id), 'comments', Math.max(COMMENT_MIN, k));
				for (const u of view.units.keys()) if (view.unit(u).all) expect(view.canOpen(u)).toBe(true);
				if (!scope.all) for (const u of view.units.keys()) if (view.canOpen(u)) expect(scope.unitIds.has(u)).toBe(true);
			}),
			{ numRuns: 1500 }
		);
	});

	it('sums each unit’s figures over its subtree, and puts the whole organization on top for admins', () => {
		const tree = [
			{ id: 'a', parentId: null, name: 'A' },
			{ id: 'b', parentId: 'a', name: 'B' }
		];
		const data: RoundData = { k: 3, areas: AREAS, statements: STATEMENTS, questionKeys: [], tree, aggregates: [
			{ unitId: 'a', role: 'sales_manager', stats: stats(1, [1, 1, 1, 1, 1]) },
			{ unitId: 'b', role: 'sales_person', stats: stats(6, [6, 5, 6, 6, 6]) }
		] };
		const admin = buildView(data, { all: true, unitIds: new Set() }, 'Org');
		expect(admin.roots).toEqual([ORGANIZATION]);
		expect(admin.stats('a').all.respondents).toBe(7);
		expect(admin.stats(ORGANIZATION).all.areaN).toEqual([7, 6]);
		// a (7) minus b (6) would be the one manager: b is hidden, a is shown.
		expect(admin.unit('a').all).toBe(true);
		expect(admin.unit('b').all).toBe(false);
		const viewer = buildView(data, { all: false, unitIds: new Set(['b']) }, 'Org');
		expect(viewer.roots).toEqual(['b']);
		expect(viewer.unit('b').all).toBe(true); // a is not the viewer's to see, so nothing to subtract b from
		expect(viewer.canOpen('a')).toBe(false);
	});
});
