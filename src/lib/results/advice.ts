/**
 * Which advice fits an area (pure): the level by the score as shown, and the perception-gap paragraph
 * by the split of the model's gap pair (e.g. sales managers against sales people) as shown. Decided on the figures as shown (2 decimals), as colours are; a figure
 * that is hidden decides nothing.
 */
import { round2 } from './colour';

export type AdviceLevel = 'basics' | 'consistent' | 'refine';
export const ADVICE_LEVELS: readonly AdviceLevel[] = ['basics', 'consistent', 'refine'];

/** Below this an area's advice is "build the basics", when the model names no `basics` threshold. */
export const DEFAULT_BASICS = 2.5;

/** Two groups differ "clearly" when their shown scores are at least this far apart. */
export const CLEAR_GAP = 0.5;

/** The first group of the gap pair rates the area clearly higher, or clearly lower, than the second. */
export type GapPattern = 'firstHigher' | 'firstLower';

/**
 * Below `basics` → basics; from `basics` up to and including `high` → consistent; strictly above
 * `high` → refine (the same "above" as green: a score shown as 3.70 is not refined yet).
 */
export function adviceLevel(score: number | null, thresholds: { basics?: number; high: number }): AdviceLevel | null {
	if (score === null) return null;
	const s = round2(score);
	if (s > thresholds.high) return 'refine';
	return s < (thresholds.basics ?? DEFAULT_BASICS) ? 'basics' : 'consistent';
}

/**
 * The gap pattern of an area when both groups' scores are shown: the first at least CLEAR_GAP above the
 * second → firstHigher, at least CLEAR_GAP below → firstLower; otherwise none.
 */
export function gapPattern(first: number | null, second: number | null): GapPattern | null {
	if (first === null || second === null) return null;
	const gap = round2(round2(first) - round2(second));
	if (gap >= CLEAR_GAP) return 'firstHigher';
	if (gap <= -CLEAR_GAP) return 'firstLower';
	return null;
}

export type PlanPhase = 'days30' | 'days60' | 'days90';
export const PLAN_PHASES: readonly PlanPhase[] = ['days30', 'days60', 'days90'];
/** Days from today to the due date of an action planned from a step of the phase. */
export const PLAN_DAYS: Record<PlanPhase, number> = { days30: 30, days60: 60, days90: 90 };

/** An area's full advice as a model translation carries it (model 1.1 on). */
export interface FullAreaAdvice {
	levels: Record<AdviceLevel, string>;
	gap: Record<GapPattern, string>;
	plan: Record<PlanPhase, string[]>;
	agenda: string[];
	kpi: { name: string; target: string; why: string };
	pitfalls: string[];
}

/** The advice that fits one area of one unit, as every page and export shows it. */
export interface AreaAdvice {
	/** By the score as shown; null when the score is hidden or the model has no advice per level. */
	level: AdviceLevel | null;
	/** The level's advice; the area's general summary when there is no level. */
	summary: string;
	/** The area's general actions (every model version has them). */
	actions: string[];
	/** The paragraph for a clear perception gap, when both groups' scores of the model's gap pair are shown. */
	gap: { pattern: GapPattern; text: string } | null;
	/** The score-independent parts of the full advice; null for a model without full advice. */
	plan: Record<PlanPhase, string[]> | null;
	agenda: string[] | null;
	kpi: { name: string; target: string; why: string } | null;
	pitfalls: string[] | null;
}

/**
 * Picks an area's advice: with advice per level, the level's text by the shown score; with full advice,
 * also the gap paragraph by the shown split of the model's gap pair; without either (model 1.0), the
 * summary and actions as before.
 */
export function chooseAdvice(opts: {
	summary: string;
	actions: string[];
	/** The advice per level (full advice has it; a model may give it alone). */
	levels: Record<AdviceLevel, string> | null;
	full: FullAreaAdvice | null;
	score: number | null;
	thresholds: { basics?: number; high: number };
	/** The area's scores of the model's gap pair, as shown (null where hidden, or none at all when the split is hidden). */
	pair?: { first: number | null; second: number | null } | null;
}): AreaAdvice {
	const { full } = opts;
	const levels = full?.levels ?? opts.levels;
	const level = levels ? adviceLevel(opts.score, opts.thresholds) : null;
	const pattern = full && opts.pair ? gapPattern(opts.pair.first, opts.pair.second) : null;
	return {
		level,
		summary: levels && level ? levels[level] : opts.summary,
		actions: opts.actions,
		gap: full && pattern ? { pattern, text: full.gap[pattern] } : null,
		plan: full?.plan ?? null,
		agenda: full?.agenda ?? null,
		kpi: full?.kpi ?? null,
		pitfalls: full?.pitfalls ?? null
	};
}
