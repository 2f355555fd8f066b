import { describe, expect, it } from 'vitest';
import { addResponse, addStats, distribution, emptyStats, notUsedCount, statementMean, type GroupStats } from './stats';

const dims = { areaCount: 1, statementCount: 3 };
const response = (answers: (number | null)[]) => ({ answers, areaScores: [null], questionAnswers: {} });

describe('"not used in our team" in the counts', () => {
	it('is counted per statement, apart from the distribution and the scores', () => {
		const s = emptyStats(dims);
		addResponse(s, response([-1, 4, 0]), []);
		addResponse(s, response([2, -1, null]), []);
		addResponse(s, response([-1, 5, 3]), []);
		expect(s.statementNotUsed).toEqual([2, 1, 0]);
		expect([0, 1, 2].map((i) => notUsedCount(s, i))).toEqual([2, 1, 0]);
		// Left out of the statement's n, sum and mean, and of the distribution ("don't know", 1 … 5).
		expect(s.statementN).toEqual([1, 2, 1]);
		expect(statementMean(s, 0)).toBe(2);
		expect(statementMean(s, 1)).toBe(4.5);
		expect(distribution(s, 0)).toEqual([0, 0, 1, 0, 0, 0]);
		expect(distribution(s, 2)).toEqual([1, 0, 0, 1, 0, 0]);
	});

	it('adds up like every other count', () => {
		const a = emptyStats(dims);
		const b = emptyStats(dims);
		addResponse(a, response([-1, -1, 1]), []);
		addResponse(b, response([-1, 2, -1]), []);
		const total = emptyStats(dims);
		addStats(total, a);
		addStats(total, b);
		expect(total.statementNotUsed).toEqual([2, 1, 1]);
		expect(total.respondents).toBe(2);
	});

	it('reads as zero from results stored before it was counted', () => {
		const old = { ...emptyStats(dims), statementNotUsed: undefined } as unknown as GroupStats;
		expect(notUsedCount(old, 1)).toBe(0);
	});
});
