import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { ValidationError } from '$lib/server/errors';
import { organizationZoneAndLanguage } from '$lib/server/rounds/successor';
import { lastClosedMonth, monthKey, parseMonthKey } from '$lib/kpis/month';
import { subtreeIds } from '$lib/server/units/tree';
import { listKpis } from './definitions';
import { boardAccess, chosenUnit, type BoardUnit } from './board-access';
import { boardFigures, type FigureKpi } from './board-figures';
import type { BoardCell, BoardRow, KpiBoard } from '$lib/kpis/board';
import { cellsOf, EMPTY_YEAR, yearsOf } from './board-combine';

function pathTo(units: BoardUnit[], id: string | null, root: string | null, top: string): { id: string | null; name: string }[] {
	const byId = new Map(units.map((u) => [u.id, u]));
	const out: { id: string | null; name: string }[] = [];
	for (let u = id ? byId.get(id) : undefined; u && u.id !== root;) {
		u = u.parentId ? byId.get(u.parentId) : undefined;
		if (u) out.unshift({ id: u.id, name: u.name });
	}
	if (root === null && id !== null) out.unshift({ id: null, name: top });
	return out;
}

/**
 * The alarm board: for the chosen unit (or the caller's own start) and a month (default: the last closed
 * month in the organization's time zone), each KPI's month, year-to-date and run-rate against plan for
 * the unit and for each row below it — child units, the unit's own figures, and at a team its people.
 * The database rolls up; here only each row's twelve months are graded by `alarm.ts`, exactly.
 */
export async function kpiBoard(opts: BoardOptions, executor: Db = db()): Promise<KpiBoard> {
	return (await gradedBoard(opts, executor)).board;
}

type BoardOptions = { actor: Actor; unitId?: string | null; month?: string | null; now?: Date };

/**
 * The board, and the chosen unit's total graded at any earlier month (1–12) of the same year from the same
 * figures: the query reads the whole year once, so an earlier month costs no further reading. With `from`
 * (1–12), the months before it are left out: "year to date" then counts from that month (a quarter to date).
 */
export async function gradedBoard(
	opts: BoardOptions,
	executor: Db = db()
): Promise<{ board: KpiBoard; totalAt: (month: number, from?: number) => BoardCell[] }> {
	const access = await boardAccess(opts.actor, executor);
	const { organizationId } = access;
	const unitId = chosenUnit(access, opts.unitId);
	const [{ zone }, kpis] = await Promise.all([organizationZoneAndLanguage(organizationId, executor), listKpis({ organizationId }, executor)]);
	const month = opts.month ? parseMonthKey(opts.month) : lastClosedMonth(opts.now ?? new Date(), zone);
	if (!month || month.year < 1900 || month.year > 2999) throw new ValidationError('month: A month like 2026-03');

	const idOf = new Map(kpis.map((k) => [k.key, k.id]));
	const figureKpis = kpis.map(({ id, definition: { rollup: r } }): FigureKpi => ({
		id,
		rollup: r.kind === 'weighted' ? { kind: 'weighted', baseId: idOf.get(r.base)! } : { kind: r.kind }
	}));
	const [figures, people, org] = await Promise.all([
		boardFigures({ organizationId, unitId, year: month.year, kpis: figureKpis, subtree: unitId ? [...subtreeIds(access.units, unitId)] : undefined }, executor),
		executor
			.selectFrom('users')
			.select(['id', 'name'])
			.where('organization_id', '=', organizationId)
			.$if(unitId === null, (q) => q.where('unit_id', 'is', null))
			.$if(unitId !== null, (q) => q.where('unit_id', '=', unitId))
			.$if(access.selfOnly !== null, (q) => q.where('id', '=', access.selfOnly))
			.orderBy('name')
			.execute(),
		executor.selectFrom('organizations').select('name').where('id', '=', organizationId).executeTakeFirstOrThrow()
	]);
	const set = kpis.map((k) => k.definition);
	const years = yearsOf(figures, new Map(kpis.map((k) => [k.id, k.key])), month.month);
	const row = (kind: BoardRow['kind'], id: string | null, name: string, drill = false): BoardRow => ({
		kind,
		id,
		name,
		drill,
		cells: cellsOf(set, years.get(kind === 'total' ? null : id) ?? EMPTY_YEAR, month.month)
	});

	const unit = unitId === null ? null : access.units.find((u) => u.id === unitId)!;
	const rows: BoardRow[] = [];
	if (!access.selfOnly) {
		for (const u of access.units.filter((x) => x.parentId === unitId)) rows.push(row('unit', u.id, u.name, true));
		if (unit && years.has(unit.id)) rows.push(row('own', unit.id, unit.name));
	}
	// At the top only people with figures of their own: admins and managers outside the tree have none.
	for (const p of people) if (unitId !== null || years.has(p.id)) rows.push(row('person', p.id, p.name));

	const board: KpiBoard = {
		month: monthKey(month),
		zone,
		unit: unit ? { id: unit.id, name: unit.name } : null,
		path: pathTo(access.units, unitId, access.root, org.name),
		kpis: kpis.map((k) => ({
			key: k.key,
			names: k.definition.names,
			unit: k.definition.unit,
			direction: k.definition.direction,
			alarm: !!(k.definition.alarm.month || k.definition.alarm.ytd)
		})),
		total: row('total', unit?.id ?? null, unit?.name ?? org.name),
		rows
	};
	const total = years.get(null) ?? EMPTY_YEAR;
	const since = (from: number) => ({
		plan: total.plan.map((t, i) => (i + 1 < from ? null : t)),
		actual: total.actual.map((t, i) => (i + 1 < from ? null : t))
	});
	return { board, totalAt: (m, from = 1) => cellsOf(set, from > 1 ? since(from) : total, m) };
}
