import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import type { BoardCell } from '$lib/kpis/board';
import type { KpiDefinition } from '$lib/kpis/definition';
import { div, q, sign, toFixed } from '$lib/kpis/rational';
import { kpiBoard } from './board';
import { ORGANIZATION, type BoardAccess } from './board-access';

/**
 * A unit's attainment of a KPI from its board cell: year-to-date actual ÷ plan where the KPI is graded
 * year-to-date (the months with both, as the alarm takes them), else the month's (a stock such as pipeline
 * coverage). Null without both, or with a plan that is not above zero. Exact until the last step.
 */
export function attainmentOf(cell: BoardCell): number | null {
	const plan = cell.ytd ? cell.ytd.plan : cell.plan;
	const actual = cell.ytd ? cell.ytd.actual : cell.actual;
	if (plan === null || actual === null || sign(q(plan)) <= 0) return null;
	return Number(toFixed(div(q(actual), q(plan)), 9));
}

/**
 * The attainment of one KPI at a month for each of the given units (the leaf teams the results show):
 * each is a row of its parent's board, so the database rolls up the team with its people exactly as the
 * board does — one board per parent, not per team. Units that are gone from the tree, or whose parent the
 * caller may not open on the board, have none.
 */
export async function attainments(
	opts: { actor: Actor; access: BoardAccess; unitIds: string[]; kpi: KpiDefinition; month: string },
	executor: Db = db()
): Promise<Map<string, number>> {
	const byId = new Map(opts.access.units.map((u) => [u.id, u]));
	const mayOpen = (parent: string | null) => (opts.access.open ? parent !== null && opts.access.open.has(parent) : true);
	const parents = new Set<string | null>();
	for (const id of opts.unitIds) {
		const u = byId.get(id);
		if (u && mayOpen(u.parentId)) parents.add(u.parentId);
	}
	const wanted = new Set(opts.unitIds);
	const out = new Map<string, number>();
	const boards = await Promise.all([...parents].map((p) => kpiBoard({ actor: opts.actor, unitId: p ?? ORGANIZATION, month: opts.month }, executor)));
	for (const board of boards)
		for (const row of board.rows) {
			const cell = row.kind === 'unit' && row.id && wanted.has(row.id) ? row.cells.find((c) => c.kpi === opts.kpi.key) : undefined;
			const a = cell ? attainmentOf(cell) : null;
			if (a !== null) out.set(row.id!, a);
		}
	return out;
}
