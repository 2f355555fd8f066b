import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { assertTrialRoom } from '$lib/server/billing/limits';
import { recordAudit } from '$lib/server/audit/record';
import { ConflictError } from '$lib/server/errors';
import { getUser, type UserRow } from './queries';

/**
 * Deactivates (`active: false`) or reactivates a person. A deactivated person keeps their row and history
 * but has no membership (cannot sign in; their sessions end), is not invited to new rounds
 * (rounds/eligible.ts) and is not billable from then on (billable_presence follows by trigger).
 * Reactivating takes a place in a trial again. The last active admin cannot be deactivated.
 * Returns the user and whether anything changed.
 */
export async function setUserActive(
	opts: { organizationId: string; actor: Actor; userId: string; active: boolean },
	executor: Db = db()
): Promise<{ user: UserRow; changed: boolean }> {
	if (!executor.isTransaction) return executor.transaction().execute((trx) => setUserActive(opts, trx));
	const user = await getUser(opts, executor);
	if ((user.deactivatedAt === null) === opts.active) return { user, changed: false };
	if (!opts.active && user.access === 'admin') {
		const others = await executor
			.selectFrom('users')
			.select('id')
			.where('organization_id', '=', opts.organizationId)
			.where('access', '=', 'admin')
			.where('deactivated_at', 'is', null)
			.where('id', '!=', user.id)
			.forUpdate()
			.execute();
		if (others.length === 0) throw new ConflictError('last_admin', 'This is the only active admin of the organization. Make someone else an admin first.');
	}
	if (opts.active) await assertTrialRoom({ organizationId: opts.organizationId, adding: 1 }, executor);
	await executor
		.updateTable('users')
		.set({ deactivated_at: opts.active ? null : new Date(), updated_at: new Date() })
		.where('organization_id', '=', opts.organizationId)
		.where('id', '=', user.id)
		.execute();
	await recordAudit(
		{ organizationId: opts.organizationId, actor: opts.actor.label, action: opts.active ? 'user_reactivated' : 'user_deactivated', target: user.email },
		executor
	);
	return { user: await getUser(opts, executor), changed: true };
}
