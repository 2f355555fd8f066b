/**
 * How sure a score is (pure): a 90 % interval around an area score, whether it contains the benchmark,
 * and whether a change between two rounds is clear. All of it over respondents' area means: their
 * number n, sum and sum of squares (GroupStats' areaN, areaSum, areaSumSq), so a group's figures stay
 * sums that add up over units. The interval is centred on the score as shown; its half-width is
 * t(0.95, n − 1) · sd / √n (Student's t, sd the sample standard deviation of the area means). Bounds
 * and verdicts are decided on the figures as shown (2 decimals), as colours are.
 */
import { round2 } from './colour';
import { tQuantile } from './student-t';

/** The confidence level of every interval SOS shows. */
export const LEVEL = 0.9;

/** Respondents' area means of one group: how many, their sum and their sum of squares. */
export interface Spread {
	n: number;
	sum: number;
	sumSq: number;
}

export interface Interval {
	low: number;
	high: number;
}

/** The sample variance of the area means (n − 1 in the denominator); null below two. */
export function variance(s: Spread): number | null {
	if (s.n < 2) return null;
	// Sums of squares minus the squared sum lose digits: a group that all answered alike can come out a hair below zero.
	return Math.max(0, (s.sumSq - (s.sum * s.sum) / s.n) / (s.n - 1));
}

/** The two-sided t quantile for the level (for 90 %: t(0.95, df)). */
const critical = (df: number, level: number) => tQuantile(1 - (1 - level) / 2, df);

/** The interval around a score (`center`, the score as shown); null without a score or with fewer than two area means. */
export function meanInterval(center: number | null, s: Spread | null, level = LEVEL): Interval | null {
	const v = s ? variance(s) : null;
	if (center === null || s === null || v === null) return null;
	const half = (critical(s.n - 1, level) * Math.sqrt(v)) / Math.sqrt(s.n);
	const c = round2(center);
	return { low: round2(c - half), high: round2(c + half) };
}

/** Whether the interval (as shown) contains the benchmark (as shown): the score cannot be told apart from it. */
export function inLine(interval: Interval | null, benchmark: number | null): boolean {
	if (interval === null || benchmark === null) return false;
	const b = round2(benchmark);
	return interval.low <= b && b <= interval.high;
}

export type Verdict = 'improvement' | 'decline' | 'unclear';

export interface Change {
	/** After minus before, between the scores as shown. */
	difference: number;
	/** Its 90 % interval (Welch: two independent groups with their own variances). */
	low: number;
	high: number;
	/** An improvement or a decline only when the interval excludes zero; otherwise no clear change. */
	verdict: Verdict;
}

/**
 * The change of a score between two rounds (two independent groups of respondents): the difference of
 * the scores as shown and Welch's interval around it, t with the Welch–Satterthwaite degrees of
 * freedom. Null when either side lacks a score or a variance.
 */
export function changeBetween(
	before: { score: number | null; spread: Spread | null },
	after: { score: number | null; spread: Spread | null },
	level = LEVEL
): Change | null {
	const v1 = before.spread ? variance(before.spread) : null;
	const v2 = after.spread ? variance(after.spread) : null;
	if (before.score === null || after.score === null || v1 === null || v2 === null) return null;
	const n1 = before.spread!.n;
	const n2 = after.spread!.n;
	const difference = round2(round2(after.score) - round2(before.score));
	const a = v1 / n1;
	const b = v2 / n2;
	const se = Math.sqrt(a + b);
	// Both groups without any spread: the difference is all there is.
	const half = se === 0 ? 0 : critical((a + b) ** 2 / ((a * a) / (n1 - 1) + (b * b) / (n2 - 1)), level) * se;
	const low = round2(difference - half);
	const high = round2(difference + half);
	return { difference, low, high, verdict: low > 0 ? 'improvement' : high < 0 ? 'decline' : 'unclear' };
}
