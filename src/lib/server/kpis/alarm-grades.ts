import { db, type Db } from '$lib/server/db';
import { subtreeIds } from '$lib/server/units/tree';
import type { BoardCell } from '$lib/kpis/board';
import type { Month } from '$lib/kpis/month';
import type { KpiRow } from './definitions';
import type { BoardUnit } from './board-access';
import { boardFigures, type FigureKpi } from './board-figures';
import { cellsOf, EMPTY_YEAR, yearsOf } from './board-combine';

export type AlarmLevel = 'amber' | 'red';

/** A KPI in alarm on a unit (with its subtree; null: the organization's top) in a month, as the board grades it. */
export interface UnitAlarm {
	kpiId: string;
	unitId: string | null;
	level: AlarmLevel;
	cell: BoardCell;
}

/**
 * Every amber and red alarm of a month on the units — the organization's top and each unit with its
 * subtree, exactly as the board shows them (its roll-up, one query per unit that has units below it, and
 * alarm.ts) — never on a person: people's figures are their managers' to discuss, not an email's.
 */
export async function unitAlarms(
	opts: { organizationId: string; month: Month; kpis: KpiRow[]; units: BoardUnit[] },
	executor: Db = db()
): Promise<UnitAlarm[]> {
	const { organizationId, month, kpis, units } = opts;
	const idOf = new Map(kpis.map((k) => [k.key, k.id]));
	const keyOf = new Map(kpis.map((k) => [k.id, k.key]));
	const figureKpis = kpis.map(({ id, definition: { rollup: r } }): FigureKpi => ({
		id,
		rollup: r.kind === 'weighted' ? { kind: 'weighted', baseId: idOf.get(r.base)! } : { kind: r.kind }
	}));
	const set = kpis.map((k) => k.definition);
	const out: UnitAlarm[] = [];
	const graded = (unitId: string | null, cells: BoardCell[]) =>
		cells.forEach((cell, i) => {
			if (cell.worst === 'amber' || cell.worst === 'red') out.push({ kpiId: kpis[i].id, unitId, level: cell.worst, cell });
		});
	const parents = [null, ...new Set(units.flatMap((u) => (u.parentId ? [u.parentId] : [])))];
	for (const parent of parents) {
		const subtree = parent === null ? undefined : [...subtreeIds(units, parent)];
		const figures = await boardFigures({ organizationId, unitId: parent, year: month.year, kpis: figureKpis, subtree }, executor);
		const years = yearsOf(figures, keyOf, month.month);
		if (parent === null) graded(null, cellsOf(set, years.get(null) ?? EMPTY_YEAR, month.month));
		for (const child of units.filter((u) => u.parentId === parent)) graded(child.id, cellsOf(set, years.get(child.id) ?? EMPTY_YEAR, month.month));
	}
	return out;
}
