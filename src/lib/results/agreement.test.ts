import { describe, expect, it } from 'vitest';
import { agreement, median } from './agreement';
import { isHigh, unanswered } from './unanswered';

describe('within-team agreement', () => {
	it('finds the median of a distribution, halfway between the middle answers when their number is even', () => {
		expect(median([0, 0, 1, 3, 1, 0])).toBe(3); // 2 3 3 3 4
		expect(median([5, 1, 1, 0, 1, 1])).toBe(3); // 1 2 4 5 (don't know left out): the middle two are 2 and 4 → 3
		expect(median([0, 1, 1, 0, 0, 0])).toBe(1.5); // 1 2
		expect(median([0, 0, 0, 0, 0, 0])).toBeNull();
		expect(median([7, 0, 0, 0, 0, 0])).toBeNull(); // only "don't know"
	});

	it('pools the answers within one point of each statement’s median (hand-computed)', () => {
		// Statement A: answers 1, 3, 3, 4, 5 (and 2 × don't know, left out): median 3, within one point: 3, 3, 4 → 3 of 5.
		// Statement B: answers 2, 2, 5, 5: median (2 + 5) / 2 = 3.5, within one point (2.5 … 4.5): none → 0 of 4.
		// Statement C: answers 4, 4, 4: median 4, all three within → 3 of 3.
		// Pooled: (3 + 0 + 3) / (5 + 4 + 3) = 6 / 12 = 0.5.
		const a = [2, 1, 0, 2, 1, 1];
		const b = [0, 0, 2, 0, 0, 2];
		const c = [0, 0, 0, 0, 3, 0];
		expect(agreement([a])).toBeCloseTo(3 / 5, 12);
		expect(agreement([b])).toBe(0);
		expect(agreement([a, b, c])).toBeCloseTo(0.5, 12);
	});

	it('is complete when everyone gave the same answer, and absent without answers', () => {
		expect(agreement([[0, 0, 0, 9, 0, 0]])).toBe(1);
		expect(agreement([[4, 0, 0, 0, 0, 0]])).toBeNull();
		expect(agreement([])).toBeNull();
	});
});

describe('"don’t know" and "not used" shares', () => {
	it('pools them over the statements, among all their answers (hand-computed)', () => {
		// 2 + 1 don't know among (2 + 5) + (1 + 4) = 12 answers → 3/12 = 25 %; without "not used" counts it is null.
		const dists = [
			[2, 1, 0, 2, 1, 1],
			[1, 0, 2, 0, 0, 2]
		];
		expect(unanswered(dists)).toEqual({ dontKnow: 0.25, notUsed: null });
		// 4 "not used" on the second statement: 3 don't know and 4 not used among 16 answers.
		expect(unanswered(dists, [undefined, 4])).toEqual({ dontKnow: 3 / 16, notUsed: 4 / 16 });
		expect(unanswered([])).toEqual({ dontKnow: null, notUsed: null });
	});

	it('calls a share of 20 % or more a finding', () => {
		expect(isHigh(0.2)).toBe(true);
		expect(isHigh(0.19)).toBe(false);
		expect(isHigh(null)).toBe(false);
	});
});
