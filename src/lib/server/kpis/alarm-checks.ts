import { sql, type Transaction } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import { addMonths, lastClosedMonth, monthKey, monthSpan, type Month } from '$lib/kpis/month';

/** Days after a month closes that its digest waits for the actuals still missing; then it grades what is in. */
export const GRACE_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * When an organization's board is graded again for its KPI owners' digest (kpi_alarm_checks): after a
 * write of KPI values or of the KPI set (which bump `version` in their own transactions, so a digest that
 * read the version before the figures never misses a write that committed after), and when a month closes.
 */

/** Marks the organization's figures or KPIs as changed, in the writing transaction. */
export async function markKpisChanged(organizationId: string, trx: Transaction<Database>): Promise<void> {
	await sql`
		INSERT INTO kpi_alarm_checks (organization_id) VALUES (${organizationId})
		ON CONFLICT (organization_id) DO UPDATE SET version = kpi_alarm_checks.version + 1`.execute(trx);
}

/** The version a digest grades (read before the figures are), and whether a grading is due (as organizationsWithKpiAlarms finds it). */
export async function changeVersion(organizationId: string, now: Date, executor: Db = db()): Promise<{ version: number; due: boolean }> {
	const row = await executor
		.selectFrom('kpi_alarm_checks')
		.select(['version', 'checked_version', 'recheck_at'])
		.where('organization_id', '=', organizationId)
		.executeTakeFirst();
	if (!row) return { version: 0, due: true };
	const version = Number(row.version);
	return { version, due: version > Number(row.checked_version) || !row.recheck_at || row.recheck_at <= now };
}

/** Records a grading: the version it read, and when the next month closes (the next check without new figures). */
export async function recordCheck(organizationId: string, version: number, recheckAt: Date, executor: Db = db()): Promise<void> {
	await sql`
		INSERT INTO kpi_alarm_checks (organization_id, version, checked_version, recheck_at) VALUES (${organizationId}, ${version}, ${version}, ${recheckAt})
		ON CONFLICT (organization_id) DO UPDATE SET checked_version = GREATEST(kpi_alarm_checks.checked_version, EXCLUDED.checked_version), recheck_at = EXCLUDED.recheck_at`.execute(
		executor
	);
}

/**
 * Organizations with a KPI owned by someone and a board to grade: figures or KPIs changed since the last
 * grading, a month closed since, or never graded (the emails job's fan-out).
 */
export async function organizationsWithKpiAlarms(now = new Date(), executor: Db = db()): Promise<string[]> {
	const rows = await sql<{ organization_id: string }>`
		SELECT DISTINCT k.organization_id FROM kpis k
		LEFT JOIN kpi_alarm_checks c ON c.organization_id = k.organization_id
		WHERE k.owner_id IS NOT NULL AND k.archived_at IS NULL
			AND (c.organization_id IS NULL OR c.version > c.checked_version OR c.recheck_at IS NULL OR c.recheck_at <= ${now})`.execute(executor);
	return rows.rows.map((r) => r.organization_id);
}

const dayOf = (m: Month) => `${monthKey(m)}-01`;

/** The newest month up to `last` with any actual (a unit's or a person's, which counts at their unit). */
async function monthOfActuals(organizationId: string, last: Month, executor: Db): Promise<Month | null> {
	const row = await executor
		.selectFrom('kpi_values')
		.select((e) => e.fn.max('month').as('month'))
		.where('organization_id', '=', organizationId)
		.where('month', '<=', dayOf(last))
		.where('actual', 'is not', null)
		.executeTakeFirst();
	return row?.month ? { year: Number(row.month.slice(0, 4)), month: Number(row.month.slice(5, 7)) } : null;
}

/** Whether a KPI in use has a plan without an actual in the month (someone has not reported yet). */
async function actualsMissing(organizationId: string, month: Month, executor: Db): Promise<boolean> {
	const row = await executor
		.selectFrom('kpi_values as v')
		.innerJoin('kpis as k', (j) => j.onRef('k.organization_id', '=', 'v.organization_id').onRef('k.id', '=', 'v.kpi_id'))
		.select('v.kpi_id')
		.where('v.organization_id', '=', organizationId)
		.where('v.month', '=', dayOf(month))
		.where('v.plan', 'is not', null)
		.where('v.actual', 'is', null)
		.where('k.archived_at', 'is', null)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

/**
 * The month whose actuals are in, to grade: the newest closed month (in the organization's zone) with
 * actuals, once every plan of it has its actual or GRACE_DAYS after it closed (null: none yet); and when
 * to look again without new figures: when the running month closes, or the grace ends.
 */
export async function monthToGrade(organizationId: string, now: Date, zone: string, executor: Db = db()): Promise<{ month: Month | null; recheckAt: Date }> {
	const last = lastClosedMonth(now, zone);
	const recheckAt = monthSpan(addMonths(last, 1), zone).end;
	const month = await monthOfActuals(organizationId, last, executor);
	if (!month) return { month, recheckAt };
	const graceEnd = new Date(monthSpan(month, zone).end.getTime() + GRACE_DAYS * DAY_MS);
	if (now < graceEnd && (await actualsMissing(organizationId, month, executor))) return { month: null, recheckAt: graceEnd < recheckAt ? graceEnd : recheckAt };
	return { month, recheckAt };
}
