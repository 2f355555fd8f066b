import type { PageServerLoad } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { comparisonFrom } from '$lib/server/results/benchmark-choice';
import { areaResults } from '$lib/server/results/area-results';

/** One area of a unit's report: its statements with their answers, benchmark and the advice that fits. */
export const load: PageServerLoad = async (event) => {
	const { actor } = requireMemberPage(event);
	const choice = comparisonFrom(event.url);
	const locale = event.locals.locale;
	return forPage(() => areaResults({ actor, roundId: event.params.round, unitId: event.params.unit, locale, choice, areaKey: event.params.area }));
};
