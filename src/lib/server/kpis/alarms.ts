import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { CHECKS, type BoardRow, type KpiBoard } from '$lib/kpis/board';
import { kpiBoard } from './board';

export interface BoardAlarm {
	kpi: string;
	/** The board row alarmed: the chosen unit's total, a child unit (with its subtree), the unit's own figures, or a person. */
	row: Pick<BoardRow, 'kind' | 'id' | 'name'>;
	measure: (typeof CHECKS)[number];
	level: 'red' | 'amber';
	plan: string | null;
	actual: string | null;
	deviationPct: string | null;
}

/** The red and amber checks of a board, row by row in the board's order (total first), then by KPI and measure (pure). */
export function alarmsOf(board: KpiBoard): BoardAlarm[] {
	const out: BoardAlarm[] = [];
	for (const row of [board.total, ...board.rows])
		for (const cell of row.cells)
			for (const measure of CHECKS) {
				const check = cell[measure];
				if (check?.status !== 'red' && check?.status !== 'amber') continue;
				const { plan, actual, deviationPct } = check;
				out.push({ kpi: cell.kpi, row: { kind: row.kind, id: row.id, name: row.name }, measure, level: check.status, plan, actual, deviationPct });
			}
	return out;
}

/** The alarms of a unit's board at a month, with the same access, defaults and figures as the board. */
export async function kpiAlarms(opts: { actor: Actor; unitId?: string | null; month?: string | null }, executor: Db = db()) {
	const board = await kpiBoard(opts, executor);
	return { month: board.month, zone: board.zone, unit: board.unit, alarms: alarmsOf(board) };
}
