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

/** One unit's report in one round. ?compare= and ?statistic= choose the benchmark, ?within= a unit above to compare with, ?cut= a unit attribute for the heatmap, ?gap=&gap= the two groups the perception gap compares; a bad choice falls back to the default. */
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
	const trend = await forPage(() => unitTrend({ actor, unitId: event.params.unit, locale, modelId: results.round.model.split(' ')[0] }));
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
	return { results, trend, actions, canAct, attributes, cut };
};
