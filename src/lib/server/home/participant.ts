import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import type { ActionStatus } from '$lib/server/db/schema';
import { unitActionTitles } from '$lib/server/actions/queries';

export interface ParticipantHome {
	/** The latest published round the participant answered. */
	round: { id: string; name: string; publishedAt: Date | null };
	/** The unit they answered for (as frozen at launch; null when it no longer exists). */
	unit: { id: string; name: string } | null;
	/** What that unit decided to do since: titles and status only, no figures. */
	actions: { id: string; title: string; status: ActionStatus }[];
}

/**
 * Closing the loop for someone who answered: the latest round they completed whose results are
 * published, and the actions their unit planned since. Shows no figure. Null when there is none.
 * Only the completion flag of their own invitation is read (never a response).
 */
export async function participantHome(opts: { actor: Actor }, executor: Db = db()): Promise<ParticipantHome | null> {
	const m = opts.actor.membership;
	if (!m) return null;
	const row = await executor
		.selectFrom('invitations as i')
		.innerJoin('rounds as r', (j) => j.onRef('r.organization_id', '=', 'i.organization_id').onRef('r.id', '=', 'i.round_id'))
		.leftJoin('units as u', (j) => j.onRef('u.organization_id', '=', 'i.organization_id').onRef('u.id', '=', 'i.unit_id'))
		.select(['r.id', 'r.name', 'r.published_at', 'r.closed_at', 'i.unit_id', 'u.name as unit_name'])
		.where('i.organization_id', '=', m.organizationId)
		.where('r.organization_id', '=', m.organizationId)
		.where('i.user_id', '=', m.userId)
		.where('i.completed', '=', true)
		.where('r.status', '=', 'published')
		.orderBy('r.published_at', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (!row) return null;
	const unit = row.unit_name ? { id: row.unit_id, name: row.unit_name } : null;
	const since = row.closed_at ?? row.published_at ?? new Date(0);
	const actions = unit ? await unitActionTitles({ organizationId: m.organizationId, unitId: unit.id, roundId: row.id, since }, executor) : [];
	return { round: { id: row.id, name: row.name, publishedAt: row.published_at }, unit, actions };
}
