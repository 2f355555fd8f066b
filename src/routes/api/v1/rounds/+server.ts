import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { listRounds } from '$lib/server/rounds/queries';
import { createRound } from '$lib/server/rounds/create';
import { kickScheduler } from '$lib/server/jobs/scheduler';
import { presentRound } from './present';

export const GET: RequestHandler = api(async (_event, actor) => {
	const { organizationId } = requireAdmin(actor);
	const rounds = await listRounds({ organizationId });
	return json({ rounds: rounds.map(presentRound) });
});

export const POST: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	const round = await createRound({ organizationId, actor, input: await readJson(event) });
	if (round.status !== 'draft') await kickScheduler();
	return json(presentRound(round), { status: 201 });
});
