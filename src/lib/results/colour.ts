/**
 * The colour of a score (pure), decided on the figures as shown (2 decimals): green when above the
 * model's high value (it overrides the rest), otherwise yellow at or above the benchmark and red below
 * it; without a benchmark, neutral. So 3.70 is never green, and a score shown equal to its benchmark
 * is yellow.
 */
export type Status = 'green' | 'yellow' | 'red' | 'neutral';

export const round2 = (x: number) => Math.round(x * 100) / 100;

/** A figure as every page, export and API answer shows it: 2 decimals (null stays null). */
export const shownFigure = (x: number | null): number | null => (x === null ? null : round2(x));

export function statusOf(score: number | null, benchmark: number | null, high: number): Status | null {
	if (score === null) return null;
	const s = round2(score);
	if (s > high) return 'green';
	if (benchmark === null) return 'neutral';
	return s >= round2(benchmark) ? 'yellow' : 'red';
}

/** The difference as shown: between the rounded figures, so that it adds up on the page. */
export function shownDifference(score: number | null, benchmark: number | null): number | null {
	return score === null || benchmark === null ? null : round2(round2(score) - round2(benchmark));
}

/** The word a status is shown with: its colour's, or "in line with the benchmark" (the colour stays). */
export type StatusWord = Status | 'inLine';

/**
 * The word beside a score: "in line with the benchmark" for a red or yellow score whose 90 % interval
 * contains the benchmark (`inLine`), else the colour's own word. Green and neutral keep theirs.
 */
export const statusWord = (status: Status | null, inLine = false): StatusWord | null =>
	status && inLine && (status === 'red' || status === 'yellow') ? 'inLine' : status;
