import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { answersProblem, areaScore, scoreResponse, type ModelShape } from './scoring';

const shape: ModelShape = {
	areas: [
		{ key: 'a', statements: [0, 1, 2] },
		{ key: 'b', statements: [3, 4] }
	],
	statementCount: 5
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
		]
	])('%j → %j', (answers, expected) => {
		expect(scoreResponse(answers, shape)).toEqual(expected);
	});

	it('is always between 1 and 5, or null', () => {
		fc.assert(
			fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(null)), { minLength: 5, maxLength: 5 }), (answers) => {
				for (const s of scoreResponse(answers, shape)) if (s !== null) expect(s >= 1 && s <= 5).toBe(true);
				expect(areaScore(answers, [])).toBeNull();
			})
		);
	});
});

describe('answersProblem', () => {
	it('accepts 0–5 and null, rejects everything else', () => {
		expect(answersProblem([1, 2, 0, null, 5], shape)).toBeNull();
		expect(answersProblem([1, 2, 3], shape)).toMatch(/exactly 5/);
		expect(answersProblem([1, 2, 3, 4, 6], shape)).toMatch(/answer 5/);
		expect(answersProblem([1, 2, 3, 4, 2.5], shape)).toMatch(/answer 5/);
		expect(answersProblem([1, '2', 3, 4, 5], shape)).toMatch(/answer 2/);
		expect(answersProblem('12345', shape)).toMatch(/list/);
	});
});
