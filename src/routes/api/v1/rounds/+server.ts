import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { roundListOutput, roundOutput } from '$lib/server/rounds/output';
import { api, readJson } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { listRounds } from '$lib/server/rounds/queries';
import { createRound } from '$lib/server/rounds/create';
import { kickScheduler } from '$lib/server/jobs/scheduler';
import { presentRound } from './present';

export const GET: RequestHandler = api(async (_event, actor) => {
	const { organizationId } = requireAdmin(actor);
	const rounds = await listRounds({ organizationId });
	return reply(roundListOutput, { rounds: rounds.map(presentRound) });
});

export const POST: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	const round = await createRound({ organizationId, actor, input: await readJson(event) });
	if (round.status !== 'draft') await kickScheduler();
	return reply(roundOutput, presentRound(round), { status: 201 });
});
