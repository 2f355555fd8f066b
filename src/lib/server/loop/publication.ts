import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { Access, Language } from '$lib/server/db/schema';
import { sendEmail } from '$lib/server/email/send';
import { resultsPublishedEmail } from '$lib/server/email/loop-templates';
import { unitActionTitles } from '$lib/server/actions/queries';

/**
 * After publication (rounds/advance.ts sets results_notice_due in the transaction that publishes): every
 * invitation of the round is marked for one email, in a transaction of its own — never the one that
 * rewrote the round's answers at close, so no invitation shares their transaction id. All of them,
 * answered or not: the flag knows nothing of who answered.
 */
async function markResultsNotices(organizationId: string, executor: Db): Promise<void> {
	await executor.transaction().execute(async (trx) => {
		const due = await trx
			.selectFrom('rounds')
			.select('id')
			.where('organization_id', '=', organizationId)
			.where('results_notice_due', '=', true)
			.where('status', '=', 'published')
			.forUpdate()
			.skipLocked()
			.execute();
		if (due.length === 0) return;
		const ids = due.map((r) => r.id);
		await trx
			.updateTable('invitations')
			.set({ results_notice_pending: true })
			.where('organization_id', '=', organizationId)
			.where('round_id', 'in', ids)
			.execute();
		await trx.updateTable('rounds').set({ results_notice_due: false }).where('organization_id', '=', organizationId).where('id', 'in', ids).execute();
	});
}

interface Pending {
	organization_id: string;
	round_id: string;
	id: string;
	unit_id: string;
	round_name: string;
	since: Date;
	organization_name: string;
	unit_name: string | null;
	email: string | null;
	language: Language | null;
	access: Access | null;
	name: string | null;
}

/**
 * Sends one pending publication email, if any, and clears its flag in the transaction holding the
 * invitation's row lock (SKIP LOCKED: several instances sweep without sending twice). It goes to the
 * person as they are now (address, language); someone no longer in the organization (or deactivated) gets none. The
 * invitation's completion is never read, and the order (by random id) says nothing of it either.
 */
async function sendOne(organizationId: string, origin: string, executor: Db = db()): Promise<'sent' | 'skipped' | null> {
	return executor.transaction().execute(async (trx) => {
		const rows = await sql<Pending>`
			SELECT i.organization_id, i.round_id, i.id, i.unit_id, r.name AS round_name, COALESCE(r.closed_at, r.published_at) AS since,
				o.name AS organization_name, u.name AS unit_name, w.email, w.language, w.access, w.name
			FROM invitations i
			JOIN rounds r ON r.organization_id = i.organization_id AND r.id = i.round_id
			JOIN organizations o ON o.id = i.organization_id
			LEFT JOIN units u ON u.organization_id = i.organization_id AND u.id = i.unit_id
			LEFT JOIN users w ON w.organization_id = i.organization_id AND w.id = i.user_id AND w.deactivated_at IS NULL
			WHERE i.organization_id = ${organizationId} AND i.results_notice_pending AND r.status = 'published'
			ORDER BY i.id
			LIMIT 1
			FOR UPDATE OF i SKIP LOCKED`.execute(trx);
		const p = rows.rows[0];
		if (!p) return null;
		const person = p.email !== null && p.name !== null;
		if (person) {
			const titles = (unitId: string | null) => unitActionTitles({ organizationId, unitId, roundId: p.round_id, since: p.since }, trx);
			const mail = resultsPublishedEmail(p.language ?? 'en', {
				name: p.name!,
				signInLink: `${origin}/signin`, // everyone invited may sign in: participants to their home
				round: p.round_name,
				organization: p.organization_name,
				unit: p.unit_name ? { name: p.unit_name, actions: await titles(p.unit_id) } : null,
				organizationActions: await titles(null)
			});
			await sendEmail({ to: p.email!, ...mail });
		}
		await trx
			.updateTable('invitations')
			.set({ results_notice_pending: false })
			.where('organization_id', '=', p.organization_id)
			.where('round_id', '=', p.round_id)
			.where('id', '=', p.id)
			.execute();
		return person ? 'sent' : 'skipped';
	});
}

/** Organizations with a publication email to send (the jobs' fan-out: one emails job each). */
export async function organizationsWithResultsNotices(executor: Db = db()): Promise<string[]> {
	const rows = await sql<{ organization_id: string }>`
		SELECT DISTINCT i.organization_id FROM invitations i
		JOIN rounds r ON r.organization_id = i.organization_id AND r.id = i.round_id
		WHERE i.results_notice_pending AND r.status = 'published'
		UNION
		SELECT organization_id FROM rounds WHERE results_notice_due AND status = 'published'`.execute(executor);
	return rows.rows.map((r) => r.organization_id);
}

/** One organization's sweep of publication emails (its emails job), at most `max`; returns how many were sent. */
export async function sendResultsNotices(opts: { organizationId: string; origin: string; max?: number }, executor: Db = db()): Promise<number> {
	const max = opts.max ?? 500;
	await markResultsNotices(opts.organizationId, executor);
	let sent = 0;
	for (let done = 0; done < max; done++) {
		const outcome = await sendOne(opts.organizationId, opts.origin, executor);
		if (!outcome) break;
		if (outcome === 'sent') sent++;
	}
	return sent;
}
