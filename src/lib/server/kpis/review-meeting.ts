import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { ORGANIZATION } from '$lib/results/view';
import { addMonths, monthKey, parseMonthKey } from '$lib/kpis/month';
import type { BoardCell, BoardKpi } from '$lib/kpis/board';
import { ownerOptions } from '$lib/server/actions/options';
import { gradedBoard } from './board';
import { correctionsOf, findReview, type CorrectionRow } from './review';

export interface ReviewAlarm {
	kpi: BoardKpi;
	month: string;
	cell: BoardCell;
	decided: CorrectionRow[];
}

/**
 * Everything the monthly review of a unit needs, in one read: the month's alarms (red and amber, each
 * with the corrections decided for it), red alarms of earlier months of the year still without a
 * correction (they stay until one is taken), last months' corrections with their check dates, what was
 * passed down, the review itself if opened, and who may own a correction.
 */
export async function reviewMeeting(opts: { actor: Actor; unitId?: string | null; month?: string | null; today?: string }, executor: Db = db()) {
	const { board, totalAt } = await gradedBoard({ actor: opts.actor, unitId: opts.unitId, month: opts.month }, executor);
	const unitId = board.unit?.id ?? ORGANIZATION;
	const [review, corrections, owners] = await Promise.all([
		findReview({ actor: opts.actor, unitId, month: board.month }, executor),
		correctionsOf({ actor: opts.actor, unitId }, executor),
		ownerOptions({ actor: opts.actor, unitId }, executor)
	]);
	const alarmsOf = (month: string, cells: BoardCell[], statuses: string[]): ReviewAlarm[] =>
		cells
			.map((cell, i) => ({ kpi: board.kpis[i], month, cell, decided: corrections.filter((c) => c.kpi === cell.kpi && c.alarmMonth === month) }))
			.filter((a) => a.kpi.alarm && statuses.includes(a.cell.worst));
	const alarms = alarmsOf(board.month, board.total.cells, ['red', 'amber']);
	// Earlier months of the same year, newest first: a KPI that was red there and has had no correction since
	// stays on the agenda (once, at its latest red month) until one is taken; one alarmed this month is above.
	const chosen = parseMonthKey(board.month)!;
	const earlierMonths = Array.from({ length: chosen.month - 1 }, (_, i) => monthKey(addMonths(chosen, -1 - i)));
	const shown = new Set(alarms.map((a) => a.kpi.key));
	const earlier: ReviewAlarm[] = [];
	for (const month of earlierMonths)
		for (const a of alarmsOf(month, totalAt(parseMonthKey(month)!.month), ['red'])) {
			const answered = corrections.some((c) => c.kpi === a.kpi.key && c.alarmMonth >= a.month);
			if (!answered && !shown.has(a.kpi.key)) {
				shown.add(a.kpi.key);
				earlier.push(a);
			}
		}
	const today = opts.today ?? new Date().toISOString().slice(0, 10);
	const toCheck = corrections.filter((c) => c.alarmMonth < board.month).map((c) => ({ ...c, due: c.checkOn !== null && c.checkOn <= today }));
	const passedDown = corrections.filter((c) => c.alarmMonth === board.month && c.passedDown).map((c) => ({ kpi: c.kpi, text: c.passedDown }));
	return { board, unitId, review, alarms, earlier, toCheck, passedDown, owners };
}
