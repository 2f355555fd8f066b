import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { api } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { getRound } from '$lib/server/rounds/queries';
import { presentRound } from '../present';

export const GET: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	return json(presentRound(await getRound(db(), { organizationId, roundId: event.params.id })));
});
