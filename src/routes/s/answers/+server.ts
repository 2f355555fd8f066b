import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiError, discardBody, errorResponse, readJson } from '$lib/server/http/api';
import { parse } from '$lib/server/validation';
import { surveyFromCookie } from '$lib/server/survey/http';
import { answersPatch, saveDraft } from '$lib/server/survey/save';
import { refusal } from '$lib/server/survey/api';

/**
 * Saves answers as they are given (static/survey.js): same-origin, authenticated by the survey cookie,
 * body = {answers: {statementKey: 0–5 | -1 (not used, where offered) | null}, questions: {questionKey: value}}. Nothing is stored
 * unless every entry is valid.
 */
export const POST: RequestHandler = async (event) => {
	try {
		if (event.request.headers.get('origin') !== event.url.origin) return apiError(403, 'csrf', 'Cross-site request refused.');
		const patch = parse(answersPatch, await readJson(event));
		const result = await surveyFromCookie(event);
		if (result.state !== 'open') return refusal(result);
		await saveDraft({ survey: result.survey, patch });
		return json({ saved: true }, { headers: { 'cache-control': 'no-store' } });
	} catch (err) {
		return errorResponse(err);
	} finally {
		await discardBody(event.request);
	}
};
