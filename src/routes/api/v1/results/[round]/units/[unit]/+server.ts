import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { unitResultsOutput } from '$lib/server/results/output';
import { api } from '$lib/server/http/api';
import { gapPairFrom, resultsParams } from '$lib/server/results/api';
import { unitResults } from '$lib/server/results/unit-results';

/** One unit's results in a published round, every figure already suppressed for the caller. */
export const GET: RequestHandler = api(async (event, actor) => {
	const { choice, locale, within } = resultsParams(event.url, actor);
	return reply(
		unitResultsOutput,
		await unitResults({ actor, roundId: event.params.round, unitId: event.params.unit, locale, choice, within, gapPair: gapPairFrom(event.url) })
	);
});
