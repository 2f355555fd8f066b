import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { surveySubmittedOutput } from '$lib/server/survey/output';
import { apiError, discardBody, errorResponse, readJson } from '$lib/server/http/api';
import { clientIp } from '$lib/server/http/client-ip';
import { parse } from '$lib/server/validation';
import { SURVEY_COOKIE } from '$lib/server/survey/access';
import { refusal } from '$lib/server/survey/api';
import { answersPatch } from '$lib/server/survey/save';
import { submitByToken } from '$lib/server/survey/submit-by-token';

/** The invitation token: `Authorization: Bearer <token>`, else the survey cookie (same-origin only). */
function tokenOf(request: Request, cookie: string | undefined, origin: string): { token: string } | { refuse: Response } {
	const header = request.headers.get('authorization');
	if (header) {
		const m = /^Bearer\s+(\S{1,200})$/i.exec(header.trim());
		return m ? { token: m[1] } : { refuse: apiError(401, 'unauthenticated', 'Send the invitation token as Authorization: Bearer <token>.') };
	}
	if (!cookie) return { refuse: apiError(401, 'unauthenticated', 'Send the invitation token as Authorization: Bearer <token>.') };
	if (request.headers.get('origin') !== origin) return { refuse: apiError(403, 'csrf', 'Cross-site request refused.') };
	return { token: cookie };
}

/**
 * Submits a participant's survey (for integrations and mobile apps), authenticated by the invitation
 * token. Body: {answers: {statementKey: 1–5 | 0 (don't know) | -1 (not used, where offered) | null}, questions: {questionKey: value}}, merged
 * over the saved draft. Submitting twice stores one response; the second answer says alreadySubmitted.
 */
export const POST: RequestHandler = async (event) => {
	try {
		const auth = tokenOf(event.request, event.cookies.get(SURVEY_COOKIE), event.url.origin);
		if ('refuse' in auth) return auth.refuse;
		const patch = parse(answersPatch, await readJson(event));
		const result = await submitByToken({ token: auth.token, ip: clientIp(event), patch });
		return 'refused' in result ? refusal(result.refused) : reply(surveySubmittedOutput, result);
	} catch (err) {
		return errorResponse(err);
	} finally {
		await discardBody(event.request);
	}
};
