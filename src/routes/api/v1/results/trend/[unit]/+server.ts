import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { trendOutput } from '$lib/server/results/output';
import { api } from '$lib/server/http/api';
import { resultsParams } from '$lib/server/results/api';
import { unitTrend } from '$lib/server/results/trend';

/** A unit's area scores across the published rounds of the model, oldest first. */
export const GET: RequestHandler = api(async (event, actor) => {
	const { locale } = resultsParams(event.url, actor);
	return reply(trendOutput, await unitTrend({ actor, unitId: event.params.unit, locale }));
});
