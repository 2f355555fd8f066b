import { db, type Db } from '$lib/server/db';
import type { ActionStatus } from '$lib/server/db/schema';
import { unitActionTitles } from '$lib/server/actions/queries';
import type { PublishedUnit } from './participant';

export interface ClosedLoop {
	round: string;
	/** The unit as named today (null when it no longer exists). */
	unit: string | null;
	/** What the unit decided to do since: titles and status only, never a figure. */
	actions: { title: string; status: ActionStatus }[];
}

/**
 * Closing the loop through a survey link once its round is published: the round, the unit and what the
 * unit decided to do. Every link of the unit shows the same, answered or not, so a link says nothing
 * about whether its holder took part; and it shows no figure.
 */
export async function closedLoop(p: PublishedUnit, executor: Db = db()): Promise<ClosedLoop> {
	const unit = await executor.selectFrom('units').select('name').where('organization_id', '=', p.organizationId).where('id', '=', p.unitId).executeTakeFirst();
	const actions = unit ? await unitActionTitles({ organizationId: p.organizationId, unitId: p.unitId, roundId: p.roundId, since: p.since }, executor) : [];
	return { round: p.roundName, unit: unit?.name ?? null, actions: actions.map(({ title, status }) => ({ title, status })) };
}
