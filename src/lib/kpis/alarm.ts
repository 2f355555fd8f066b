/**
 * A KPI's alarm for one unit and month (pure). Three checks, each ok, amber, red or no data:
 * - month: the month's actual against its plan;
 * - ytd: January up to the month, over the months that have both a plan and an actual;
 * - runRate: the year forecast at the pace so far, Σ actual ÷ months with an actual × 12, against the
 *   annual plan (all twelve months planned); summed KPIs only, graded with the ytd thresholds.
 * Deviation = (actual − plan) ÷ |plan| × 100, and "worse" follows the direction. A check turns amber
 * (red) when the figure is worse than plan by at least the amber (red) threshold. Exact: 5 % short with
 * amber at 5 is amber. A plan of 0 has no percentage: any miss on the worse side is red, else ok. See
 * docs/kpis.md for worked examples.
 */
import type { KpiDefinition, KpiSet, Thresholds } from './definition';
import { absQ, cmp, div, mul, q, sign, sub, type Q } from './rational';
import { merge, valueOf, type Totals } from './rollup';

export const ALARM_STATUSES = ['ok', 'amber', 'red', 'no_data'] as const;
export type AlarmStatus = (typeof ALARM_STATUSES)[number];

/**
 * Each status is shown with its word and a shape besides its colour, so it reads without colour vision
 * (as results/StatusChip pairs a score's colour): on plan ●, behind ▲, far behind ■, no data ○.
 */
export const ALARM_SHAPES: Record<AlarmStatus, string> = { ok: '●', amber: '▲', red: '■', no_data: '○' };
export const alarmWordKey = (s: AlarmStatus) => `kpis.status.${s}` as const;

export interface Check {
	status: AlarmStatus;
	/** The plan compared with: the month's, year-to-date, or the annual plan (run rate). */
	plan: Q | null;
	/** The actual compared: the month's, year-to-date, or the run-rate forecast. */
	actual: Q | null;
	/** (actual − plan) ÷ |plan| × 100; null without data or when the plan is 0. */
	deviationPct: Q | null;
	/** What is missing when there is no data. */
	missing?: 'plan' | 'actual';
}

export interface KpiAlarm {
	/** Null when the KPI has no such alarm. */
	month: Check | null;
	ytd: Check | null;
	runRate: Check | null;
	/** Red, else amber, else no data (when a check lacks it), else ok: ok only when every check is on plan. */
	worst: AlarmStatus;
}

/** The year of one unit: its totals per calendar month, January first; null for a month without figures. */
export interface Year {
	plan: readonly (Totals | null)[];
	actual: readonly (Totals | null)[];
}

const HUNDRED = q(100);
const TWELVE = q(12);
const known = (t: Totals | null | undefined): t is Totals => !!t;

/** (actual − plan) ÷ |plan| × 100, exact; null when the plan is 0. */
export function deviationPct(plan: Q, actual: Q): Q | null {
	return sign(plan) === 0 ? null : div(mul(sub(actual, plan), HUNDRED), absQ(plan));
}

/** One comparison graded: how far worse than plan, against the thresholds. */
export function grade(plan: Q | null, actual: Q | null, direction: KpiDefinition['direction'], t: Thresholds): Check {
	if (plan === null) return { status: 'no_data', plan, actual, deviationPct: null, missing: 'plan' };
	if (actual === null) return { status: 'no_data', plan, actual, deviationPct: null, missing: 'actual' };
	const dev = deviationPct(plan, actual);
	const worse = (direction === 'higher' ? -1 : 1) * sign(sub(actual, plan)) > 0;
	if (!worse) return { status: 'ok', plan, actual, deviationPct: dev };
	if (dev === null) return { status: 'red', plan, actual, deviationPct: null };
	const shortfall = absQ(dev);
	const status = cmp(shortfall, q(t.redPct)) >= 0 ? 'red' : cmp(shortfall, q(t.amberPct)) >= 0 ? 'amber' : 'ok';
	return { status, plan, actual, deviationPct: dev };
}

const RANK: Record<AlarmStatus, number> = { ok: 0, no_data: 1, amber: 2, red: 3 };
export const worstOf = (statuses: AlarmStatus[]): AlarmStatus =>
	statuses.reduce<AlarmStatus>((w, s) => (RANK[s] > RANK[w] ? s : w), statuses.length ? 'ok' : 'no_data');

/** The alarm of `def` in month `month` (1–12) of a unit's year. */
export function kpiAlarm(def: KpiDefinition, set: KpiSet, year: Year, month: number): KpiAlarm {
	if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Not a month: ${month}`);
	const value = (t: Totals | null | undefined) => (t ? valueOf(def, t) : null);
	const over = (ts: (Totals | null | undefined)[]) => valueOf(def, merge(set, ts.filter(known)));
	const months = Array.from({ length: month }, (_, i) => i);
	const hasActual = (i: number) => value(year.actual[i]) !== null;
	const thisMonth = { plan: value(year.plan[month - 1]), actual: value(year.actual[month - 1]) };

	const { alarm, direction } = def;
	const monthCheck = alarm.month && grade(thisMonth.plan, thisMonth.actual, direction, alarm.month);

	let ytd: Check | null = null;
	if (alarm.ytd) {
		const matched = months.filter((i) => hasActual(i) && value(year.plan[i]) !== null);
		const current = thisMonth.actual === null ? null : over(matched.map((i) => year.actual[i]));
		ytd = grade(over(matched.map((i) => year.plan[i])), current, direction, alarm.ytd);
	}

	let runRate: Check | null = null;
	if (alarm.runRate && alarm.ytd) {
		const withActual = months.filter(hasActual);
		const planned = Array.from({ length: 12 }, (_, i) => year.plan[i]);
		const annual = planned.every((t) => value(t) !== null) ? over(planned) : null;
		const sofar = thisMonth.actual === null ? null : over(withActual.map((i) => year.actual[i]));
		const forecast = sofar === null ? null : div(mul(sofar, TWELVE), q(withActual.length));
		runRate = grade(annual, forecast, direction, alarm.ytd);
	}

	const checks = [monthCheck, ytd, runRate].filter((c): c is Check => c !== null);
	return { month: monthCheck, ytd, runRate, worst: worstOf(checks.map((c) => c.status)) };
}
