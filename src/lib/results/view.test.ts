import { describe, expect, it } from 'vitest';
import { emptyStats, type GroupStats } from './stats';
import { computePattern, type UnitCounts } from './pattern';
import { buildView, ORGANIZATION, type RoundData } from './view';
import type { Role } from './suppression';

/** A group of `n` respondents who all answered both statements with `value`. */
function stats(n: number, value: number): GroupStats {
	const s = emptyStats({ areaCount: 1, statementCount: 2 });
	s.respondents = n;
	s.statementN = [n, n];
	s.statementSum = [n * value, n * value];
	return s;
}

function roundOf(k: number, tree: RoundData['tree'], aggregates: RoundData['aggregates']): RoundData {
	const own = new Map<string, Partial<Record<Role, UnitCounts>>>();
	for (const a of aggregates) (own.get(a.unitId) ?? own.set(a.unitId, {}).get(a.unitId)!)[a.role] = a.stats;
	const groups = ['sales_person', 'sales_manager'];
	const pattern = computePattern({ k, tree, groups, own, areaStatements: [[0, 1]], statements: 2, questionKeys: [], textQuestionKeys: [] });
	return { k, areas: 1, statements: 2, areaStatements: [[0, 1]], groups, questionKeys: [], tree, aggregates, pattern };
}

describe('buildView: one viewer’s part of the round’s pattern', () => {
	const tree = [
		{ id: 'a', parentId: null, name: 'A' },
		{ id: 'b', parentId: 'a', name: 'B' },
		{ id: 'c', parentId: 'a', name: 'C' }
	];
	const data = roundOf(3, tree, [
		{ unitId: 'a', role: 'sales_manager', stats: stats(1, 5) },
		{ unitId: 'b', role: 'sales_person', stats: stats(6, 2) },
		{ unitId: 'c', role: 'sales_person', stats: stats(4, 4) }
	]);

	it('sums each unit’s figures over its subtree, and puts the whole organization on top for admins', () => {
		const admin = buildView(data, { all: true, unitIds: new Set() }, 'Org');
		expect(admin.roots).toEqual([ORGANIZATION]);
		expect(admin.stats('a').all.respondents).toBe(11);
		expect(admin.respondents(ORGANIZATION)).toBe(11);
		expect(admin.unit('a').all).toBe(true);
		// a (11) − b (6) − c (4) would be the one manager: the smaller team is hidden, for everyone.
		expect(admin.unit('b').all).toBe(true);
		expect(admin.unit('c').all).toBe(false);
	});

	it('an area’s score is the mean of its statements’ scores as shown', () => {
		const admin = buildView(data, { all: true, unitIds: new Set() }, 'Org');
		expect(admin.areaScore('b', 0)).toBe(2);
		expect(admin.areaScore('a', 0)).toBeCloseTo((6 * 2 + 4 * 4 + 5) / 11, 2);
		expect(admin.areaScore('c', 0)).toBeNull();
	});

	it('a viewer sees only their units, and no more of them than the pattern allows', () => {
		const viewer = buildView(data, { all: false, unitIds: new Set(['c']) }, 'Org');
		expect(viewer.roots).toEqual(['c']);
		expect(viewer.canOpen('a')).toBe(false);
		// a is not theirs to see, but another viewer's a minus this c would isolate the manager: still hidden.
		expect(viewer.unit('c').all).toBe(false);
		expect(viewer.metric('a', 0).all).toBe(false);
		expect(viewer.metric('c', 7).all).toBe(false);
	});
});
