import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { ForbiddenError, ValidationError } from '$lib/server/errors';
import type { Locale } from '$lib/i18n';
import { organizationZoneAndLanguage } from '$lib/server/rounds/successor';
import { subtreeIds } from '$lib/server/units/tree';
import { recordAudit } from '$lib/server/audit/record';
import { addMonths, lastClosedMonth, monthKey, monthSpan } from '$lib/kpis/month';
import { monthsOver, parseQuarterKey, quarterKey, quarterMonths, quarterOf, recentQuarters, type Quarter } from '$lib/kpis/quarter';
import type { BoardCell, BoardCheck, BoardKpi } from '$lib/kpis/board';
import { boardAccess, ORGANIZATION, type BoardAccess } from './board-access';
import { gradedBoard } from './board';
import { qbrScores, type QbrScores } from './qbr-scores';

export interface QbrKpi {
	kpi: BoardKpi;
	/** The quarter (to date) against its plan, graded with the year-to-date thresholds; a KPI without a year to date (a stock) its figure at the quarter's end. */
	quarter: BoardCheck | null;
	/** The quarter's figure is the last month's (a stock such as pipeline coverage), not the quarter's sum. */
	atEnd: boolean;
	ytd: BoardCheck | null;
}

export interface QbrCorrection {
	id: string;
	/** The unit whose review decided it; null: the organization as a whole. */
	unit: string | null;
	kpi: string;
	alarmMonth: string;
	correction: string;
	title: string;
	owner: string | null;
	checkOn: string | null;
	reviewMonth: string | null;
}

export interface Qbr {
	organization: string;
	unit: { id: string | null; name: string };
	quarter: { key: string; months: string[]; over: string[] };
	zone: string;
	kpis: QbrKpi[];
	/** KPIs red or amber (at the unit's total) in a month of the quarter: their cell per month (null: not over yet). */
	alarms: { kpi: BoardKpi; months: (BoardCell | null)[] }[];
	corrections: QbrCorrection[];
	scores: QbrScores;
}

/** The pack is the executives' and the managers': admins, and viewers of a unit's subtree (as the monthly review). */
function assertMayReadPack(actor: Actor): void {
	const m = actor.membership;
	if (m && (m.access === 'admin' || (m.access === 'viewer' && m.scopeUnitId))) return;
	throw new ForbiddenError('Only admins and managers with a unit can make the quarterly business review pack.');
}

function chosenQuarter(asked: string | null | undefined, lastClosed: { year: number; month: number }): Quarter {
	if (!asked) return quarterOf(lastClosed);
	const q = parseQuarterKey(asked);
	if (!q || q.year < 1900 || monthsOver(q, lastClosed).length === 0)
		throw new ValidationError('quarter: A quarter with a month that is over, like 2026-Q3', [{ path: 'quarter', message: 'Choose a quarter that has begun' }]);
	return q;
}

/**
 * The quarterly business review pack of a unit (default: where the caller starts) for a quarter (default:
 * the one of the last closed month): each KPI's quarter and year to date against plan at the quarter's end
 * (or its last month over), the red and amber alarms of its months, the corrections decided at reviews
 * of its months in the unit and below, and the unit's SOS area scores of the latest round closed by the
 * quarter's end beside the round before. Every KPI figure is the board's (rolled up by the database,
 * graded by `alarm.ts`); every score the trend's, through the viewer's part of the disclosure pattern.
 */
export async function quarterlyReview(
	opts: { actor: Actor; unitId?: string | null; quarter?: string | null; locale: Locale; now?: Date },
	executor: Db = db()
): Promise<Qbr> {
	assertMayReadPack(opts.actor);
	const organizationId = opts.actor.membership!.organizationId;
	const { zone } = await organizationZoneAndLanguage(organizationId, executor);
	const q = chosenQuarter(opts.quarter, lastClosedMonth(opts.now ?? new Date(), zone));
	const months = quarterMonths(q);
	const over = monthsOver(q, lastClosedMonth(opts.now ?? new Date(), zone));
	const through = over.at(-1)!;
	const [{ board, totalAt }, access] = await Promise.all([
		gradedBoard({ actor: opts.actor, unitId: opts.unitId, month: monthKey(through) }, executor),
		boardAccess(opts.actor, executor)
	]);
	const quarterCells = totalAt(through.month, months[0].month);
	const monthCells = over.map((m) => totalAt(m.month));
	const kpis = board.kpis
		.map((kpi, i) => ({ kpi, i }))
		.filter(({ kpi }) => kpi.alarm)
		.map(({ kpi, i }): QbrKpi => {
			const ytd = board.total.cells[i].ytd;
			return ytd ? { kpi, quarter: quarterCells[i].ytd, atEnd: false, ytd } : { kpi, quarter: board.total.cells[i].month, atEnd: true, ytd: null };
		});
	const alarms = board.kpis
		.map((kpi, i) => ({ kpi, months: months.map((_, mi) => monthCells[mi]?.[i] ?? null) }))
		.filter((a) => a.kpi.alarm && a.months.some((c) => c?.worst === 'red' || c?.worst === 'amber'));
	const end = monthSpan(months[2], zone).end;
	const [corrections, scores] = await Promise.all([
		quarterCorrections({ access, unitId: board.unit?.id ?? null, first: months[0] }, executor),
		qbrScores({ actor: opts.actor, unitId: board.unit?.id ?? ORGANIZATION, end, locale: opts.locale }, executor)
	]);
	return {
		organization: opts.actor.membership!.organizationName,
		unit: { id: board.unit?.id ?? null, name: board.unit?.name ?? board.total.name },
		quarter: { key: quarterKey(q), months: months.map(monthKey), over: over.map(monthKey) },
		zone,
		kpis,
		alarms,
		corrections,
		scores
	};
}

/** The pack for download: as `quarterlyReview`, and in the audit log like every other report export (it carries SOS scores). */
export async function exportQuarterlyReview(opts: Parameters<typeof quarterlyReview>[0], executor: Db = db()): Promise<Qbr> {
	const pack = await quarterlyReview(opts, executor);
	await recordAudit(
		{
			organizationId: opts.actor.membership!.organizationId,
			actor: opts.actor.label,
			action: 'report_exported',
			target: `${pack.unit.name} · ${pack.quarter.key}`,
			details: { format: 'pdf', pack: 'quarterly_business_review' }
		},
		executor
	);
	return pack;
}

/**
 * The corrections decided at the reviews of the quarter's months (a correction recorded without a review:
 * by its alarm's month) for the unit and the units below it the caller may open; at the top, every unit's
 * and the organization's own.
 */
async function quarterCorrections(
	opts: { access: BoardAccess; unitId: string | null; first: { year: number; month: number } },
	executor: Db
): Promise<QbrCorrection[]> {
	const { access } = opts;
	const subtree = opts.unitId === null ? null : [...subtreeIds(access.units, opts.unitId)].filter((id) => !access.open || access.open.has(id));
	const month = sql<string>`coalesce(r.month, d.alarm_month)`;
	const rows = await executor
		.selectFrom('decisions as d')
		.innerJoin('kpis as k', (j) => j.onRef('k.organization_id', '=', 'd.organization_id').onRef('k.id', '=', 'd.kpi_id'))
		.leftJoin('users as o', (j) => j.onRef('o.organization_id', '=', 'd.organization_id').onRef('o.id', '=', 'd.owner_id'))
		.leftJoin('kpi_reviews as r', (j) => j.onRef('r.organization_id', '=', 'd.organization_id').onRef('r.id', '=', 'd.review_id'))
		.leftJoin('units as u', (j) => j.onRef('u.organization_id', '=', 'd.organization_id').onRef('u.id', '=', 'd.unit_id'))
		.select(['d.id', 'u.name as unit', 'k.key as kpi', 'd.alarm_month as alarmMonth', 'd.correction', 'd.title', 'o.name as owner', 'd.check_on as checkOn'])
		.select(sql<string | null>`r.month`.as('reviewMonth'))
		.where('d.organization_id', '=', access.organizationId)
		.where(month, '>=', `${monthKey(opts.first)}-01`)
		.where(month, '<', `${monthKey(addMonths(opts.first, 3))}-01`)
		.$if(subtree !== null, (w) => w.where('d.unit_id', 'in', subtree!.length ? subtree! : ['00000000-0000-0000-0000-000000000000']))
		.orderBy(month)
		.orderBy('d.created_at')
		.execute();
	return rows.map((r) => ({
		...r,
		alarmMonth: r.alarmMonth!.slice(0, 7),
		correction: r.correction!,
		reviewMonth: r.reviewMonth?.slice(0, 7) ?? null
	}));
}

/**
 * What the pack's form offers: the last four quarters (newest first; `toDate` for one under way) and the
 * units the caller may choose, in tree order; null when the pack is not theirs.
 */
export async function qbrChoices(
	opts: { actor: Actor; now?: Date },
	executor: Db = db()
): Promise<{ quarters: { key: string; toDate: boolean }[]; units: { id: string; name: string; depth: number }[] } | null> {
	try {
		assertMayReadPack(opts.actor);
	} catch {
		return null;
	}
	const access = await boardAccess(opts.actor, executor);
	const { zone } = await organizationZoneAndLanguage(access.organizationId, executor);
	const children = new Map<string | null, BoardAccess['units']>();
	for (const u of access.units) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
	const units: { id: string; name: string; depth: number }[] = [];
	const walk = (id: string, name: string, depth: number) => {
		units.push({ id, name, depth });
		for (const c of children.get(id) ?? []) walk(c.id, c.name, depth + 1);
	};
	if (access.root === null) {
		units.push({ id: ORGANIZATION, name: opts.actor.membership!.organizationName, depth: 0 });
		for (const c of children.get(null) ?? []) walk(c.id, c.name, 1);
	} else {
		const root = access.units.find((u) => u.id === access.root);
		if (root) walk(root.id, root.name, 0);
	}
	const last = lastClosedMonth(opts.now ?? new Date(), zone);
	const quarters = recentQuarters(last).map((key) => ({ key, toDate: monthsOver(parseQuarterKey(key)!, last).length < 3 }));
	return { quarters, units };
}
