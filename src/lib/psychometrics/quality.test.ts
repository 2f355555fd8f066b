import { describe, expect, it } from 'vitest';
import type { Answer, ModelShape } from '$lib/survey/scoring';
import { cronbachAlpha, correctedItemTotal, scaleSums } from './alpha';
import { pearsonOf } from './correlation';
import { addResponse, emptyQuality, summarize, MIN_ORGANIZATIONS, MIN_RESPONDENTS } from './quality';

/** Two areas: a (statements 0, 1, 2) and b (3, 4); statement 4 offers "not used". */
const shape: ModelShape = {
	areas: [
		{ key: 'a', statements: [0, 1, 2] },
		{ key: 'b', statements: [3, 4] }
	],
	statementCount: 5
};
const keys = ['a_1', 'a_2', 'a_3', 'b_1', 'b_2'];
const opts = { statementKeys: keys, notUsed: new Set([4]) };
const GROUPS = ['sales_person', 'sales_manager'];

/** `n` respondents in each of `orgs` organizations, answers from `answer(i)` (i counts across all). */
function population(orgs: number, n: number, answer: (i: number) => Answer[], role: (i: number) => string = () => 'sales_person', groups = GROUPS) {
	const q = emptyQuality(shape, groups);
	const all: Answer[][] = [];
	for (let o = 0; o < orgs; o++)
		for (let p = 0; p < n; p++) {
			const i = all.length;
			all.push(answer(i));
			addResponse(q, { organization: `org-${o}`, role: role(i), answers: all[i] });
		}
	return { q, all };
}

/** A varied but deterministic answer pattern. */
const pattern = (i: number): Answer[] => [1 + (i % 5), 1 + ((i * 3 + 1) % 5), 1 + ((i + (i % 3)) % 5), 1 + ((i * 7) % 5), 1 + ((i * 2 + (i % 4)) % 5)];

describe('model quality figures', () => {
	it('gives nothing until enough organizations and respondents answered the version', () => {
		const fewOrgs = summarize(population(MIN_ORGANIZATIONS - 1, 40, pattern).q, opts);
		expect(fewOrgs).toEqual({
			enough: false,
			minimum: { organizations: MIN_ORGANIZATIONS, respondents: MIN_RESPONDENTS },
			organizations: null,
			respondents: null,
			groups: GROUPS,
			areas: [],
			correlations: []
		});
		expect(summarize(population(MIN_ORGANIZATIONS, 9, pattern).q, opts).enough).toBe(false); // 27 respondents
		const ok = summarize(population(MIN_ORGANIZATIONS, 10, pattern).q, opts);
		expect(ok.enough).toBe(true);
		expect([ok.organizations, ok.respondents]).toEqual([3, 30]);
	});

	it('takes alpha and item-total r over complete cases only (listwise deletion)', () => {
		// Every 4th respondent answers "don't know" on a_2, every 6th leaves a_3 out: they do not count for area a.
		const answer = (i: number): Answer[] => {
			const a = pattern(i);
			if (i % 4 === 0) a[1] = 0;
			if (i % 6 === 0) a[2] = null;
			return a;
		};
		const { q, all } = population(4, 25, answer);
		const complete = all.filter((a) => a.slice(0, 3).every((v) => v !== null && v >= 1)).map((a) => a.slice(0, 3) as number[]);
		const result = summarize(q, opts);
		const area = result.areas[0];
		expect(area.cases).toBe(complete.length);
		expect(area.alpha).toBeCloseTo(cronbachAlpha(scaleSums(complete))!, 12);
		expect(area.statements.map((s) => s.itemTotal)).toEqual(correctedItemTotal(scaleSums(complete)));
		expect(area.belowAim).toBe(area.alpha! < 0.695);
	});

	it('withholds alpha when fewer than the minimum answered the whole area', () => {
		// Only 20 of 100 answer every statement of area a.
		const { q } = population(4, 25, (i) => {
			const a = pattern(i);
			if (i % 5 !== 0) a[0] = 0;
			return a;
		});
		const area = summarize(q, opts).areas[0];
		expect([area.cases, area.alpha, area.statements[0].itemTotal]).toEqual([null, null, null]);
		expect(summarize(q, opts).areas[1].alpha).not.toBeNull();
	});

	it('counts "don\'t know" and "not used" per role, among the answers given', () => {
		// Managers are every 3rd respondent; sales people answer "don't know" on b_1 every 2nd time, managers
		// never; "not used" on b_2 for every 10th respondent; every 5th leaves b_1 unanswered.
		const role = (i: number) => (i % 3 === 0 ? 'sales_manager' : 'sales_person');
		const answer = (i: number): Answer[] => {
			const a = pattern(i);
			if (role(i) === 'sales_person' && i % 2 === 0) a[3] = 0;
			if (i % 5 === 0) a[3] = null;
			if (i % 10 === 0) a[4] = -1;
			return a;
		};
		const { q, all } = population(3, 40, answer, role);
		const result = summarize(q, opts);
		const [b1, b2] = result.areas[1].statements;
		const sales = all.filter((_, i) => role(i) === 'sales_person');
		const given = sales.filter((a) => a[3] !== null);
		expect(b1.dontKnow.sales_person).toBeCloseTo(given.filter((a) => a[3] === 0).length / given.length, 12);
		expect(b1.dontKnow.sales_manager).toBe(0);
		expect(b1.notUsed).toBeNull(); // b_1 does not offer "not used"
		expect(b2.notUsed!.sales_person).toBeCloseTo(sales.filter((a) => a[4] === -1).length / sales.length, 12);
		// Area b: all its answers together.
		const answers = sales.flatMap((a) => [a[3], a[4]]).filter((v) => v !== null);
		expect(result.areas[1].dontKnow.sales_person).toBeCloseTo(answers.filter((v) => v === 0).length / answers.length, 12);
		expect(result.areas[0].notUsed).toBeNull();
		expect(result.areas[1].notUsed).not.toBeNull();
		// -1 is no score: the respondent's area b mean is that of b_1 alone.
		expect(result.areas[1].statements[1].itemTotal).not.toBeNull();
	});

	it('withholds a role’s shares when fewer than the minimum of that role answered', () => {
		const role = (i: number) => (i % 10 === 0 ? 'sales_manager' : 'sales_person'); // 12 managers
		const s = summarize(population(3, 40, pattern, role).q, opts).areas[0].statements[0];
		expect(s.dontKnow.sales_manager).toBeNull();
		expect(s.dontKnow.sales_person).toBe(0);
	});

	it('gives the shares per group of the model, in its order; a role the model does not ask counts for the scales only', () => {
		const groups = ['executive', 'sales_person', 'sales_support'];
		const role = (i: number) => ['executive', 'sales_person', 'sales_manager'][i % 3];
		const answer = (i: number): Answer[] => {
			const a = pattern(i);
			if (role(i) === 'executive') a[0] = 0;
			return a;
		};
		const result = summarize(population(3, 60, answer, role, groups).q, opts);
		expect(result.groups).toEqual(groups);
		const s = result.areas[0].statements[0];
		expect(Object.keys(s.dontKnow)).toEqual(groups);
		expect(s.dontKnow).toEqual({ executive: 1, sales_person: 0, sales_support: null });
		expect(result.areas[0].cases).toBe(120); // the sales people and the managers answered a_1 1–5
		expect(result.areas[1].statements[1].notUsed).toHaveProperty('sales_support', null);
	});

	it('correlates areas over respondents’ area means, a respondent counting where both areas have one', () => {
		const answer = (i: number): Answer[] => {
			const a = pattern(i);
			if (i % 7 === 0) a.splice(0, 3, 0, 0, 0);
			return a;
		};
		const { q, all } = population(3, 20, answer);
		const mean = (xs: Answer[]) => {
			const s = xs.filter((v): v is number => v !== null && v >= 1);
			return s.length ? s.reduce((x, y) => x + y) / s.length : null;
		};
		const both = all.map((a) => [mean(a.slice(0, 3)), mean(a.slice(3))]).filter(([x, y]) => x !== null && y !== null) as number[][];
		const r = pearsonOf(
			both.map((p) => p[0]),
			both.map((p) => p[1])
		)!;
		const c = summarize(q, opts).correlations;
		expect(c[0][1]).toBeCloseTo(r, 12);
		expect(c[1][0]).toBe(c[0][1]);
		expect([c[0][0], c[1][1]]).toEqual([1, 1]);
	});

	it('refuses responses that do not come grouped by organization (the organization count would be wrong)', () => {
		const q = emptyQuality(shape, GROUPS);
		addResponse(q, { organization: 'x', role: 'sales_person', answers: pattern(1) });
		addResponse(q, { organization: 'y', role: 'sales_person', answers: pattern(2) });
		expect(() => addResponse(q, { organization: 'x', role: 'sales_person', answers: pattern(3) })).toThrow(/grouped/);
	});

	it('does not count one organization’s many respondents as enough organizations for a figure', () => {
		// 3 organizations in all, but only one of them has sales managers (40 of them).
		const q = emptyQuality(shape, GROUPS);
		for (let o = 0; o < 3; o++)
			for (let p = 0; p < 40; p++) addResponse(q, { organization: `o${o}`, role: o === 0 ? 'sales_manager' : 'sales_person', answers: pattern(p) });
		const s = summarize(q, opts).areas[0];
		expect(s.dontKnow.sales_manager).toBeNull();
		expect(s.dontKnow.sales_person).toBeNull(); // two organizations only
		expect(s.alpha).not.toBeNull();
	});
});
