import type { RequestHandler } from './$types';
import { api } from '$lib/server/http/api';
import { deleteDecision } from '$lib/server/decisions/decisions';

export const DELETE: RequestHandler = api(async (event, actor) => {
	await deleteDecision({ actor, decisionId: event.params.id });
	return new Response(null, { status: 204 });
});
