import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { Language, RepeatMonths } from '$lib/server/db/schema';
import { sendEmail } from '$lib/server/email/send';
import { roundNoticeEmail } from '$lib/server/email/round-notice-templates';
import { pickZone } from '$lib/time/zone';
import { noticeDueBy } from '$lib/rounds/repeat';

interface Due {
	organization_id: string;
	id: string;
	name: string;
	starts_at: Date;
	ends_at: Date;
	repeat_months: RepeatMonths | null;
	previous: string | null;
	organization_name: string;
	country: string;
}

/**
 * Tells the admins of one organization, once, that a round created by a repeat opens soon (NOTICE_DAYS
 * before, or at once when it opens sooner). The flag is set in the transaction that holds the round's
 * row lock while the emails go out, and SKIP LOCKED lets several instances sweep without telling twice.
 */
async function noticeOne(organizationId: string, origin: string, now: Date, executor: Db = db()): Promise<boolean> {
	return executor.transaction().execute(async (trx) => {
		const rows = await sql<Due>`
			SELECT r.organization_id, r.id, r.name, r.starts_at, r.ends_at, r.repeat_months,
				p.name AS previous, o.name AS organization_name, o.country
			FROM rounds r
			JOIN organizations o ON o.id = r.organization_id
			LEFT JOIN rounds p ON p.organization_id = r.organization_id AND p.id = r.repeats_from
			WHERE r.organization_id = ${organizationId} AND r.status = 'scheduled' AND r.repeats_from IS NOT NULL AND NOT r.notice_sent AND r.starts_at <= ${noticeDueBy(now)}
			ORDER BY r.starts_at
			LIMIT 1
			FOR UPDATE OF r SKIP LOCKED`.execute(trx);
		const d = rows.rows[0];
		if (!d) return false;
		const admins = await trx
			.selectFrom('users')
			.select(['email', 'language'])
			.where('organization_id', '=', d.organization_id)
			.where('access', '=', 'admin')
			.where('deactivated_at', 'is', null)
			.execute();
		const link = `${origin}/app/rounds/${d.id}`;
		const zone = pickZone(null, d.country);
		for (const a of admins) {
			const mail = roundNoticeEmail(a.language as Language, {
				link,
				round: d.name,
				previous: d.previous,
				organization: d.organization_name,
				startsAt: d.starts_at,
				endsAt: d.ends_at,
				repeatMonths: d.repeat_months,
				zone
			});
			await sendEmail({ to: a.email, ...mail, link });
		}
		await trx.updateTable('rounds').set({ notice_sent: true }).where('organization_id', '=', d.organization_id).where('id', '=', d.id).execute();
		return true;
	});
}

/** Organizations with a due notice of an upcoming repeated round (the jobs' fan-out: one emails job each). */
export async function organizationsWithDueNotices(now = new Date(), executor: Db = db()): Promise<string[]> {
	const rows = await executor
		.selectFrom('rounds')
		.select('organization_id')
		.distinct()
		.where('status', '=', 'scheduled')
		.where('repeats_from', 'is not', null)
		.where('notice_sent', '=', false)
		.where('starts_at', '<=', noticeDueBy(now))
		.execute();
	return rows.map((r) => r.organization_id);
}

/** Sends every due notice of one organization's upcoming repeated rounds (its emails job); returns how many rounds were announced. */
export async function sendRoundNotices(opts: { organizationId: string; origin: string; now?: Date; max?: number }, executor: Db = db()): Promise<number> {
	const now = opts.now ?? new Date();
	let sent = 0;
	while (sent < (opts.max ?? 100) && (await noticeOne(opts.organizationId, opts.origin, now, executor))) sent++;
	return sent;
}
