/**
 * Which advice fits an area (pure): the level by the score as shown, and the perception-gap paragraph
 * by the role split as shown. Decided on the figures as shown (2 decimals), as colours are; a figure
 * that is hidden decides nothing.
 */
import { round2 } from './colour';

export type AdviceLevel = 'basics' | 'consistent' | 'refine';
export const ADVICE_LEVELS: readonly AdviceLevel[] = ['basics', 'consistent', 'refine'];

/** Below this an area's advice is "build the basics", when the model names no `basics` threshold. */
export const DEFAULT_BASICS = 2.5;

/** Managers and sales people differ "clearly" when their shown scores are at least this far apart. */
export const CLEAR_GAP = 0.5;

export type GapPattern = 'managersHigher' | 'managersLower';

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
 * The gap pattern of an area when both roles' scores are shown: managers at least CLEAR_GAP above the
 * sales people → managersHigher, at least CLEAR_GAP below → managersLower; otherwise none.
 */
export function gapPattern(salesPeople: number | null, salesManagers: number | null): GapPattern | null {
	if (salesPeople === null || salesManagers === null) return null;
	const gap = round2(round2(salesManagers) - round2(salesPeople));
	if (gap >= CLEAR_GAP) return 'managersHigher';
	if (gap <= -CLEAR_GAP) return 'managersLower';
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
	/** The paragraph for a clear perception gap, when both roles' scores are shown. */
	gap: { pattern: GapPattern; text: string } | null;
	/** The score-independent parts of the full advice; null for a model without full advice. */
	plan: Record<PlanPhase, string[]> | null;
	agenda: string[] | null;
	kpi: { name: string; target: string; why: string } | null;
	pitfalls: string[] | null;
}

/**
 * Picks an area's advice: with full advice, the level's text by the shown score and the gap paragraph
 * by the shown role split; without it (model 1.0), the summary and actions as before.
 */
export function chooseAdvice(opts: {
	summary: string;
	actions: string[];
	full: FullAreaAdvice | null;
	score: number | null;
	thresholds: { basics?: number; high: number };
	/** The area's scores by role, as shown (null where hidden, or no row at all when the role split is hidden). */
	roles?: { salesPeople: number | null; salesManagers: number | null } | null;
}): AreaAdvice {
	const { full } = opts;
	const level = full ? adviceLevel(opts.score, opts.thresholds) : null;
	const pattern = full && opts.roles ? gapPattern(opts.roles.salesPeople, opts.roles.salesManagers) : null;
	return {
		level,
		summary: full && level ? full.levels[level] : opts.summary,
		actions: opts.actions,
		gap: full && pattern ? { pattern, text: full.gap[pattern] } : null,
		plan: full?.plan ?? null,
		agenda: full?.agenda ?? null,
		kpi: full?.kpi ?? null,
		pitfalls: full?.pitfalls ?? null
	};
}
