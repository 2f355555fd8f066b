import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { buildView } from '$lib/results/view';
import { resultsAccess } from './scope';
import { listPublishedRounds, loadRoundData } from './rounds';

export interface RoundListItem {
	id: string;
	name: string;
	closedAt: Date | null;
	isGenerated: boolean;
	/** The unit the viewer starts at (their own, or the whole organization). */
	startUnit: { id: string; name: string } | null;
	respondents: number | null;
}

/**
 * The published rounds a viewer can read, newest first, each with where the viewer starts. `roundId`
 * or `limit` narrow the list before any round's figures are read.
 */
export async function listResultRounds(opts: { actor: Actor; roundId?: string; limit?: number }, executor: Db = db()): Promise<RoundListItem[]> {
	const { organizationId, scope } = await resultsAccess(opts.actor, executor);
	const rounds = (await listPublishedRounds({ organizationId }, executor)).filter((r) => !opts.roundId || r.id === opts.roundId).slice(0, opts.limit);
	return Promise.all(
		rounds.map(async (round) => {
			const { data } = await loadRoundData({ organizationId, round, totalsFor: [] }, executor);
			const view = buildView(data, scope, opts.actor.membership!.organizationName);
			const start = view.roots[0] ?? null;
			return {
				id: round.id,
				name: round.name,
				closedAt: round.closedAt,
				isGenerated: round.isGenerated,
				startUnit: start ? { id: start, name: view.units.get(start)!.name } : null,
				respondents: start && view.unit(start).all ? view.respondents(start) : null
			};
		})
	);
}
