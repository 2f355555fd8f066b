import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { requireAdmin } from '$lib/server/auth/policies';
import { ConflictError, NotFoundError } from '$lib/server/errors';
import { isUuid } from '$lib/server/validation';
import { recordAudit } from '$lib/server/audit/record';
import { getRound, type RoundRow } from './queries';

/**
 * Stops a scheduled round before it opens (e.g. one a repeat created that is not wanted this time): it
 * becomes a draft again, opens no more and invites nobody; an admin may launch it again later. Admins only.
 */
export async function unscheduleRound(opts: { organizationId: string; actor: Actor; roundId: string }, executor: Db = db()): Promise<RoundRow> {
	const { organizationId } = requireAdmin(opts.actor);
	if (organizationId !== opts.organizationId || !isUuid(opts.roundId)) throw new NotFoundError('round');
	await executor.transaction().execute(async (trx) => {
		const r = await trx
			.selectFrom('rounds')
			.select(['status', 'name'])
			.where('organization_id', '=', organizationId)
			.where('id', '=', opts.roundId)
			.forUpdate()
			.executeTakeFirst();
		if (!r) throw new NotFoundError('round');
		if (r.status !== 'scheduled')
			throw new ConflictError('round_state', `A ${r.status} round cannot be stopped: only a scheduled round that has not opened can.`);
		// Launched again later by an admin, it needs no notice that it is coming.
		await trx
			.updateTable('rounds')
			.set({ status: 'draft', notice_sent: true })
			.where('organization_id', '=', organizationId)
			.where('id', '=', opts.roundId)
			.execute();
		await recordAudit({ organizationId, actor: opts.actor.label, action: 'round_unscheduled', target: r.name }, trx);
	});
	return getRound({ organizationId, roundId: opts.roundId }, executor);
}
