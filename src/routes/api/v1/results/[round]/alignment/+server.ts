import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { api } from '$lib/server/http/api';
import { ValidationError } from '$lib/server/errors';
import { resultsParams } from '$lib/server/results/api';
import { alignmentOutput } from '$lib/server/results/alignment-output';
import { unitAlignment } from '$lib/server/results/alignment';
import { experimentsFollowUp } from '$lib/server/experiments/follow-up';

/** Where ?unit= disagrees with itself in the round (null for a model without alignment pairs), and its earlier experiments. */
export const GET: RequestHandler = api(async (event, actor) => {
	const { locale, unit: unitId } = resultsParams(event.url, actor);
	if (!unitId) throw new ValidationError('unit: Name the unit, e.g. ?unit=<unit id> (or ?unit=organization).');
	const opts = { actor, roundId: event.params.round, unitId, locale };
	const alignment = await unitAlignment(opts);
	return reply(alignmentOutput, { alignment, followUp: await experimentsFollowUp(opts) });
});
