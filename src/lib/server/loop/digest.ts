import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { Access, Language } from '$lib/server/db/schema';
import { sendEmail } from '$lib/server/email/send';
import { actionDigestEmail } from '$lib/server/email/loop-templates';

/** The digest scope of the organization's own actions (no unit); a unit's scope is its id. */
export const WHOLE_ORGANIZATION = 'organization';
/** A unit's participants hear of its new actions at most this often. */
export const DIGEST_GAP_MS = 86_400_000;

const scopeOf = sql<string>`COALESCE(a.unit_id::text, ${WHOLE_ORGANIZATION})`;
const unitOf = (scope: string) => (scope === WHOLE_ORGANIZATION ? null : scope);
/** A new action participants may hear of: of no round, or of a published one (until then its round's publication email tells it). */
const tellable = sql<boolean>`a.digest_pending AND (a.round_id IS NULL OR EXISTS (
	SELECT 1 FROM rounds ar WHERE ar.organization_id = a.organization_id AND ar.id = a.round_id AND ar.status = 'published'))`;
/** No digest of the action's scope started in the last day, nor one still being sent. */
const due = (now: Date) => sql<boolean>`NOT EXISTS (SELECT 1 FROM action_digests d WHERE d.organization_id = a.organization_id AND d.scope = ${scopeOf}
	AND (d.sending OR d.sent_at > ${new Date(now.getTime() - DIGEST_GAP_MS)}))`;

/** The latest published round that invited anyone of the unit (of the organization, for its own actions). */
async function latestPublished(organizationId: string, unitId: string | null, executor: Db) {
	const rows = await sql<{ id: string; published_at: Date; notices_left: boolean }>`
		SELECT r.id, r.published_at, r.results_notice_due OR EXISTS (SELECT 1 FROM invitations n WHERE n.organization_id = r.organization_id AND n.round_id = r.id AND n.results_notice_pending) AS notices_left
		FROM rounds r
		WHERE r.organization_id = ${organizationId} AND r.status = 'published' AND r.published_at IS NOT NULL AND EXISTS (
			SELECT 1 FROM invitations i WHERE i.organization_id = r.organization_id AND i.round_id = r.id AND (${unitId}::uuid IS NULL OR i.unit_id = ${unitId}::uuid))
		ORDER BY r.published_at DESC
		LIMIT 1`.execute(executor);
	return rows.rows[0];
}

/**
 * Starts one scope's digest, if due: the actions added since its latest published round was published
 * (once that round's publication emails are out), for everyone that round invited. Decided in the
 * transaction holding the scope's action_digests row lock, which records the time: at most one a day.
 * Pending actions that came before that publication (its email named them) are cleared unsent.
 */
async function startOne(organizationId: string, scope: string, now: Date, executor: Db): Promise<void> {
	await executor
		.insertInto('action_digests')
		.values({ organization_id: organizationId, scope })
		.onConflict((c) => c.doNothing())
		.execute();
	await executor.transaction().execute(async (trx) => {
		const lock = await trx
			.selectFrom('action_digests')
			.select(['sent_at', 'sending'])
			.where('organization_id', '=', organizationId)
			.where('scope', '=', scope)
			.forUpdate()
			.skipLocked()
			.executeTakeFirst();
		if (!lock || lock.sending || (lock.sent_at && now.getTime() - lock.sent_at.getTime() < DIGEST_GAP_MS)) return;
		const pending = await sql<{ id: string; created_at: Date }>`
			SELECT a.id, a.created_at FROM actions a WHERE a.organization_id = ${organizationId} AND ${scopeOf} = ${scope} AND ${tellable}`.execute(trx);
		const round = await latestPublished(organizationId, unitOf(scope), trx);
		if (!pending.rows.length || round?.notices_left) return;
		const fresh = round ? pending.rows.filter((a) => a.created_at > round.published_at).map((a) => a.id) : [];
		if (round && fresh.length)
			await trx
				.updateTable('action_digests')
				.set({ sent_at: now, sending: true, round_id: round.id, action_ids: fresh, cursor: null })
				.where('organization_id', '=', organizationId)
				.where('scope', '=', scope)
				.execute();
		const ids = pending.rows.map((a) => a.id);
		await trx.updateTable('actions').set({ digest_pending: false }).where('organization_id', '=', organizationId).where('id', 'in', ids).execute();
	});
}

interface Next {
	id: string;
	email: string | null;
	language: Language | null;
	access: Access | null;
	name: string | null;
}

/**
 * Sends the next email of a digest being sent, if any: to the round's next invitee (of the unit) after
 * the cursor, in id order, as they are now (someone no longer in the organization is passed over). The
 * cursor moves on in the transaction holding the digest's row lock, so each email goes once.
 */
async function sendOne(organizationId: string, origin: string, executor: Db): Promise<'sent' | 'skipped' | null> {
	return executor.transaction().execute(async (trx) => {
		const d = await trx
			.selectFrom('action_digests')
			.select(['scope', 'round_id', 'action_ids', 'cursor'])
			.where('organization_id', '=', organizationId)
			.where('sending', '=', true)
			.limit(1)
			.forUpdate()
			.skipLocked()
			.executeTakeFirst();
		if (!d) return null;
		const unitId = unitOf(d.scope);
		const where = trx.updateTable('action_digests').where('organization_id', '=', organizationId).where('scope', '=', d.scope);
		const told = d.round_id ? await content(organizationId, d.round_id, unitId, d.action_ids, trx) : null;
		const next = told && (await nextInvitee(organizationId, d.round_id!, unitId, d.cursor, trx));
		// Everyone has it (or the round, or every action, has been deleted meanwhile): done.
		if (!next) {
			await where.set({ sending: false, round_id: null, action_ids: [], cursor: null }).execute();
			return 'skipped';
		}
		const person = next.email !== null && next.name !== null;
		if (person) {
			const signInLink = `${origin}/signin`; // participants sign in to their home too
			await sendEmail({ to: next.email!, ...actionDigestEmail(next.language ?? 'en', { ...told, name: next.name!, signInLink }) });
		}
		await where.set({ cursor: next.id }).execute();
		return person ? 'sent' : 'skipped';
	});
}

/** The round's next invitee (of the unit) after the cursor, in id order, as they are now (no email: no longer in the organization, or deactivated). */
async function nextInvitee(organizationId: string, roundId: string, unitId: string | null, cursor: string | null, executor: Db): Promise<Next | undefined> {
	const rows = await sql<Next>`
		SELECT i.id, w.email, w.language, w.access, w.name FROM invitations i
		LEFT JOIN users w ON w.organization_id = i.organization_id AND w.id = i.user_id AND w.deactivated_at IS NULL
		WHERE i.organization_id = ${organizationId} AND i.round_id = ${roundId} AND (${unitId}::uuid IS NULL OR i.unit_id = ${unitId}::uuid)
			AND (${cursor}::uuid IS NULL OR i.id > ${cursor}::uuid)
		ORDER BY i.id
		LIMIT 1`.execute(executor);
	return rows.rows[0];
}

/** What a digest tells: the round, the unit (or organization), and its actions by their current title and status; null when none is left. */
async function content(organizationId: string, roundId: string, unitId: string | null, actionIds: string[], executor: Db) {
	const names = await executor
		.selectFrom('rounds as r')
		.innerJoin('organizations as o', 'o.id', 'r.organization_id')
		.select(['r.name as round', 'o.name as organization'])
		.where('r.organization_id', '=', organizationId)
		.where('r.id', '=', roundId)
		.executeTakeFirst();
	const unit = unitId
		? await executor.selectFrom('units').select('name').where('organization_id', '=', organizationId).where('id', '=', unitId).executeTakeFirst()
		: undefined;
	const actions = actionIds.length
		? await executor
				.selectFrom('actions')
				.select(['title', 'status'])
				.where('organization_id', '=', organizationId)
				.where('id', 'in', actionIds)
				.orderBy('created_at')
				.orderBy('id')
				.execute()
		: [];
	if (!names || !actions.length) return null;
	return { round: names.round, unit: unit?.name ?? names.organization, wholeOrganization: unitId === null, actions };
}

/** Organizations with a digest to start or to go on sending (the jobs' fan-out: one emails job each). */
export async function organizationsWithDigests(now = new Date(), executor: Db = db()): Promise<string[]> {
	const rows = await sql<{ organization_id: string }>`
		SELECT DISTINCT a.organization_id FROM actions a WHERE ${tellable} AND ${due(now)}
		UNION SELECT organization_id FROM action_digests WHERE sending`.execute(executor);
	return rows.rows.map((r) => r.organization_id);
}

/**
 * One organization's digests (its emails job): starts those due, one per unit with new actions, then
 * sends their emails, at most `max`; returns how many emails were sent.
 */
export async function sendActionDigests(opts: { organizationId: string; origin: string; now?: Date; max?: number }, executor: Db = db()): Promise<number> {
	const now = opts.now ?? new Date();
	const scopes = await sql<{ scope: string }>`
		SELECT DISTINCT ${scopeOf} AS scope FROM actions a WHERE a.organization_id = ${opts.organizationId} AND ${tellable} AND ${due(now)}`.execute(executor);
	for (const { scope } of scopes.rows) await startOne(opts.organizationId, scope, now, executor);
	const max = opts.max ?? 500;
	let sent = 0;
	for (let done = 0; done < max; done++) {
		const outcome = await sendOne(opts.organizationId, opts.origin, executor);
		if (!outcome) break;
		if (outcome === 'sent') sent++;
	}
	return sent;
}
