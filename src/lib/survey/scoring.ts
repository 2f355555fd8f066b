/**
 * Scoring of one response (pure). answers[i] is the answer to statement i of the model, in model order:
 * 1–5 on the scale, 0 for "don't know", -1 for "not used in our team" (only where the model offers it),
 * null when not answered. Only answers on the scale count; a respondent's area mean needs at least half
 * of the area's statements answered on the scale, otherwise the area has no score (null) for them.
 */
export type Answer = number | null;

/** "Don't know": counted in the distribution, left out of scores. */
export const DONT_KNOW = 0;
/** "Not used in our team": offered only for the model's `notUsed` statements, counted apart, left out of scores. */
export const NOT_USED = -1;

export interface ModelShape {
	/** For each area, the indexes of its statements in the flat statement list. */
	areas: { key: string; statements: number[] }[];
	statementCount: number;
	/** Indexes of the statements that offer "not used in our team" (none when absent). */
	notUsed?: readonly number[];
	/** False when the model's scale offers no "don't know" (0 is then no answer); absent: it does. */
	dontKnow?: boolean;
}

export function isScored(a: Answer): a is number {
	return a !== null && a >= 1 && a <= 5;
}

/** Whether statement `i` offers "not used in our team". */
export const offersNotUsed = (shape: Pick<ModelShape, 'notUsed'>, i: number): boolean => shape.notUsed?.includes(i) ?? false;

/** The fewest scale answers an area of `statements` statements needs for a respondent's area mean: half, rounded up. */
export const minimumScored = (statements: number): number => Math.ceil(statements / 2);

/**
 * The mean of one area's scored answers, or null when fewer than half of its statements were answered
 * on the scale ("don't know", "not used" and unanswered do not count). Not rounded: rounding is for display.
 */
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
	return n === 0 || n < minimumScored(statements.length) ? null : sum / n;
}

export function scoreResponse(answers: Answer[], shape: ModelShape): (number | null)[] {
	return shape.areas.map((area) => areaScore(answers, area.statements));
}

/** Why one answer does not fit statement `i` of this model, or null when it does. */
export function answerProblem(a: unknown, i: number, shape: Pick<ModelShape, 'notUsed' | 'dontKnow'>): string | null {
	if (a === null) return null;
	if (typeof a !== 'number' || !Number.isInteger(a)) return 'must be a whole number';
	if (a === NOT_USED) return offersNotUsed(shape, i) ? null : 'cannot be -1 ("not used in our team"): this statement does not offer it';
	if (a === 0 && shape.dontKnow === false) return 'cannot be 0 ("don\'t know"): this model does not offer it';
	if (a < 0 || a > 5)
		return `must be 1–5${shape.dontKnow === false ? '' : ', 0 for "don\'t know"'}${offersNotUsed(shape, i) ? ', -1 for "not used in our team"' : ''} or null`;
	return null;
}

/** Problems with an answer array for this model, or null when it is well-formed. */
export function answersProblem(answers: unknown, shape: ModelShape): string | null {
	if (!Array.isArray(answers)) return 'answers must be a list';
	if (answers.length !== shape.statementCount) return `answers must have exactly ${shape.statementCount} entries (one per statement)`;
	for (const [i, a] of answers.entries()) {
		const problem = answerProblem(a, i, shape);
		if (problem) return `answer ${i + 1} ${problem}`;
	}
	return null;
}
