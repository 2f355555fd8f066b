import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { roundWithWarningsOutput } from '$lib/server/rounds/output';
import { api } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { launchRound } from '$lib/server/rounds/manage';
import { roundOverlaps } from '$lib/server/rounds/overlap';
import { kickScheduler } from '$lib/server/jobs/scheduler';
import { presentRound, presentWarnings } from '../../present';

/** Launches a draft; over an open round for the same people it goes through, with a warning. */
export const POST: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	const round = await launchRound({ organizationId, actor, roundId: event.params.id });
	await kickScheduler();
	const warnings = presentWarnings(await roundOverlaps({ organizationId, roundId: round.id }));
	return reply(roundWithWarningsOutput, { ...presentRound(round), warnings });
});
