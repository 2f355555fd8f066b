import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { Language } from '$lib/server/db/schema';
import { sendEmail } from '$lib/server/email/send';
import { actionAssignedEmail, actionDueEmail } from '$lib/server/email/action-templates';

/** Days before the due date that an owner is reminded of an open action. */
export const DUE_REMINDER_DAYS = 3;

interface Pending {
	organization_id: string;
	id: string;
	title: string;
	due_on: string | null;
	created_by: string;
	unit_name: string;
	organization_name: string;
	email: string;
	language: Language;
	kind: 'assigned' | 'due';
}

/** An open action whose owner is to get an email: just assigned, or due in a few days and not yet reminded. */
const due = (today: string) => sql<boolean>`a.status IN ('planned', 'in_progress') AND (a.assignment_pending
	OR (NOT a.due_reminder_sent AND a.due_on <= ${today}::date + ${DUE_REMINDER_DAYS}::int AND a.due_on >= ${today}::date))`;

/**
 * Sends one pending owner email, if any: "assigned to you" first, then "due in a few days" for open
 * actions. The flag is cleared in the transaction holding the action's row lock, so several instances
 * can sweep at once without sending anything twice.
 */
async function sendOne(organizationId: string, origin: string, today: string, executor: Db = db()): Promise<boolean> {
	return executor.transaction().execute(async (trx) => {
		const rows = await sql<Pending>`
			SELECT a.organization_id, a.id, a.title, to_char(a.due_on, 'YYYY-MM-DD') AS due_on, COALESCE(c.name, a.created_by) AS created_by,
				COALESCE(u.name, o.name) AS unit_name, o.name AS organization_name, w.email, w.language,
				CASE WHEN a.assignment_pending THEN 'assigned' ELSE 'due' END AS kind
			FROM actions a
			JOIN users w ON w.organization_id = a.organization_id AND w.id = a.owner_id
			LEFT JOIN units u ON u.organization_id = a.organization_id AND u.id = a.unit_id
			JOIN organizations o ON o.id = a.organization_id
			LEFT JOIN users c ON c.organization_id = a.organization_id AND c.email = a.created_by
			WHERE a.organization_id = ${organizationId} AND ${due(today)}
			ORDER BY a.assignment_pending DESC, a.due_on
			LIMIT 1
			FOR UPDATE OF a SKIP LOCKED`.execute(trx);
		const p = rows.rows[0];
		if (!p) return false;
		const mail = {
			link: `${origin}/app/actions/${p.id}`,
			title: p.title,
			unit: p.unit_name,
			organization: p.organization_name,
			dueOn: p.due_on,
			by: p.created_by
		};
		const built = p.kind === 'assigned' ? actionAssignedEmail(p.language, mail) : actionDueEmail(p.language, { ...mail, dueOn: p.due_on! });
		await sendEmail({ to: p.email, ...built, link: mail.link });
		// The assignment email names the due date, so a due date already close needs no second email.
		const soon = p.due_on !== null && p.due_on <= addDays(today, DUE_REMINDER_DAYS);
		const done = p.kind === 'assigned' ? { assignment_pending: false, ...(soon && { due_reminder_sent: true }) } : { due_reminder_sent: true };
		await trx.updateTable('actions').set(done).where('organization_id', '=', p.organization_id).where('id', '=', p.id).execute();
		return true;
	});
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Organizations with an owner email to send (the jobs' fan-out: one emails job each). */
export async function organizationsWithActionEmails(now = new Date(), executor: Db = db()): Promise<string[]> {
	const today = now.toISOString().slice(0, 10);
	const rows = await sql<{ organization_id: string }>`SELECT DISTINCT a.organization_id FROM actions a WHERE ${due(today)}`.execute(executor);
	return rows.rows.map((r) => r.organization_id);
}

/** One organization's sweep of owner emails (its emails job); returns how many were sent. */
export async function sendActionEmails(opts: { organizationId: string; origin: string; now?: Date; max?: number }, executor: Db = db()): Promise<number> {
	const today = (opts.now ?? new Date()).toISOString().slice(0, 10);
	let sent = 0;
	while (sent < (opts.max ?? 200) && (await sendOne(opts.organizationId, opts.origin, today, executor))) sent++;
	return sent;
}
