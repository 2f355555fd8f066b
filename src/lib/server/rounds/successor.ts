import type { Selectable } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { Database, Language } from '$lib/server/db/schema';
import { recordAudit } from '$lib/server/audit/record';
import { pickZone } from '$lib/time/zone';
import { successorSchedule } from '$lib/rounds/repeat';
import { newestVersion } from '$lib/server/models/registry';

type RoundRecord = Selectable<Database['rounds']>;

const NAME_MAX = 120;
const SEPARATOR = ' – ';

/** The organization's time zone (from its country) and the language its first admin uses, for dates and names. */
export async function organizationZoneAndLanguage(organizationId: string, executor: Db = db()): Promise<{ zone: string; language: Language }> {
	const org = await executor.selectFrom('organizations').select('country').where('id', '=', organizationId).executeTakeFirst();
	const admin = await executor
		.selectFrom('users')
		.select('language')
		.where('organization_id', '=', organizationId)
		.where('access', '=', 'admin')
		.orderBy('created_at')
		.limit(1)
		.executeTakeFirst();
	return { zone: pickZone(null, org?.country), language: admin?.language ?? 'en' };
}

/**
 * "Sales survey – August 2027": the round's name with the month the successor opens. A name this
 * function made for an earlier round in the chain loses its old month first.
 */
export function successorName(r: { name: string; repeatsFrom: string | null }, startsAt: Date, language: Language, zone: string): string {
	const cut = r.repeatsFrom ? r.name.lastIndexOf(SEPARATOR) : -1;
	const base = cut > 0 ? r.name.slice(0, cut) : r.name;
	const month = new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { month: 'long', year: 'numeric', timeZone: zone }).format(startsAt);
	const suffix = `${SEPARATOR}${month}`;
	return `${base.slice(0, NAME_MAX - suffix.length).trimEnd()}${suffix}`;
}

/**
 * Creates the next round of a repeating round (in the caller's transaction, which holds the round's row
 * lock): scheduled, with the same model in its newest version (a new round, as new rounds default to it;
 * the trend continues across versions), k, participant choice, questions and repeat, every date moved
 * on by the interval. The participant choice is kept as a choice, so the successor invites whoever it
 * covers on the day it opens. At most one successor per round (a unique constraint): returns its id, or
 * null when the round does not repeat or already has one.
 */
export async function createSuccessor(r: RoundRecord, now: Date, executor: Db = db()): Promise<string | null> {
	if (!r.repeat_months) return null;
	const { zone, language } = await organizationZoneAndLanguage(r.organization_id, executor);
	const s = successorSchedule({ startsAt: r.starts_at, endsAt: r.ends_at, publishAt: r.publish_at, reminders: r.reminders }, r.repeat_months, zone, now);
	const name = successorName({ name: r.name, repeatsFrom: r.repeats_from }, s.startsAt, language, zone);
	const modelVersion = (await newestVersion(r.model_id)) ?? r.model_version;
	const row = await executor
		.insertInto('rounds')
		.values({
			organization_id: r.organization_id,
			name,
			model_id: r.model_id,
			model_version: modelVersion,
			status: 'scheduled',
			starts_at: s.startsAt,
			ends_at: s.endsAt,
			publish_at: s.publishAt,
			reminders: s.reminders,
			min_group_size: r.min_group_size,
			participants: JSON.stringify(r.participants),
			questions: JSON.stringify(r.questions ?? []),
			created_by: 'system',
			repeat_months: r.repeat_months,
			repeats_from: r.id
		})
		.onConflict((oc) => oc.columns(['organization_id', 'repeats_from']).doNothing())
		.returning('id')
		.executeTakeFirst();
	if (!row) return null;
	await recordAudit(
		{
			organizationId: r.organization_id,
			actor: 'system',
			action: 'round_repeated',
			target: name,
			details: { from: r.name, repeatMonths: r.repeat_months, startsAt: s.startsAt.toISOString() }
		},
		executor
	);
	return row.id;
}
