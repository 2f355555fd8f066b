import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { questionOutput } from '$lib/server/questions/output';
import { api } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { archiveQuestion, getQuestion } from '$lib/server/questions/store';
import { presentQuestion } from '$lib/server/questions/present';

export const GET: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	return reply(questionOutput, presentQuestion(await getQuestion({ organizationId, questionId: event.params.id })));
});

/** Archives the question (rounds that include it keep their copy). */
export const DELETE: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	await archiveQuestion({ organizationId, actor, questionId: event.params.id });
	return new Response(null, { status: 204 });
});
