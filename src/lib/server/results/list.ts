import { readDb, readFresh, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { buildView } from '$lib/results/view';
import { resultsAccess } from './scope';
import { listPublishedRounds, loadRoundData } from './rounds';

export interface RoundListItem {
	id: string;
	name: string;
	closedAt: Date | null;
	isGenerated: boolean;
	/** The round's model, e.g. `sos`. */
	modelId: string;
	/** The unit the viewer starts at (their own, or the whole organization). */
	startUnit: { id: string; name: string } | null;
	respondents: number | null;
}

/**
 * The published rounds a viewer can read, newest first, each with where the viewer starts. `roundId`,
 * `modelId` or `limit` narrow the list before any round's figures are read. Read from the replica when there is
 * one; a round asked for by id that it does not have yet is read from the primary.
 */
export async function listResultRounds(opts: ListOptions, executor: Db = readDb()): Promise<RoundListItem[]> {
	return readFresh(
		executor,
		(e) => readRounds(opts, e),
		(rounds) => !!opts.roundId && rounds.length === 0
	);
}

/** `modelId`: only rounds of that model. */
type ListOptions = { actor: Actor; roundId?: string; limit?: number; modelId?: string };

async function readRounds(opts: ListOptions, executor: Db): Promise<RoundListItem[]> {
	const { organizationId, scope } = await resultsAccess(opts.actor, executor);
	const rounds = (await listPublishedRounds({ organizationId }, executor))
		.filter((r) => (!opts.roundId || r.id === opts.roundId) && (!opts.modelId || r.modelId === opts.modelId))
		.slice(0, opts.limit);
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
				modelId: round.modelId,
				startUnit: start ? { id: start, name: view.units.get(start)!.name } : null,
				respondents: start && view.unit(start).all ? view.respondents(start) : null
			};
		})
	);
}
