import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { Access, ActionStatus, Language } from '$lib/server/db/schema';
import { sendEmail } from '$lib/server/email/send';
import { actionDigestEmail } from '$lib/server/email/loop-templates';

/** The digest scope of the organization's own actions (no unit); a unit's scope is its id. */
export const WHOLE_ORGANIZATION = 'organization';
/** A unit's participants hear of its new actions at most this often. */
export const DIGEST_GAP_MS = 86_400_000;

const scopeOf = sql<string>`COALESCE(a.unit_id::text, ${WHOLE_ORGANIZATION})`;
/** A new action participants may hear of: of no round, or of a published one (until then its round's publication email tells it). */
const tellable = sql<boolean>`a.digest_pending AND (a.round_id IS NULL OR EXISTS (
	SELECT 1 FROM rounds ar WHERE ar.organization_id = a.organization_id AND ar.id = a.round_id AND ar.status = 'published'))`;
/** No digest of the action's scope in the last day. */
const due = (now: Date) => sql<boolean>`NOT EXISTS (SELECT 1 FROM action_digests d
	WHERE d.organization_id = a.organization_id AND d.scope = ${scopeOf} AND d.sent_at > ${new Date(now.getTime() - DIGEST_GAP_MS)})`;

interface Round {
	id: string;
	name: string;
	published_at: Date;
}

/** The latest published round that invited anyone of the unit (of the organization, for its own actions). */
async function latestPublished(organizationId: string, unitId: string | null, executor: Db): Promise<Round | undefined> {
	const rows = await sql<Round>`
		SELECT r.id, r.name, r.published_at FROM rounds r
		WHERE r.organization_id = ${organizationId} AND r.status = 'published' AND r.published_at IS NOT NULL AND EXISTS (
			SELECT 1 FROM invitations i WHERE i.organization_id = r.organization_id AND i.round_id = r.id AND (${unitId}::uuid IS NULL OR i.unit_id = ${unitId}::uuid))
		ORDER BY r.published_at DESC
		LIMIT 1`.execute(executor);
	return rows.rows[0];
}

/** The unit's name (the organization's for its own actions, or for a unit that no longer exists). */
async function scopeName(organizationId: string, unitId: string | null, executor: Db): Promise<string> {
	const unit = unitId
		? await executor.selectFrom('units').select('name').where('organization_id', '=', organizationId).where('id', '=', unitId).executeTakeFirst()
		: undefined;
	if (unit) return unit.name;
	return (await executor.selectFrom('organizations').select('name').where('id', '=', organizationId).executeTakeFirstOrThrow()).name;
}

/** Everyone that round invited (of the unit), as they are now; people no longer in the organization are left out. */
async function recipients(organizationId: string, roundId: string, unitId: string | null, executor: Db) {
	let q = executor
		.selectFrom('invitations as i')
		.innerJoin('users as w', (j) => j.onRef('w.organization_id', '=', 'i.organization_id').onRef('w.id', '=', 'i.user_id'))
		.select(['w.email', 'w.language', 'w.access', 'w.name'])
		.where('i.organization_id', '=', organizationId)
		.where('i.round_id', '=', roundId);
	if (unitId) q = q.where('i.unit_id', '=', unitId);
	return (await q.orderBy('i.id').execute()) as { email: string; language: Language; access: Access; name: string }[];
}

/**
 * One scope's digest, if due: the actions added since its latest published round was published, to
 * everyone that round invited. Runs in the transaction holding the scope's action_digests row lock
 * (SKIP LOCKED: another instance sending it is left alone), which records the time: at most one a day.
 * Pending actions that came before that publication (its email named them) are cleared unsent.
 */
async function digestOne(opts: { organizationId: string; scope: string; origin: string; now: Date }, executor: Db): Promise<boolean> {
	const { organizationId, scope, now } = opts;
	await executor
		.insertInto('action_digests')
		.values({ organization_id: organizationId, scope })
		.onConflict((c) => c.doNothing())
		.execute();
	return executor.transaction().execute(async (trx) => {
		const lock = await trx
			.selectFrom('action_digests')
			.select('sent_at')
			.where('organization_id', '=', organizationId)
			.where('scope', '=', scope)
			.forUpdate()
			.skipLocked()
			.executeTakeFirst();
		if (!lock || (lock.sent_at && now.getTime() - lock.sent_at.getTime() < DIGEST_GAP_MS)) return false;
		const unitId = scope === WHOLE_ORGANIZATION ? null : scope;
		const pending = await sql<{ id: string; title: string; status: ActionStatus; created_at: Date }>`
			SELECT a.id, a.title, a.status, a.created_at FROM actions a
			WHERE a.organization_id = ${organizationId} AND ${scopeOf} = ${scope} AND ${tellable}
			ORDER BY a.created_at, a.id`.execute(trx);
		if (!pending.rows.length) return false;
		const round = await latestPublished(organizationId, unitId, trx);
		const fresh = round ? pending.rows.filter((a) => a.created_at > round.published_at) : [];
		if (round && fresh.length) {
			const unit = await scopeName(organizationId, unitId, trx);
			for (const r of await recipients(organizationId, round.id, unitId, trx)) {
				const mail = actionDigestEmail(r.language, {
					name: r.name,
					signInLink: r.access === 'viewer' || r.access === 'admin' ? `${opts.origin}/signin` : null,
					round: round.name,
					unit,
					wholeOrganization: unitId === null,
					actions: fresh
				});
				await sendEmail({ to: r.email, ...mail });
			}
			await trx.updateTable('action_digests').set({ sent_at: now }).where('organization_id', '=', organizationId).where('scope', '=', scope).execute();
		}
		const ids = pending.rows.map((a) => a.id);
		await trx.updateTable('actions').set({ digest_pending: false }).where('organization_id', '=', organizationId).where('id', 'in', ids).execute();
		return fresh.length > 0 && round !== undefined;
	});
}

/** Organizations with a digest due (the jobs' fan-out: one emails job each). */
export async function organizationsWithDigests(now = new Date(), executor: Db = db()): Promise<string[]> {
	const rows = await sql<{ organization_id: string }>`SELECT DISTINCT a.organization_id FROM actions a WHERE ${tellable} AND ${due(now)}`.execute(executor);
	return rows.rows.map((r) => r.organization_id);
}

/** One organization's due digests (its emails job): one per unit with new actions; returns how many were sent. */
export async function sendActionDigests(opts: { organizationId: string; origin: string; now?: Date }, executor: Db = db()): Promise<number> {
	const now = opts.now ?? new Date();
	const scopes = await sql<{ scope: string }>`
		SELECT DISTINCT ${scopeOf} AS scope FROM actions a WHERE a.organization_id = ${opts.organizationId} AND ${tellable} AND ${due(now)}`.execute(executor);
	let sent = 0;
	for (const { scope } of scopes.rows) if (await digestOne({ organizationId: opts.organizationId, scope, origin: opts.origin, now }, executor)) sent++;
	return sent;
}
