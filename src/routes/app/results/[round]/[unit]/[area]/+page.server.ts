import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { comparisonFrom } from '$lib/server/results/benchmark-choice';
import { unitResults } from '$lib/server/results/unit-results';
import { getModel } from '$lib/server/models/registry';
import { modelText } from '$lib/server/results/text';

/** One area of a unit's report: its statements with their answers, benchmark and advice. */
export const load: PageServerLoad = async (event) => {
	const { actor } = requireMemberPage(event);
	const choice = comparisonFrom(event.url);
	const locale = event.locals.locale;
	const results = await forPage(() => unitResults({ actor, roundId: event.params.round, unitId: event.params.unit, locale, choice }));
	const area = results.areas.find((a) => a.key === event.params.area);
	if (!area) error(404, 'Not found');
	const [modelId, version] = results.round.model.split(' ');
	const text = modelText(await getModel(modelId, version), locale).area(area.key);
	return {
		round: results.round,
		unit: results.unit,
		benchmark: results.benchmark,
		area: { ...area, description: text.description, advice: text.advice },
		statements: results.statements.filter((s) => s.area === area.key),
		isImprovement: results.improvements.some((i) => i.key === area.key)
	};
};
