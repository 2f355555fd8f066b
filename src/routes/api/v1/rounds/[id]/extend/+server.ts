import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { roundOutput } from '$lib/server/rounds/output';
import { api, readJson } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { getRound } from '$lib/server/rounds/queries';
import { extendRound } from '$lib/server/rounds/manage';
import { presentRound } from '../../present';

export const POST: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	// Another organization's or a malformed id is a 404 before the body is looked at.
	await getRound({ organizationId, roundId: event.params.id });
	const round = await extendRound({ organizationId, actor, roundId: event.params.id, input: await readJson(event) });
	return reply(roundOutput, presentRound(round));
});
