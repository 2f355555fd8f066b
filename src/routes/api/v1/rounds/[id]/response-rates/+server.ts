import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { responseRatesOutput } from '$lib/server/rounds/output';
import { api } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { roundResponseRates } from '$lib/server/rounds/response-rates';
import { presentRates } from '../../present';

export const GET: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	return reply(responseRatesOutput, presentRates(await roundResponseRates({ organizationId, roundId: event.params.id })));
});
