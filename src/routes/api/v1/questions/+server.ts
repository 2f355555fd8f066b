import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { questionListOutput, questionOutput } from '$lib/server/questions/output';
import { api, readJson } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { ValidationError } from '$lib/server/errors';
import { createQuestion, listQuestions } from '$lib/server/questions/store';
import { presentQuestion, presentStandardQuestion } from '$lib/server/questions/present';
import { standardQuestions } from '$lib/server/models/registry';

export const GET: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	const archived = event.url.searchParams.get('archived');
	if (archived !== null && archived !== 'true' && archived !== 'false')
		throw new ValidationError('archived: Must be true or false.', [{ path: 'archived', message: 'Must be true or false' }]);
	const [own, standard] = await Promise.all([listQuestions({ organizationId, includeArchived: archived === 'true' }), standardQuestions()]);
	return reply(questionListOutput, { questions: own.map(presentQuestion), standard: standard.map(presentStandardQuestion) });
});

export const POST: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	const q = await createQuestion({ organizationId, actor, input: await readJson(event) });
	return reply(questionOutput, presentQuestion(q), { status: 201 });
});
