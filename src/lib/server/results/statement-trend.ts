import { readDb, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { addStats, emptyStats, statementMean } from '$lib/results/stats';
import { shownFigure } from '$lib/results/colour';
import { buildView } from '$lib/results/view';
import { continuity } from '$lib/server/models/continuity';
import { resultsAccess, withPredecessors } from './scope';
import { listPublishedRounds, loadRoundData } from './rounds';
import { topMost } from './trend';

export interface PreviousStatements {
	round: { id: string; name: string; closedAt: Date | null };
	/** This round's statement key → its mean in the previous round, where the statement maps to one there and that round shows it. */
	means: Map<string, number | null>;
}

/**
 * A unit's statement means in the published round of the same model that closed before this one, for
 * the statements of this round that map to one of that round's (the same version maps to itself, an
 * earlier one through `continues`, models/continuity.ts). Read from that round's own view, through its
 * own disclosure pattern, over the unit and the units merged into it as the area trend reads them
 * (trend.ts): a statement that round hid, or hid for any of them, has none. Null when there is no
 * such round or the viewer may open none of the unit's history in it.
 */
export async function previousStatements(
	opts: { actor: Actor; roundId: string; unitId: string; statementKeys: readonly string[] },
	executor: Db = readDb()
): Promise<PreviousStatements | null> {
	const { organizationId, scope } = await resultsAccess(opts.actor, executor);
	const rounds = await listPublishedRounds({ organizationId }, executor);
	const current = rounds.find((r) => r.id === opts.roundId);
	const closed = current?.closedAt;
	if (!current || !closed) return null;
	// Newest first: the first earlier one of the same model is the previous round.
	const previous = rounds.find((r) => r.modelId === current.modelId && r.closedAt !== null && r.closedAt < closed);
	if (!previous) return null;
	const link = await continuity({ id: current.modelId, from: previous.modelVersion, to: current.modelVersion });
	const history = await withPredecessors(organizationId, new Set([opts.unitId]), executor);
	const { data, model } = await loadRoundData({ organizationId, round: previous, totalsFor: [...history] }, executor);
	const view = buildView(data, scope, opts.actor.membership?.organizationName ?? '');
	const members = topMost(
		view,
		[...history].filter((id) => view.canOpen(id))
	);
	if (members.length === 0) return null;
	const sum = emptyStats({ areaCount: data.areas, statementCount: data.statements });
	for (const id of members) addStats(sum, view.stats(id).all);
	const means = new Map<string, number | null>();
	for (const key of opts.statementKeys) {
		const theirs = link.statements.get(key);
		const si = theirs === undefined ? -1 : model.statementKeys.indexOf(theirs);
		const shown = si >= 0 && members.every((id) => view.metric(id, data.areas + si).all);
		means.set(key, shown ? shownFigure(statementMean(sum, si)) : null);
	}
	return { round: { id: previous.id, name: previous.name, closedAt: previous.closedAt }, means };
}
