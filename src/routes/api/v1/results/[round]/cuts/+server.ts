import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { heatmapCutOutput } from '$lib/server/results/output';
import { api } from '$lib/server/http/api';
import { ValidationError } from '$lib/server/errors';
import { attributeFrom, resultsParams } from '$lib/server/results/api';
import { heatmapCut } from '$lib/server/results/cuts';

/** ?unit='s respondents cut by ?attribute= (a unit attribute); without it, the attributes on offer. */
export const GET: RequestHandler = api(async (event, actor) => {
	const { choice, locale, unit: unitId } = resultsParams(event.url, actor);
	if (!unitId) throw new ValidationError('unit: Name the unit, e.g. ?unit=<unit id> (or ?unit=organization).');
	const attribute = attributeFrom(event.url);
	return reply(heatmapCutOutput, await heatmapCut({ actor, roundId: event.params.round, unitId, attribute, locale, choice }));
});
