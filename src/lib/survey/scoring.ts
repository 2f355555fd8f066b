/**
 * Scoring of one response (pure). answers[i] is the answer to statement i of the model, in model order:
 * 1–5 on the scale, 0 for "don't know", null when not answered. "Don't know" and unanswered statements
 * are left out; an area with no scored answer has no score (null).
 */
export type Answer = number | null;

export interface ModelShape {
	/** For each area, the indexes of its statements in the flat statement list. */
	areas: { key: string; statements: number[] }[];
	statementCount: number;
}

export function isScored(a: Answer): a is number {
	return a !== null && a >= 1 && a <= 5;
}

/** The mean of one area's scored answers, or null. Not rounded: rounding is for display. */
export function areaScore(answers: Answer[], statements: number[]): number | null {
	let sum = 0;
	let n = 0;
	for (const i of statements) {
		const a = answers[i] ?? null;
		if (isScored(a)) {
			sum += a;
			n++;
		}
	}
	return n === 0 ? null : sum / n;
}

export function scoreResponse(answers: Answer[], shape: ModelShape): (number | null)[] {
	return shape.areas.map((area) => areaScore(answers, area.statements));
}

/** Problems with an answer array for this model, or null when it is well-formed. */
export function answersProblem(answers: unknown, shape: ModelShape): string | null {
	if (!Array.isArray(answers)) return 'answers must be a list';
	if (answers.length !== shape.statementCount) return `answers must have exactly ${shape.statementCount} entries (one per statement)`;
	for (const [i, a] of answers.entries()) {
		if (a === null) continue;
		if (typeof a !== 'number' || !Number.isInteger(a) || a < 0 || a > 5) return `answer ${i + 1} must be 1–5, 0 for "don't know", or null`;
	}
	return null;
}
