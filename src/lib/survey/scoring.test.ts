import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { answersProblem, areaScore, minimumScored, NOT_USED, scoreResponse, type Answer, type ModelShape } from './scoring';

const shape: ModelShape = {
	areas: [
		{ key: 'a', statements: [0, 1, 2] },
		{ key: 'b', statements: [3, 4] }
	],
	statementCount: 5,
	notUsed: [1, 4]
};

describe('scoreResponse', () => {
	it.each([
		[
			[5, 4, 3, 2, 2],
			[4, 2]
		],
		[
			[5, 0, 3, 1, null],
			[4, 1]
		], // don't know (0) and unanswered (null) are left out
		[
			[0, 0, 0, 5, 4],
			[null, 4.5]
		], // an area with only "don't know" has no score
		[
			[null, null, null, null, null],
			[null, null]
		],
		[
			[1, 1, 2, 5, 5],
			[4 / 3, 5]
		],
		[
			[5, -1, 3, 2, -1],
			[4, 2]
		], // "not used" (-1) is left out like "don't know"
		[
			[-1, -1, 4, null, null],
			[null, null]
		] // one of three answered on the scale: fewer than half
	])('%j → %j', (answers, expected) => {
		expect(scoreResponse(answers, shape)).toEqual(expected);
	});

	it('is always between 1 and 5, or null', () => {
		fc.assert(
			fc.property(fc.array(fc.oneof(fc.integer({ min: -1, max: 5 }), fc.constant(null)), { minLength: 5, maxLength: 5 }), (answers) => {
				for (const s of scoreResponse(answers, shape)) if (s !== null) expect(s >= 1 && s <= 5).toBe(true);
				expect(areaScore(answers, [])).toBeNull();
			})
		);
	});
});

describe('answersProblem', () => {
	it('accepts 0–5 and null, -1 only where the model offers "not used", rejects everything else', () => {
		expect(answersProblem([1, 2, 0, null, 5], shape)).toBeNull();
		expect(answersProblem([1, -1, 0, null, -1], shape)).toBeNull();
		expect(answersProblem([-1, 2, 0, null, 5], shape)).toMatch(/answer 1 cannot be -1 .*does not offer it/);
		expect(answersProblem([1, -1, 0, null, 5], { ...shape, notUsed: undefined })).toMatch(/answer 2 cannot be -1/);
		expect(answersProblem([1, -2, 0, null, 5], shape)).toMatch(/answer 2 must be 1–5, 0 for "don't know", -1 for "not used in our team" or null/);
		expect(answersProblem([1, 2, -3, null, 5], shape)).toMatch(/answer 3 must be 1–5, 0 for "don't know" or null/);
		expect(answersProblem([1, 2, 3], shape)).toMatch(/exactly 5/);
		expect(answersProblem([1, 2, 3, 4, 6], shape)).toMatch(/answer 5/);
		expect(answersProblem([1, 2, 3, 4, 2.5], shape)).toMatch(/answer 5/);
		expect(answersProblem([1, '2', 3, 4, 5], shape)).toMatch(/answer 2/);
	});

	it('refuses "don\u2019t know" (0) where the model’s scale offers none', () => {
		const noDontKnow = { ...shape, dontKnow: false };
		expect(answersProblem([1, 2, 3, null, 5], noDontKnow)).toBeNull();
		expect(answersProblem([1, 2, 0, null, 5], noDontKnow)).toMatch(/answer 3 cannot be 0/);
		expect(answersProblem([1, 2, 7, null, 5], noDontKnow)).toMatch(/answer 3 must be 1–5 or null/);
		expect(answersProblem('12345', shape)).toMatch(/list/);
	});
});

describe('the half-answered rule', () => {
	/** An area of `size` statements with `scored` answered 4 and the rest filled with `rest`. */
	const area = (size: number, scored: number, rest: Answer) => Array.from({ length: size }, (_, i) => (i < scored ? 4 : rest));
	const all = (size: number) => Array.from({ length: size }, (_, i) => i);

	it.each([
		[8, 4],
		[2, 1],
		[9, 5],
		[7, 4],
		[1, 1]
	])('an area of %i statements needs %i answered on the scale', (size, needed) => {
		expect(minimumScored(size)).toBe(needed);
		for (const rest of [0, NOT_USED, null]) {
			expect(areaScore(area(size, needed, rest), all(size))).toBe(4);
			expect(areaScore(area(size, needed - 1, rest), all(size))).toBeNull();
		}
	});

	it('counts "don\'t know", "not used" and unanswered alike as not answered on the scale', () => {
		// 8 statements: 4 on the scale (exactly half) with one of each of the others → scored; 3 → not.
		expect(areaScore([2, 4, 3, 5, 0, -1, null, 0], all(8))).toBe(3.5);
		expect(areaScore([2, 4, 3, 0, 0, -1, null, -1], all(8))).toBeNull();
		// 9 statements: 5 needed (4.5 rounded up).
		expect(areaScore([1, 2, 3, 4, 5, 0, -1, null, 0], all(9))).toBe(3);
		expect(areaScore([1, 2, 3, 4, 0, 0, -1, null, 0], all(9))).toBeNull();
	});
});
