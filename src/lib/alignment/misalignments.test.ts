import { describe, expect, it } from 'vitest';
import { misalignments, reaches, type AlignmentSpec } from './misalignments';

const spec: AlignmentSpec = {
	threshold: 0.75,
	areas: ['strategy', 'structure', 'culture', 'kpis'],
	statements: ['s1', 's2', 'c1', 'c2', 'k1'],
	groups: ['executive', 'sales_manager', 'sales_person'],
	pairs: [
		{ key: 'strategy_metrics', areas: ['strategy', 'kpis'] },
		{ key: 'structure_behaviours', areas: ['structure', 'culture'] },
		{ key: 'tools_behaviours', statements: ['s2', 'c1'] }
	]
};

const figures = (areas: (number | null)[], statements: (number | null)[] = [3, 3, 3, 3, 3], groups: Record<string, (number | null)[]> = {}) => ({
	areaScores: areas,
	statementScores: statements,
	groupStatementScores: groups
});

const pair = (areas: (number | null)[], key = 'strategy_metrics', statements?: (number | null)[]) =>
	misalignments(spec, figures(areas, statements)).pairs.find((p) => p.key === key)!;

describe('area pairs at the threshold (0.75), compared as shown', () => {
	it.each([
		// strategy, kpis, shown difference, flagged
		[3.74, 3.0, 0.74, false],
		[3.75, 3.0, 0.75, true],
		[3.76, 3.0, 0.76, true],
		[3.0, 3.75, -0.75, true],
		[3.0, 3.74, -0.74, false],
		// 3.7449 shows as 3.74: a raw difference of 0.7449 stays below
		[3.7449, 3.0, 0.74, false],
		// 3.7451 shows as 3.75: flagged although the raw difference is under 0.75
		[3.7451, 3.0, 0.75, true],
		// both rounded: 3.004 → 3.00 and 2.254 → 2.25 (raw 0.75), 3.004 and 2.2551 → 2.26 (raw 0.7489)
		[3.004, 2.254, 0.75, true],
		[3.004, 2.2551, 0.74, false],
		// floating point: 4.1 − 3.35 is 0.7499999… in binary, shown 0.75
		[4.1, 3.35, 0.75, true],
		[1, 5, -4, true]
	])('strategy %s vs kpis %s: difference %s, flagged %s', (a, b, difference, flagged) => {
		const p = pair([a, 3, 3, b]);
		expect(p).toMatchObject({ kind: 'areas', items: ['strategy', 'kpis'], difference, flagged });
		expect(p.scores).toEqual([Math.round(a * 100) / 100, Math.round(b * 100) / 100]);
	});

	it('never flags a pair with a hidden score', () => {
		for (const areas of [
			[null, 3, 3, 5],
			[1, 3, 3, null],
			[null, 3, 3, null]
		]) {
			const p = pair(areas);
			expect(p).toMatchObject({ difference: null, flagged: false });
		}
	});

	it('follows a threshold the model sets', () => {
		const s = { ...spec, threshold: 1 };
		expect(misalignments(s, figures([4, 3, 3, 3.01])).pairs[0]).toMatchObject({ difference: 0.99, flagged: false });
		expect(misalignments(s, figures([4, 3, 3, 3])).pairs[0]).toMatchObject({ difference: 1, flagged: true });
	});
});

describe('statement pairs', () => {
	it.each([
		[3.74, 3, false],
		[3.75, 3, true],
		[3.76, 3, true],
		[2.25, 3, true],
		[2.26, 3, false],
		[null, 1, false]
	])('s2 %s vs c1 %s: flagged %s', (s2, c1, flagged) => {
		const p = pair([3, 3, 3, 3], 'tools_behaviours', [3, s2, c1, 3, 3]);
		expect(p.kind).toBe('statements');
		expect(p.items).toEqual(['s2', 'c1']);
		expect(p.flagged).toBe(flagged);
	});
});

describe('the matrix', () => {
	it('holds row minus column as shown, null on the diagonal and where hidden, and names declared pairs both ways', () => {
		const m = misalignments(spec, figures([4.004, 3.25, null, 3.2549]));
		expect(m.areaScores).toEqual([4, 3.25, null, 3.25]);
		expect(m.matrix[0].map((c) => c.difference)).toEqual([null, 0.75, null, 0.75]);
		expect(m.matrix[3][0]).toEqual({ difference: -0.75, beyond: true, pair: 'strategy_metrics' });
		expect(m.matrix[0][3].pair).toBe('strategy_metrics');
		expect(m.matrix[1][2]).toEqual({ difference: null, beyond: false, pair: 'structure_behaviours' });
		expect(m.matrix[1][3]).toEqual({ difference: 0, beyond: false, pair: null });
		expect(m.matrix[0][1].beyond).toBe(true);
		expect(m.matrix.flat().filter((c) => c.beyond)).toHaveLength(4);
	});
});

describe('group gaps per statement', () => {
	const groups = {
		executive: [4.5, 3.74, 3, null, 5],
		sales_manager: [3.75, 3, 3, 1, 4.2],
		sales_person: [3.74, 3.75, 2.25, 5, 1]
	};

	it('lists every pair of groups whose shown scores differ by at least the threshold, the largest first (ties in statement order)', () => {
		const m = misalignments(spec, figures([3, 3, 3, 3], undefined, groups));
		const listed = m.groupGaps.map((g) => [g.statement, g.groups.join('-'), g.difference]);
		expect(listed).toEqual([
			['c2', 'sales_manager-sales_person', -4],
			['k1', 'executive-sales_person', 4],
			['k1', 'sales_manager-sales_person', 3.2],
			['k1', 'executive-sales_manager', 0.8],
			['s1', 'executive-sales_person', 0.76],
			['s1', 'executive-sales_manager', 0.75],
			['s2', 'sales_manager-sales_person', -0.75],
			['c1', 'executive-sales_person', 0.75],
			['c1', 'sales_manager-sales_person', 0.75]
		]);
		// 0.74 apart (s2 executive vs sales person: 3.74 vs 3.75 is 0.01; executive vs manager 0.74) is not a gap.
		expect(m.groupGaps.some((g) => g.statement === 's2' && g.groups[0] === 'executive')).toBe(false);
		// A hidden score (executive c2) is never compared.
		expect(m.groupGaps.some((g) => g.statement === 'c2' && g.groups.includes('executive'))).toBe(false);
		expect(m.groupGapCount).toBe(9);
	});

	it('keeps at most the largest few', () => {
		const m = misalignments(spec, figures([3, 3, 3, 3], undefined, groups), 3);
		expect(m.groupGaps.map((g) => g.difference)).toEqual([-4, 4, 3.2]);
		expect(m.groupGapCount).toBe(9);
	});

	it('skips groups without figures', () => {
		const m = misalignments(spec, figures([3, 3, 3, 3], undefined, { sales_person: [1, 1, 1, 1, 1] }));
		expect(m.groupGaps).toEqual([]);
	});
});

describe('reaches', () => {
	it.each([
		[0.74, false],
		[0.75, true],
		[-0.75, true],
		[0.76, true],
		[null, false]
	])('%s against 0.75: %s', (d, r) => expect(reaches(d, 0.75)).toBe(r));
});
