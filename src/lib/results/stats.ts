/**
 * Counts and sums of one group of responses (pure): what a round's results are built from. Everything
 * here adds up, so a unit's figures are the sum of its sub-units'. A statement's score is the mean of
 * its scored answers; an area's score is worked out from its statements' scores (`areaScore`).
 */
import { NOT_USED, type ModelShape } from '$lib/survey/scoring';
import { round2 } from './colour';
import type { Spread } from './interval';

/** Answer distribution per statement: [don't know, 1, 2, 3, 4, 5]. */
export const DIST_WIDTH = 6;

export interface QuestionTally {
	/** Respondents who answered. */
	n: number;
	/** Scale: answers 1…5 at 0…4; single and multiple choice: how often each option was chosen. */
	counts?: number[];
	/** Number questions: the sum of the answers. */
	sum?: number;
}

export interface GroupStats {
	respondents: number;
	areaN: number[];
	areaSum: number[];
	/**
	 * Sum of the squared area means of the respondents, per area (with areaN and areaSum: the spread of
	 * the area means, for intervals). Absent in results stored before it was kept: no interval for them.
	 */
	areaSumSq?: number[];
	statementN: number[];
	statementSum: number[];
	statementDist: number[];
	/** Per statement: respondents who answered "not used in our team" (-1); apart from the distribution, left out of scores. */
	statementNotUsed: number[];
	questions: Record<string, QuestionTally>;
}

export interface ResponseLike {
	answers: (number | null)[];
	areaScores: (number | null)[];
	questionAnswers: Record<string, unknown>;
}

export interface QuestionShape {
	key: string;
	type: 'scale' | 'single' | 'multi' | 'number' | 'text';
	options: number;
}

export function emptyStats(shape: Pick<ModelShape, 'statementCount'> & { areaCount: number }): GroupStats {
	return {
		respondents: 0,
		areaN: Array(shape.areaCount).fill(0),
		areaSum: Array(shape.areaCount).fill(0),
		areaSumSq: Array(shape.areaCount).fill(0),
		statementN: Array(shape.statementCount).fill(0),
		statementSum: Array(shape.statementCount).fill(0),
		statementDist: Array(shape.statementCount * DIST_WIDTH).fill(0),
		statementNotUsed: Array(shape.statementCount).fill(0),
		questions: {}
	};
}

/** Adds one response. Unanswered statements count nowhere; "don't know" only in the distribution; "not used" (-1) only in statementNotUsed. */
export function addResponse(s: GroupStats, r: ResponseLike, questions: readonly QuestionShape[]): void {
	s.respondents++;
	r.areaScores.forEach((score, i) => {
		if (score === null || score === undefined) return;
		s.areaN[i]++;
		s.areaSum[i] += score;
		if (s.areaSumSq) s.areaSumSq[i] += score * score;
	});
	r.answers.forEach((a, i) => {
		if (a === NOT_USED) s.statementNotUsed[i]++;
		if (a === null || a === undefined || a < 0 || a > 5) return;
		s.statementDist[i * DIST_WIDTH + a]++;
		if (a >= 1) {
			s.statementN[i]++;
			s.statementSum[i] += a;
		}
	});
	for (const q of questions) {
		const value = r.questionAnswers[q.key];
		if (value === null || value === undefined || value === '') continue;
		const t = (s.questions[q.key] ??=
			q.type === 'number' || q.type === 'text' ? { n: 0 } : { n: 0, counts: Array(q.type === 'scale' ? 5 : q.options).fill(0) });
		if (!tally(t, q, value)) continue;
		t.n++;
	}
}

/** Counts one answer into its question's tally; false when the answer does not fit the question. */
function tally(t: QuestionTally, q: QuestionShape, value: unknown): boolean {
	switch (q.type) {
		case 'scale':
			if (typeof value !== 'number' || value < 1 || value > 5) return false;
			t.counts![value - 1]++;
			return true;
		case 'single':
			if (typeof value !== 'number' || value < 0 || value >= q.options) return false;
			t.counts![value]++;
			return true;
		case 'multi':
			if (!Array.isArray(value)) return false;
			for (const o of value) if (typeof o === 'number' && o >= 0 && o < q.options) t.counts![o]++;
			return true;
		case 'number':
			if (typeof value !== 'number') return false;
			t.sum = (t.sum ?? 0) + value;
			return true;
		case 'text':
			return typeof value === 'string';
	}
}

/** Adds `from` into `into` (both of the same model). */
export function addStats(into: GroupStats, from: GroupStats): void {
	into.respondents += from.respondents;
	add(into.areaN, from.areaN);
	add(into.areaSum, from.areaSum);
	// A sum of squares is known only when it is known for every part.
	if (into.areaSumSq && from.areaSumSq) add(into.areaSumSq, from.areaSumSq);
	else delete into.areaSumSq;
	add(into.statementN, from.statementN);
	add(into.statementSum, from.statementSum);
	add(into.statementDist, from.statementDist);
	add(into.statementNotUsed, from.statementNotUsed);
	for (const key in from.questions) {
		const t = from.questions[key];
		const mine = (into.questions[key] ??= { n: 0, ...(t.counts ? { counts: Array(t.counts.length).fill(0) } : {}) });
		mine.n += t.n;
		if (t.counts) add(mine.counts!, t.counts);
		if (t.sum !== undefined) mine.sum = (mine.sum ?? 0) + t.sum;
	}
}

function add(a: number[], b: readonly number[]): void {
	for (let i = 0; i < b.length; i++) a[i] += b[i];
}

export const mean = (sum: number, n: number): number | null => (n > 0 ? sum / n : null);
export const statementMean = (s: GroupStats, i: number) => mean(s.statementSum[i], s.statementN[i]);
export const distribution = (s: GroupStats, i: number) => s.statementDist.slice(i * DIST_WIDTH, (i + 1) * DIST_WIDTH);
/** How many answered "not used in our team" to statement i (0 for results stored before it was counted). */
export const notUsedCount = (s: GroupStats, i: number): number => s.statementNotUsed?.[i] ?? 0;

/** The respondents' area means of one area: their number, sum and sum of squares (null where the sum of squares was not kept). */
export const areaSpread = (s: GroupStats, area: number): Spread | null =>
	s.areaSumSq ? { n: s.areaN[area], sum: s.areaSum[area], sumSq: s.areaSumSq[area] } : null;

/**
 * An area's score: the mean of its statements' scores as shown (2 decimals), over the statements that
 * may be shown. Every figure it rests on is on the page, so it adds nothing a reader could not work
 * out already; with no "don't know" answers it equals the mean of the respondents' area means.
 */
export function areaScore(s: GroupStats, statements: readonly number[], shown: (statement: number) => boolean): number | null {
	let sum = 0;
	let n = 0;
	for (const i of statements) {
		const m = shown(i) ? statementMean(s, i) : null;
		if (m === null) continue;
		sum += round2(m);
		n++;
	}
	return n > 0 ? sum / n : null;
}
