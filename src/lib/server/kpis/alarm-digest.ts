import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { Access, Language } from '$lib/server/db/schema';
import { sendEmail } from '$lib/server/email/send';
import { kpiAlarmDigestEmail, type AlarmLine } from '$lib/server/email/kpi-alarm-templates';
import { organizationZoneAndLanguage } from '$lib/server/rounds/successor';
import { subtreeIds } from '$lib/server/units/tree';
import { monthKey, type Month } from '$lib/kpis/month';
import { listKpis, type KpiRow } from './definitions';
import type { BoardUnit } from './board-access';
import { unitAlarms, type UnitAlarm } from './alarm-grades';
import { changeVersion, monthToGrade, recordCheck } from './alarm-checks';

interface Owner {
	id: string;
	email: string;
	name: string;
	language: Language;
	access: Access;
	unitId: string | null;
	scopeUnitId: string | null;
}

/** The units whose alarms an owner may hear of: those the board opens for them (boardAccess), null standing for the top. */
function mayHear(owner: Owner, units: BoardUnit[]): (unitId: string | null) => boolean {
	if (owner.access === 'admin') return () => true;
	const open = owner.scopeUnitId ? subtreeIds(units, owner.scopeUnitId) : new Set(owner.unitId ? [owner.unitId] : []);
	return (unitId) => unitId !== null && open.has(unitId);
}

/**
 * Records the owner's alarms not yet told and sends them one email with those, in one transaction under
 * the organization's digest lock: a second run (another instance) waits, then records nothing and sends
 * nothing. An alarm is told once per level: amber, and red again if it turns red; not amber after red.
 */
async function tellOwner(
	opts: { organizationId: string; owner: Owner; month: Month; alarms: UnitAlarm[]; lines: (a: UnitAlarm[]) => AlarmLine[]; link: string },
	executor: Db
): Promise<boolean> {
	const { organizationId, owner, alarms } = opts;
	const day = `${monthKey(opts.month)}-01`;
	return executor.transaction().execute(async (trx) => {
		await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`kpi-alarms:${organizationId}`}, 0))`.execute(trx);
		const { rows } = await sql<{ kpi_id: string; unit_id: string | null; level: string }>`
			INSERT INTO kpi_alarm_notices (organization_id, kpi_id, unit_id, month, level, owner_id)
			SELECT ${organizationId}::uuid, a.kpi_id, a.unit_id, ${day}::date, a.level, ${owner.id}::uuid
			FROM unnest(${alarms.map((a) => a.kpiId)}::uuid[], ${alarms.map((a) => a.unitId)}::uuid[], ${alarms.map((a) => a.level)}::text[]) AS a (kpi_id, unit_id, level)
			WHERE a.level = 'red' OR NOT EXISTS (
				SELECT 1 FROM kpi_alarm_notices n WHERE n.organization_id = ${organizationId}::uuid AND n.kpi_id = a.kpi_id
					AND n.unit_id IS NOT DISTINCT FROM a.unit_id AND n.month = ${day}::date AND n.level = 'red')
			ON CONFLICT DO NOTHING
			RETURNING kpi_id, unit_id, level`.execute(trx);
		if (!rows.length) return false;
		const told = alarms.filter((a) => rows.some((r) => r.kpi_id === a.kpiId && r.unit_id === a.unitId && r.level === a.level));
		const link = `${opts.link}?month=${monthKey(opts.month)}`;
		await sendEmail({ to: owner.email, link, ...kpiAlarmDigestEmail(owner.language, { name: owner.name, month: opts.month, link, alarms: opts.lines(told) }) });
		return true;
	});
}

/**
 * One organization's KPI alarm digest (its emails job): once the month's actuals are in (monthToGrade),
 * the board is graded on every unit, and each KPI owner gets one email with the new amber and red alarms
 * of their KPIs on the units they may see. Returns how many emails were sent.
 */
export async function sendKpiAlarmDigests(opts: { organizationId: string; origin: string; now?: Date }, executor: Db = db()): Promise<number> {
	const { organizationId, origin } = opts;
	const now = opts.now ?? new Date();
	const { version, due } = await changeVersion(organizationId, now, executor);
	if (!due) return 0;
	const { zone } = await organizationZoneAndLanguage(organizationId, executor);
	const all = await listKpis({ organizationId }, executor);
	const kpis = all.filter((k) => k.definition.alarm.month || k.definition.alarm.ytd);
	const owners = await ownersOf(organizationId, kpis, executor);
	const { month, recheckAt } = await monthToGrade(organizationId, now, zone, executor);
	let sent = 0;
	if (month && owners.length) {
		const units = await executor.selectFrom('units').select(['id', 'parent_id as parentId', 'name']).where('organization_id', '=', organizationId).execute();
		const org = await executor.selectFrom('organizations').select('name').where('id', '=', organizationId).executeTakeFirstOrThrow();
		const alarms = await unitAlarms({ organizationId, month, kpis: all, units }, executor);
		const unitName = new Map(units.map((u) => [u.id as string | null, u.name])).set(null, org.name);
		for (const owner of owners) {
			const mine = new Set(kpis.filter((k) => k.owner?.id === owner.id).map((k) => k.id));
			const hears = mayHear(owner, units);
			const theirs = alarms.filter((a) => mine.has(a.kpiId) && hears(a.unitId));
			if (!theirs.length) continue;
			const lines = (told: UnitAlarm[]) => alarmLines(told, all, unitName, origin, month);
			if (await tellOwner({ organizationId, owner, month, alarms: theirs, lines, link: `${origin}/app/kpis` }, executor)) sent++;
		}
	}
	await recordCheck(organizationId, version, recheckAt, executor);
	return sent;
}

/** The owners of these KPIs who may still own one (active viewers and admins of the organization). */
async function ownersOf(organizationId: string, kpis: KpiRow[], executor: Db): Promise<Owner[]> {
	const ids = [...new Set(kpis.flatMap((k) => (k.owner ? [k.owner.id] : [])))];
	if (!ids.length) return [];
	return executor
		.selectFrom('users')
		.select(['id', 'email', 'name', 'language', 'access', 'unit_id as unitId', 'scope_unit_id as scopeUnitId'])
		.where('organization_id', '=', organizationId)
		.where('id', 'in', ids)
		.where('access', 'in', ['viewer', 'admin'])
		.where('deactivated_at', 'is', null)
		.orderBy('id')
		.execute();
}

/** What the email lists, in the board's order (KPI, then the top before the units by name). */
function alarmLines(told: UnitAlarm[], kpis: KpiRow[], unitName: Map<string | null, string>, origin: string, month: Month): AlarmLine[] {
	const position = new Map(kpis.map((k, i) => [k.id, i]));
	const byId = new Map(kpis.map((k) => [k.id, k.definition]));
	const name = (a: UnitAlarm) => (a.unitId === null ? '' : (unitName.get(a.unitId) ?? ''));
	return [...told]
		.sort((a, b) => position.get(a.kpiId)! - position.get(b.kpiId)! || name(a).localeCompare(name(b)))
		.map((a) => ({
			kpi: byId.get(a.kpiId)!,
			unit: unitName.get(a.unitId) ?? '',
			level: a.level,
			cell: a.cell,
			review: `${origin}/app/kpis/review?unit=${a.unitId ?? 'organization'}&month=${monthKey(month)}`
		}));
}
