import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import { sendEmail } from '$lib/server/email/send';
import { invitationEmail, reminderEmail } from '$lib/server/email/survey-templates';
import { invitationToken, surveyLink } from './links';

interface Pending {
	organization_id: string;
	round_id: string;
	id: string;
	email: string;
	language: 'en' | 'sv';
	invitation_sent: boolean;
	round_name: string;
	organization_name: string;
	ends_at: Date;
	reminders_done: number;
}

/** The invitee is not deactivated (SCIM provisioning): a person who left gets no reminder; reactivated, they are reminded again. */
const active = sql`NOT EXISTS (SELECT 1 FROM users w WHERE w.organization_id = i.organization_id AND w.id = i.user_id AND w.deactivated_at IS NOT NULL)`;

/**
 * Sends one pending invitation or reminder, if any, and records it in the same transaction that holds
 * the invitation's row lock. A participant submitting meanwhile waits for that lock, so nobody who has
 * submitted is reminded, and SKIP LOCKED lets several instances sweep without sending anything twice.
 */
async function sendOne(organizationId: string, origin: string, executor: Db = db()): Promise<boolean> {
	return executor.transaction().execute(async (trx) => {
		const rows = await sql<Pending>`
			SELECT i.organization_id, i.round_id, i.id, i.email, i.language, i.invitation_sent,
				r.name AS round_name, o.name AS organization_name, r.ends_at, r.reminders_done
			FROM invitations i
			JOIN rounds r ON r.organization_id = i.organization_id AND r.id = i.round_id
			JOIN organizations o ON o.id = i.organization_id
			WHERE i.organization_id = ${organizationId} AND r.status = 'open' AND NOT i.completed
				AND (NOT i.invitation_sent OR i.reminders_sent < r.reminders_done) AND ${active}
			ORDER BY i.invitation_sent, r.starts_at
			LIMIT 1
			FOR UPDATE OF i SKIP LOCKED`.execute(trx);
		const p = rows.rows[0];
		if (!p) return false;
		const link = surveyLink(origin, await invitationToken({ organizationId: p.organization_id, invitationId: p.id }, trx));
		const build = p.invitation_sent ? reminderEmail : invitationEmail;
		// An erased person's invitation has no address left: it counts as sent, and nothing goes out.
		if (p.email !== '')
			await sendEmail({ to: p.email, ...build(p.language, { link, round: p.round_name, organization: p.organization_name, endsAt: p.ends_at }) });
		await trx
			.updateTable('invitations')
			// An invitation sent after a reminder fell due (a draft launched late, a reminder asked for before the
			// invitations went out) stands in for that reminder: nobody gets a reminder right after the invitation.
			.set({ invitation_sent: true, reminders_sent: p.reminders_done })
			.where('organization_id', '=', p.organization_id)
			.where('round_id', '=', p.round_id)
			.where('id', '=', p.id)
			.execute();
		return true;
	});
}

/** Organizations with an invitation or reminder to send (the jobs' fan-out: one emails job each). */
export async function organizationsWithPendingEmails(executor: Db = db()): Promise<string[]> {
	const rows = await sql<{ organization_id: string }>`
		SELECT DISTINCT i.organization_id FROM invitations i
		JOIN rounds r ON r.organization_id = i.organization_id AND r.id = i.round_id
		WHERE r.status = 'open' AND NOT i.completed AND (NOT i.invitation_sent OR i.reminders_sent < r.reminders_done) AND ${active}`.execute(executor);
	return rows.rows.map((r) => r.organization_id);
}

/** Sends one organization's pending invitation and reminder emails with a few in parallel; returns how many were sent. */
export async function sendPendingEmails(
	opts: { organizationId: string; origin: string; max?: number; concurrency?: number },
	executor: Db = db()
): Promise<number> {
	const max = opts.max ?? 500;
	let sent = 0;
	const worker = async () => {
		while (sent < max && (await sendOne(opts.organizationId, opts.origin, executor))) sent++;
	};
	await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, worker));
	return sent;
}
