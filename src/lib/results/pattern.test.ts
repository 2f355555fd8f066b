import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scoreResponse, type Answer } from '$lib/survey/scoring';
import { addResponse, distribution, emptyStats, statementMean, type GroupStats } from './stats';
import { computePattern, decodePattern, encodePattern, ORGANIZATION, type UnitCounts } from './pattern';
import { buildView, COMMENT_MIN, commentThreshold, type RoundData, type Scope } from './view';
import { leaks, reachableRemainders, type Kind } from './attack';
import type { GroupNode, Role } from './suppression';
import { areaStatistics, NO_STATISTICS } from './area-figures';

const SHAPE = {
	areas: [
		{ key: 'a', statements: [0, 1, 2] },
		{ key: 'b', statements: [3, 4] }
	],
	statementCount: 5
};
const AREAS = SHAPE.areas.length;
/** The respondent groups the random rounds use (their first two, or more). */
const GROUPS = ['sales_person', 'sales_manager', 'executive', 'support'];
/** A person's group from a random digit: mostly the first group, some in the second, few in the others. */
const GROUP_OF = [0, 0, 0, 0, 0, 0, 1, 1, 2, 3];

interface Person {
	unit: string;
	role: Role;
	answers: Answer[];
}

const orgArb = fc
	.record({
		size: fc.integer({ min: 1, max: 9 }),
		groups: fc.integer({ min: 2, max: 4 }),
		parents: fc.array(fc.nat(), { minLength: 9, maxLength: 9 }),
		people: fc.array(
			fc.record({
				unit: fc.nat(),
				group: fc.integer({ min: 0, max: 9 }),
				// Answers 1–5, and "don't know" (0) often enough to matter.
				answers: fc.array(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.constant(0) }), {
					minLength: 5,
					maxLength: 5
				})
			}),
			{ minLength: 0, maxLength: 45 }
		),
		k: fc.integer({ min: 3, max: 6 }),
		viewers: fc.array(fc.nat(), { maxLength: 4 })
	})
	.map(({ size, groups, parents, people, k, viewers }) => {
		const tree = Array.from({ length: size }, (_, i) => ({ id: `u${i}`, parentId: i === 0 ? null : `u${parents[i] % i}`, name: `Unit ${i}` }));
		const persons: Person[] = people.map((p) => ({ unit: `u${p.unit % size}`, role: GROUPS[GROUP_OF[p.group] % groups], answers: p.answers }));
		const scopes: Scope[] = [{ all: true, unitIds: new Set() }, ...viewers.map((v) => ({ all: false, unitIds: subtreeOf(tree, `u${v % size}`) }))];
		return { tree, persons, k, scopes, groups: GROUPS.slice(0, groups) };
	});

function subtreeOf(tree: { id: string; parentId: string | null }[], top: string): Set<string> {
	const ids = new Set([top]);
	for (let grew = true; grew;) {
		grew = false;
		for (const u of tree) if (u.parentId && ids.has(u.parentId) && !ids.has(u.id)) grew = ids.add(u.id) !== null;
	}
	return ids;
}

/** The round's data as the build makes it: every person's response added into their unit and role. */
function roundOf(tree: RoundData['tree'], persons: Person[], k: number, groups: readonly Role[] = GROUPS.slice(0, 2)): RoundData {
	const cells = new Map<string, { unitId: string; role: Role; stats: GroupStats }>();
	for (const p of persons) {
		const key = `${p.unit}|${p.role}`;
		const cell = cells.get(key) ?? cells.set(key, { unitId: p.unit, role: p.role, stats: emptyStats({ areaCount: AREAS, statementCount: 5 }) }).get(key)!;
		addResponse(cell.stats, { answers: p.answers, areaScores: scoreResponse(p.answers, SHAPE), questionAnswers: {} }, []);
	}
	const aggregates = [...cells.values()];
	const own = new Map<string, Partial<Record<Role, UnitCounts>>>();
	for (const a of aggregates) (own.get(a.unitId) ?? own.set(a.unitId, {}).get(a.unitId)!)[a.role] = a.stats;
	const areaStatements = SHAPE.areas.map((a) => a.statements);
	const pattern = computePattern({ k, tree, groups, own, areaStatements, statements: 5, questionKeys: [], textQuestionKeys: [] });
	return { k, areas: AREAS, statements: 5, areaStatements, groups, questionKeys: [], tree, aggregates, pattern };
}

/** Every figure one viewer can see, as text: what the pages, exports and API show of each unit. */
function figuresOf(data: RoundData, scope: Scope): string[] {
	const view = buildView(data, scope, 'Org');
	const out: string[] = [];
	for (const id of view.units.keys()) {
		if (!view.canOpen(id) || !view.unit(id).all) continue;
		const s = view.stats(id);
		out.push(`${id} n=${s.all.respondents}`);
		const groups: ('all' | Role)[] = view.unit(id).roles ? ['all', ...view.groups] : ['all'];
		for (const g of groups) {
			for (let a = 0; a < AREAS; a++) out.push(`${id} ${g} area${a}=${view.areaScore(id, a, g)?.toFixed(2)}`);
			for (let i = 0; i < 5; i++) {
				const v = view.metric(id, AREAS + i);
				if (g === 'all' ? v.all : v.roles) out.push(`${id} ${g} s${i}=${statementMean(s[g], i)?.toFixed(2)} ${distribution(s[g], i).join(',')}`);
			}
		}
	}
	return out;
}

/** The nodes of the whole tree (the organization on top) with each unit's own count of `count`. */
function nodesOf(data: RoundData, count: (s: GroupStats) => number): GroupNode[] {
	const own = (id: string) =>
		Object.fromEntries(data.groups.map((g) => [g, data.aggregates.filter((a) => a.unitId === id && a.role === g).reduce((n, a) => n + count(a.stats), 0)]));
	return [
		{ id: ORGANIZATION, parentId: null, own: own(ORGANIZATION) },
		...data.tree.map((u) => ({ id: u.id, parentId: u.parentId ?? ORGANIZATION, own: own(u.id) }))
	];
}

describe('the disclosure pattern: what all viewers together may see of a round', () => {
	it('the union of every view (admin and any viewers) lets no subtraction isolate 1 … k−1, for respondents, every statement and comments', () => {
		fc.assert(
			fc.property(orgArb, ({ tree, persons, k, scopes, groups }) => {
				const data = roundOf(tree, persons, k, groups);
				const views = scopes.map((s) => buildView(data, s, 'Org'));
				const union = (pick: (v: ReturnType<typeof buildView>, id: string, kind: Kind) => boolean) => (id: string, kind: Kind) =>
					views.some((v) => v.canOpen(id) && pick(v, id, kind));
				const check = (count: (s: GroupStats) => number, shown: (id: string, kind: Kind) => boolean, what: string, min = k) => {
					const found = leaks(reachableRemainders(nodesOf(data, count), shown, data.groups), min);
					if (found.length) throw new Error(`${what}: ${found[0].group} leaves ${found[0].rest}`);
				};
				check(
					(s) => s.respondents,
					union((v, id, kind) => (kind === 'all' ? v.unit(id).all : v.unit(id).roles)),
					'respondents'
				);
				for (let i = 0; i < 5; i++)
					check(
						(s) => s.statementN[i],
						union((v, id, kind) => (kind === 'all' ? v.metric(id, AREAS + i).all : v.metric(id, AREAS + i).roles)),
						`statement ${i}`
					);
				check(
					(s) => s.respondents,
					union((v, id, kind) => kind === 'all' && v.comments(id)),
					'comments',
					Math.max(COMMENT_MIN, k)
				);
				// Every view is inside the pattern: what the admin sees, nobody sees more of.
				const admin = views[0];
				for (const v of views.slice(1))
					for (const id of v.units.keys())
						for (let m = 0; m < AREAS + 5; m++) {
							if (v.metric(id, m).all) expect(admin.metric(id, m).all).toBe(true);
							if (v.metric(id, m).roles) expect(admin.metric(id, m).roles).toBe(true);
						}
			}),
			{ numRuns: 2000 }
		);
	});

	it('no combination of the figures anyone sees — any viewers, and trends that add up merged units — isolates one or two people', () => {
		// Linear algebra over people: each shown figure of a statement is a sum over a group of the people who
		// answered it. A person (or pair) is isolated when a combination of those rows is nonzero only on them,
		// i.e. when removing their columns lowers the rank.
		fc.assert(
			fc.property(orgArb, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }), ({ tree, persons, k, scopes, groups }, merges) => {
				const data = roundOf(tree, persons, k, groups);
				const views = scopes.map((s) => buildView(data, s, 'Org'));
				const inUnit = (p: Person, id: string) => id === ORGANIZATION || views[0].subtree(id).includes(p.unit);
				for (let st = 0; st < 5; st++) {
					const answered = persons.filter((p) => (p.answers[st] ?? 0) >= 1);
					const rows: number[][] = [];
					const group = (ids: string[], role: 'all' | Role) =>
						rows.push(answered.map((p) => (ids.some((id) => inUnit(p, id)) && (role === 'all' || p.role === role) ? 1 : 0)));
					for (const v of views)
						for (const id of v.units.keys()) {
							const m = v.metric(id, AREAS + st);
							if (m.all) group([id], 'all');
							if (m.roles) v.groups.forEach((r) => group([id], r));
						}
					// A merged unit's trend: two units of the round added up, where each may be shown.
					for (const [a, b] of merges) {
						const x = tree[a % tree.length].id;
						const y = tree[b % tree.length].id;
						if (
							x !== y &&
							!inUnitId(views[0], x, y) &&
							!inUnitId(views[0], y, x) &&
							views.some((v) => v.metric(x, AREAS + st).all && v.metric(y, AREAS + st).all)
						)
							group([x, y], 'all');
					}
					if (rows.length === 0) continue;
					const full = rank(rows);
					for (let i = 0; i < answered.length; i++) {
						if (rank(rows.map((r) => r.filter((_, c) => c !== i))) < full) throw new Error(`statement ${st}: person ${i} isolated`);
						if (k > 2)
							for (let j = i + 1; j < answered.length; j++)
								if (rank(rows.map((r) => r.filter((_, c) => c !== i && c !== j))) < full)
									throw new Error(`statement ${st}: persons ${i}, ${j} isolated ${JSON.stringify(rows)} ${full}`);
					}
				}
			}),
			{ numRuns: 250 }
		);
	});

	it('swapping two people’s answers to a statement within one unit and role — "don’t know" included — changes no figure anyone sees', () => {
		// If one person's answers could be worked out (an area score next to its statements, say), some
		// figure would tell the two versions of the organization apart.
		fc.assert(
			fc.property(orgArb, fc.nat(), fc.nat(), fc.nat({ max: 4 }), ({ tree, persons, k, scopes, groups }, a, b, statement) => {
				if (persons.length < 2) return;
				const p = persons[a % persons.length];
				const mates = persons.filter((q) => q !== p && q.unit === p.unit && q.role === p.role);
				if (mates.length === 0) return;
				const q = mates[b % mates.length];
				const before = scopes.map((s) => figuresOf(roundOf(tree, persons, k, groups), s));
				const swapped = persons.map((x) =>
					x === p
						? { ...x, answers: x.answers.with(statement, q.answers[statement]) }
						: x === q
							? { ...x, answers: x.answers.with(statement, p.answers[statement]) }
							: x
				);
				const after = scopes.map((s) => figuresOf(roundOf(tree, swapped, k, groups), s));
				expect(after).toEqual(before);
			}),
			{ numRuns: 2000 }
		);
	});

	it('a region’s own manager: the regional viewer and the team viewer together learn nothing the pattern hides', () => {
		// Region r: its own manager; team t below it: 6 sales people. Alone, a viewer of t sees t; a viewer of
		// r sees r. Together (r − t) they would isolate the regional manager: the pattern shows only one.
		const tree = [
			{ id: 'r', parentId: null, name: 'Region' },
			{ id: 't', parentId: 'r', name: 'Team' }
		];
		const persons: Person[] = [
			{ unit: 'r', role: 'sales_manager', answers: [5, 5, 5, 5, 5] },
			...Array.from({ length: 6 }, () => ({ unit: 't', role: 'sales_person' as Role, answers: [2, 2, 2, 2, 2] }))
		];
		const data = roundOf(tree, persons, 5);
		const region = buildView(data, { all: false, unitIds: new Set(['r', 't']) }, 'Org');
		const team = buildView(data, { all: false, unitIds: new Set(['t']) }, 'Org');
		expect(region.unit('r').all && team.unit('t').all).toBe(false);
		expect(region.unit('r').all && region.unit('t').all).toBe(false);
	});

	it('is stored and read back unchanged', () => {
		fc.assert(
			fc.property(orgArb, ({ tree, persons, k, groups }) => {
				const { pattern } = roundOf(tree, persons, k, groups);
				expect(decodePattern(JSON.parse(JSON.stringify(encodePattern(pattern))))).toEqual(pattern);
			}),
			{ numRuns: 200 }
		);
	});
});

/** The figures of honest statistics one viewer can see (n, interval, agreement, "don't know" shares), per unit, group and area. */
function statisticsOf(data: RoundData, scope: Scope, only: 'derived' | 'all' = 'all'): string[] {
	const view = buildView(data, scope, 'Org');
	const out: string[] = [];
	for (const id of view.units.keys())
		for (const g of ['all', ...view.groups])
			for (let a = 0; a < AREAS; a++) {
				const s = areaStatistics(view, id, { index: a, statements: SHAPE.areas[a].statements }, AREAS, g);
				const spread = only === 'all' ? ` n=${s.n} ${s.interval?.low}–${s.interval?.high}` : '';
				out.push(`${id} ${g} area${a}${spread} agreement=${s.agreement} dk=${s.unanswered.dontKnow}`);
			}
	return out;
}

describe('honest statistics under the pattern: n, intervals, agreement and "don’t know" shares', () => {
	it('no subtraction of shown spreads, in the union of every view, leaves 1 … k−1 respondents with an area mean', () => {
		fc.assert(
			fc.property(orgArb, ({ tree, persons, k, scopes, groups }) => {
				const data = roundOf(tree, persons, k, groups);
				const views = scopes.map((s) => buildView(data, s, 'Org'));
				for (let a = 0; a < AREAS; a++) {
					const shown = (id: string, kind: Kind) => views.some((v) => v.canOpen(id) && v.areaSpread(id, a, kind) !== null);
					const found = leaks(
						reachableRemainders(
							nodesOf(data, (s) => s.areaN[a]),
							shown,
							data.groups
						),
						k
					);
					if (found.length) throw new Error(`area ${a}: ${found[0].group} leaves ${found[0].rest}`);
				}
			}),
			{ numRuns: 2000 }
		);
	});

	it('no combination of shown sums of squares singles out one or two people’s area means', () => {
		// A shown spread is a sum over a group of the people with an area mean (of x and of x²); as for
		// statements, a person is isolated when removing their column lowers the rank of those rows.
		fc.assert(
			fc.property(orgArb, ({ tree, persons, k, scopes, groups }) => {
				const data = roundOf(tree, persons, k, groups);
				const views = scopes.map((s) => buildView(data, s, 'Org'));
				const inUnit = (p: Person, id: string) => id === ORGANIZATION || views[0].subtree(id).includes(p.unit);
				for (let a = 0; a < AREAS; a++) {
					const counted = persons.filter((p) => scoreResponse(p.answers, SHAPE)[a] !== null);
					const rows: number[][] = [];
					for (const v of views)
						for (const id of v.units.keys())
							for (const g of ['all', ...data.groups])
								if (v.areaSpread(id, a, g)) rows.push(counted.map((p) => (inUnit(p, id) && (g === 'all' || p.role === g) ? 1 : 0)));
					if (rows.length === 0) continue;
					const full = rank(rows);
					for (let i = 0; i < counted.length; i++) {
						if (rank(rows.map((r) => r.filter((_, c) => c !== i))) < full) throw new Error(`area ${a}: person ${i} isolated`);
						if (k > 2)
							for (let j = i + 1; j < counted.length; j++)
								if (rank(rows.map((r) => r.filter((_, c) => c !== i && c !== j))) < full) throw new Error(`area ${a}: persons ${i}, ${j} isolated`);
					}
				}
			}),
			{ numRuns: 250 }
		);
	});

	it('a hidden area score comes with no n, interval, agreement or share, and a spread only with its score', () => {
		fc.assert(
			fc.property(orgArb, ({ tree, persons, k, scopes, groups }) => {
				const data = roundOf(tree, persons, k, groups);
				for (const scope of scopes) {
					const view = buildView(data, scope, 'Org');
					for (const id of view.units.keys())
						for (const g of ['all', ...data.groups])
							for (let a = 0; a < AREAS; a++) {
								const stats = areaStatistics(view, id, { index: a, statements: SHAPE.areas[a].statements }, AREAS, g);
								if (view.areaScore(id, a, g) === null) expect(stats).toEqual(NO_STATISTICS);
								if (view.areaSpread(id, a, g) !== null) expect(view.areaScore(id, a, g)).not.toBeNull();
							}
				}
			}),
			{ numRuns: 1000 }
		);
	});

	it('swapping two people’s answers within one unit and role changes none of them (one statement: agreement and shares; all answers: n and interval too)', () => {
		fc.assert(
			fc.property(orgArb, fc.nat(), fc.nat(), fc.nat({ max: 4 }), ({ tree, persons, k, scopes, groups }, a, b, statement) => {
				if (persons.length < 2) return;
				const p = persons[a % persons.length];
				const mates = persons.filter((q) => q !== p && q.unit === p.unit && q.role === p.role);
				if (mates.length === 0) return;
				const q = mates[b % mates.length];
				const swap = (answers: (x: Person, other: Person) => Answer[]) =>
					persons.map((x) => (x === p ? { ...x, answers: answers(x, q) } : x === q ? { ...x, answers: answers(x, p) } : x));
				const one = swap((x, other) => x.answers.with(statement, other.answers[statement]));
				const all = swap((_, other) => other.answers);
				const before = (only: 'derived' | 'all') => scopes.map((s) => statisticsOf(roundOf(tree, persons, k, groups), s, only));
				expect(scopes.map((s) => statisticsOf(roundOf(tree, one, k, groups), s, 'derived'))).toEqual(before('derived'));
				expect(scopes.map((s) => statisticsOf(roundOf(tree, all, k, groups), s))).toEqual(before('all'));
			}),
			{ numRuns: 1000 }
		);
	});

	it('an area shown through half of its statements: its spread is hidden where the count of area means would single out one person', () => {
		// k = 3; area b has statements 3 and 4. Team t (below region r): three people answering both. Region r
		// itself: one person answering only statement 4, and two answering "don't know" to both.
		//   statement 3: r 3, t 3 (difference 0: shown at both); statement 4: r 4, t 3 (difference 1: hidden at t)
		//   area b: shown at r (2 of 2 statements) and at t (1 of 2, half) — its score rests on shown figures only;
		//   respondents with an area mean: r 4, t 3 — a difference of one person, whose x² would be the difference
		//   of the two sums of squares. So the spread (n, interval) shows at r and not at t.
		const tree = [
			{ id: 'r', parentId: null, name: 'Region' },
			{ id: 't', parentId: 'r', name: 'Team' }
		];
		const persons: Person[] = [
			...Array.from({ length: 3 }, (_, i) => ({ unit: 't', role: 'sales_person' as Role, answers: [3, 3, 3, 2 + i, 3 + i] })),
			{ unit: 'r', role: 'sales_person', answers: [4, 4, 4, 0, 5] },
			{ unit: 'r', role: 'sales_person', answers: [4, 4, 4, 0, 0] },
			{ unit: 'r', role: 'sales_person', answers: [4, 4, 4, 0, 0] }
		];
		const view = buildView(roundOf(tree, persons, 3), { all: true, unitIds: new Set() }, 'Org');
		const b = 1;
		expect(view.metric('t', AREAS + 4).all).toBe(false);
		expect(view.areaScore('t', b)).not.toBeNull();
		expect(view.areaScore('r', b)).not.toBeNull();
		expect(view.stats('r').all.areaN[b] - view.stats('t').all.areaN[b]).toBe(1);
		expect(view.areaSpread('r', b)).not.toBeNull();
		expect(view.areaSpread('t', b)).toBeNull();
		expect(areaStatistics(view, 't', { index: b, statements: [3, 4] }, AREAS).interval).toBeNull();
		// Area a (all three statements shown at both, 3 area means apart) shows its spread at both.
		expect(view.areaSpread('t', 0)?.n).toBe(3);
		expect(view.areaSpread('r', 0)?.n).toBe(6);
	});

	it('results stored before spreads were kept show no interval, never a made-up one', () => {
		const tree = [{ id: 't', parentId: null, name: 'Team' }];
		const persons: Person[] = Array.from({ length: 6 }, (_, i) => ({ unit: 't', role: 'sales_person' as Role, answers: [1 + (i % 5), 3, 3, 4, 4] }));
		const data = roundOf(tree, persons, 3);
		const scope = { all: true, unitIds: new Set<string>() };
		expect(areaStatistics(buildView(data, scope, 'Org'), 't', { index: 0, statements: [0, 1, 2] }, AREAS).interval).not.toBeNull();
		// An old pattern (no spreads decided) …
		const { spreads: _, ...oldPattern } = data.pattern;
		expect(areaStatistics(buildView({ ...data, pattern: oldPattern }, scope, 'Org'), 't', { index: 0, statements: [0, 1, 2] }, AREAS)).toMatchObject({
			n: null,
			interval: null
		});
		// … or old aggregates (no sums of squares): the score, agreement and shares stay, the interval goes.
		const old = { ...data, aggregates: data.aggregates.map((x) => ({ ...x, stats: { ...x.stats, areaSumSq: undefined } })) };
		const stats = areaStatistics(buildView(old, scope, 'Org'), 't', { index: 0, statements: [0, 1, 2] }, AREAS);
		expect(stats.interval).toBeNull();
		expect(stats.agreement).not.toBeNull();
	});
});

/** Whether `inner` is `outer` or below it in the round's tree. */
function inUnitId(view: ReturnType<typeof buildView>, outer: string, inner: string): boolean {
	return view.subtree(outer).includes(inner);
}

/** The rank of a small 0/1 matrix (Gaussian elimination). */
function rank(rows: number[][]): number {
	const m = rows.map((r) => [...r]);
	const cols = m[0]?.length ?? 0;
	let r = 0;
	for (let c = 0; c < cols && r < m.length; c++) {
		let pivot = -1;
		for (let i = r; i < m.length; i++) if (Math.abs(m[i][c]) > 1e-9 && (pivot < 0 || Math.abs(m[i][c]) > Math.abs(m[pivot][c]))) pivot = i;
		if (pivot < 0) continue;
		[m[r], m[pivot]] = [m[pivot], m[r]];
		for (let i = 0; i < m.length; i++) {
			if (i === r || Math.abs(m[i][c]) < 1e-12) continue;
			const f = m[i][c] / m[r][c];
			for (let j = c; j < cols; j++) m[i][j] -= f * m[r][j];
		}
		r++;
	}
	return r;
}

describe('commentThreshold', () => {
	it('is COMMENT_MIN, or k when the round asks for larger groups (what the page, the PDF and the deck state)', () => {
		expect(commentThreshold(5)).toBe(COMMENT_MIN);
		expect(commentThreshold(10)).toBe(10);
		expect(commentThreshold(12)).toBe(12);
	});
});
