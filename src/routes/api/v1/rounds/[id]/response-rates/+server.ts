import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { roundResponseRates } from '$lib/server/rounds/response-rates';
import { presentRates } from '../../present';

export const GET: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	return json(presentRates(await roundResponseRates({ organizationId, roundId: event.params.id })));
});
