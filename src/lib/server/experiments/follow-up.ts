import { readDb, readFresh, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { NotFoundError } from '$lib/server/errors';
import type { Locale } from '$lib/i18n';
import { shownDifference, shownFigure } from '$lib/results/colour';
import { buildView } from '$lib/results/view';
import { unitColumn } from '$lib/server/actions/policy';
import { resultsAccess, type ResultsAccess } from '$lib/server/results/scope';
import { getPublishedRound, loadRoundData, type PublishedRound } from '$lib/server/results/rounds';
import { figuresOf } from '$lib/server/results/alignment';
import { listExperiments, type ExperimentView } from './queries';

export interface ExperimentFollowUp extends ExperimentView {
	/** For an area metric: its score in the round the experiment came from and in this round, as shown (null where hidden or not comparable). */
	then: number | null;
	now: number | null;
	/** now − then, as shown. */
	change: number | null;
}

type Options = { actor: Actor; roundId: string; unitId: string; locale: Locale };

/**
 * The experiments a unit started from earlier rounds of this round's model, each beside the change it
 * aimed at: the watched area's score in its origin round and in this one (figures the viewer is shown).
 * A KPI metric is named with its window only (its plan and actual are on the KPI board).
 */
export async function experimentsFollowUp(opts: Options, executor: Db = readDb()): Promise<ExperimentFollowUp[]> {
	return readFresh(executor, (e) => readFollowUp(opts, e));
}

async function readFollowUp(opts: Options, executor: Db): Promise<ExperimentFollowUp[]> {
	const access = await resultsAccess(opts.actor, executor);
	const round = await getPublishedRound({ organizationId: access.organizationId, roundId: opts.roundId }, executor);
	const now = await areaScores(access, round, opts, executor);
	if (!now) throw new NotFoundError('unit');
	const earlier = await executor
		.selectFrom('experiments as e')
		.innerJoin('rounds as r', (j) => j.onRef('r.organization_id', '=', 'e.organization_id').onRef('r.id', '=', 'e.round_id'))
		.select('e.round_id')
		.distinct()
		.where('e.organization_id', '=', access.organizationId)
		.where((w) => (unitColumn(opts.unitId) === null ? w('e.unit_id', 'is', null) : w('e.unit_id', '=', opts.unitId)))
		.where('r.model_id', '=', round.modelId)
		.where('r.status', '=', 'published')
		.where('r.closed_at', '<', round.closedAt ?? new Date())
		.execute();
	const out: ExperimentFollowUp[] = [];
	for (const { round_id } of earlier) {
		const origin = await getPublishedRound({ organizationId: access.organizationId, roundId: round_id }, executor);
		const then = await areaScores(access, origin, opts, executor);
		const experiments = await listExperiments({ actor: opts.actor, filter: { unitId: opts.unitId, roundId: round_id }, locale: opts.locale }, executor);
		for (const x of experiments) {
			const area = x.metric.kind === 'area' ? x.metric.area : null;
			const a = area && then ? (then.get(area) ?? null) : null;
			const b = area ? (now.get(area) ?? null) : null;
			out.push({ ...x, then: a, now: b, change: shownDifference(b, a) });
		}
	}
	return out.sort((p, q) => q.startsOn.localeCompare(p.startsOn));
}

/** The unit's shown area scores by key in one round, or null when the viewer may not open the unit there. */
async function areaScores(access: ResultsAccess, round: PublishedRound, opts: Options, executor: Db): Promise<Map<string, number | null> | null> {
	const { data, model } = await loadRoundData({ organizationId: access.organizationId, round, totalsFor: [opts.unitId] }, executor);
	if (!round.tree.some((u) => u.id === opts.unitId) && unitColumn(opts.unitId) !== null) return null;
	const view = buildView(data, access.scope, opts.actor.membership!.organizationName);
	if (!view.canOpen(opts.unitId)) return null;
	const scores = figuresOf(view, opts.unitId, model).areaScores;
	return new Map(model.shape.areas.map((a, i) => [a.key, shownFigure(scores[i])]));
}
