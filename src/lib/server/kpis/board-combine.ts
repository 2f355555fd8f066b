import { partsOf, type KpiDefinition } from '$lib/kpis/definition';
import { kpiAlarm, type Check, type Year } from '$lib/kpis/alarm';
import { valueOf, type Totals } from '$lib/kpis/rollup';
import { q, toDecimal, toFixed, type Q } from '$lib/kpis/rational';
import type { BoardCell, BoardCheck } from '$lib/kpis/board';
import type { FigureRow } from './board-figures';

type MutableTotals = Record<string, { sum: Q | null; base: Q | null }>;
const read = (s: string | null) => (s === null ? null : q(s));

/**
 * A row's year from the database's sums: per month, plan and actual totals by KPI key (`rollup.ts`'s
 * Totals). Actuals after `month` are never graded (the run rate plans the whole year but counts actuals
 * only so far), so they are not read.
 */
export function yearsOf(rows: FigureRow[], keyOf: ReadonlyMap<string, string>, month: number): Map<string | null, Year> {
	const out = new Map<string | null, { plan: MutableTotals[]; actual: MutableTotals[] }>();
	for (const r of rows) {
		const key = keyOf.get(r.kpiId);
		if (!key) continue;
		let y = out.get(r.rowId);
		if (!y) out.set(r.rowId, (y = { plan: Array.from({ length: 12 }, () => ({})), actual: Array.from({ length: 12 }, () => ({})) }));
		const weighted = r.planWeighted !== null || r.actualWeighted !== null || r.planBase !== null || r.actualBase !== null;
		y.plan[r.month - 1][key] = weighted ? { sum: read(r.planWeighted), base: read(r.planBase) } : { sum: read(r.plan), base: null };
		if (r.month <= month)
			y.actual[r.month - 1][key] = weighted ? { sum: read(r.actualWeighted), base: read(r.actualBase) } : { sum: read(r.actual), base: null };
	}
	return out as Map<string | null, Year>;
}

export const EMPTY_YEAR: Year = { plan: Array.from({ length: 12 }, () => ({})), actual: Array.from({ length: 12 }, () => ({})) };

/** A figure as a decimal string: exact where it has a finite decimal, else to 6 decimals. */
export const decimal = (x: Q | null) => (x === null ? null : (toDecimal(x) ?? toFixed(x, 6)));

const shown = (c: Check | null): BoardCheck | null =>
	c && { status: c.status, plan: decimal(c.plan), actual: decimal(c.actual), deviationPct: decimal(c.deviationPct), missing: c.missing ?? null };

/** Each KPI's cell for one row: the month's figures and the alarm of `alarm.ts`, computed on exact numbers. */
export function cellsOf(set: KpiDefinition[], year: Year, month: number): BoardCell[] {
	const at = (t: Totals | null | undefined, def: KpiDefinition) => (t ? valueOf(def, t) : null);
	const byKey = new Map(set.map((d) => [d.key, d]));
	return set.map((def) => {
		// Only the KPI and its parts: merging the months over the whole set for every KPI would add up every other KPI too.
		const own = [def, ...partsOf(def.rollup).map(([, key]) => byKey.get(key)!)];
		const a = kpiAlarm(def, own, year, month);
		return {
			kpi: def.key,
			plan: decimal(at(year.plan[month - 1], def)),
			actual: decimal(at(year.actual[month - 1], def)),
			month: shown(a.month),
			ytd: shown(a.ytd),
			runRate: shown(a.runRate),
			worst: a.worst
		};
	});
}
