import type { PageServerLoad } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { comparisonFrom } from '$lib/server/results/benchmark-choice';
import { unitResults } from '$lib/server/results/unit-results';
import { withinFrom } from '$lib/server/results/internal';
import { unitTrend } from '$lib/server/results/trend';
import { openActionsOf } from '$lib/server/actions/queries';
import { mayActOn } from '$lib/server/actions/policy';
import { listAttributeKeys } from '$lib/server/units/queries';
import { cutFrom, gapPairFrom } from '$lib/server/results/api';
import { heatmapCut } from '$lib/server/results/cuts';
import { unitAlignment } from '$lib/server/results/alignment';
import { experimentsFollowUp } from '$lib/server/experiments/follow-up';

/** One unit's report in one round. ?compare= and ?statistic= choose the benchmark, ?within= a unit above to compare with, ?cut= a unit attribute for the heatmap, ?gap=&gap= the two groups the perception gap compares; a bad choice falls back to the default. A round of a model with alignment pairs adds the alignment's summary and the experiments' follow-up. */
export const load: PageServerLoad = async (event) => {
	const { actor } = requireMemberPage(event);
	const choice = comparisonFrom(event.url);
	const locale = event.locals.locale;
	const results = await forPage(() =>
		unitResults({
			actor,
			roundId: event.params.round,
			unitId: event.params.unit,
			locale,
			choice,
			within: withinFrom(event.url),
			gapPair: gapPairFrom(event.url)
		})
	);
	// For a model with alignment pairs (null otherwise): the summary of the alignment page and the experiments of earlier rounds beside their change.
	const opts = { actor, roundId: event.params.round, unitId: event.params.unit, locale };
	const [trend, alignment] = await Promise.all([
		forPage(() => unitTrend({ actor, unitId: event.params.unit, locale, modelId: results.round.model.split(' ')[0] })),
		forPage(() => unitAlignment(opts))
	]);
	const followUp = alignment ? await forPage(() => experimentsFollowUp(opts)) : [];
	const [actions, canAct, attributes] = await Promise.all([
		openActionsOf({ actor, unitId: event.params.unit }),
		mayActOn({ actor, unitId: event.params.unit }),
		listAttributeKeys({ organizationId: actor.membership!.organizationId })
	]);
	const key = cutFrom(event.url);
	const cut =
		key && attributes.includes(key)
			? await forPage(() => heatmapCut({ actor, roundId: event.params.round, unitId: event.params.unit, attribute: key, locale, choice }))
			: null;
	return { results, trend, actions, canAct, attributes, cut, alignment, followUp };
};
