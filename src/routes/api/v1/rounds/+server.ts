import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { roundListOutput, roundWithWarningsOutput } from '$lib/server/rounds/output';
import { api, readJson } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { listRounds } from '$lib/server/rounds/queries';
import { createRound } from '$lib/server/rounds/create';
import { roundOverlaps } from '$lib/server/rounds/overlap';
import { kickScheduler } from '$lib/server/jobs/scheduler';
import { presentRound, presentWarnings } from './present';

export const GET: RequestHandler = api(async (_event, actor) => {
	const { organizationId } = requireAdmin(actor);
	const rounds = await listRounds({ organizationId });
	return reply(roundListOutput, { rounds: rounds.map(presentRound) });
});

/** Creates (and by default launches) a round; a launch over an open round for the same people goes through, with a warning. */
export const POST: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	const round = await createRound({ organizationId, actor, input: await readJson(event) });
	if (round.status !== 'draft') await kickScheduler();
	const warnings = round.status === 'draft' ? [] : presentWarnings(await roundOverlaps({ organizationId, roundId: round.id }));
	return reply(roundWithWarningsOutput, { ...presentRound(round), warnings }, { status: 201 });
});
