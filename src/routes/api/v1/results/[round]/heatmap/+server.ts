import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { heatmapOutput } from '$lib/server/results/output';
import { api } from '$lib/server/http/api';
import { ValidationError } from '$lib/server/errors';
import { resultsParams } from '$lib/server/results/api';
import { heatmap } from '$lib/server/results/heatmap';

/** Units × areas for ?unit= and its sub-units down to ?depth= levels. */
export const GET: RequestHandler = api(async (event, actor) => {
	const { choice, locale, depth, unit: unitId } = resultsParams(event.url, actor);
	if (!unitId) throw new ValidationError('unit: Name the unit, e.g. ?unit=<unit id> (or ?unit=organization).');
	return reply(heatmapOutput, await heatmap({ actor, roundId: event.params.round, unitId, depth, locale, choice }));
});
