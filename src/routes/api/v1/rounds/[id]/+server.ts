import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { roundOutput } from '$lib/server/rounds/output';
import { api, readJson } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { getRound } from '$lib/server/rounds/queries';
import { setRoundRepeat } from '$lib/server/rounds/recurrence';
import { presentRound } from '../present';

export const GET: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	return reply(roundOutput, presentRound(await getRound({ organizationId, roundId: event.params.id })));
});

/** Changes what can change on a round through the API: how often it repeats. */
export const PATCH: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	// Another organization's or a malformed id is a 404 before the body is looked at.
	await getRound({ organizationId, roundId: event.params.id });
	return reply(roundOutput, presentRound(await setRoundRepeat({ organizationId, actor, roundId: event.params.id, input: await readJson(event) })));
});
