import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { closeRoundEarly } from '$lib/server/rounds/manage';
import { kickScheduler } from '$lib/server/jobs/scheduler';
import { presentRound } from '../../present';

export const POST: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	const round = await closeRoundEarly({ organizationId, actor, roundId: event.params.id });
	await kickScheduler();
	return json(presentRound(round));
});
