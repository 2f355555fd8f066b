import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { clientIp } from '$lib/server/http/client-ip';
import { resolveSurveyToken } from '$lib/server/survey/access';
import { setSurveyCookie } from '$lib/server/survey/http';
import { failSurvey } from '$lib/server/survey/errors';

/**
 * A survey link: the token is exchanged for the survey cookie and leaves the address bar. Every link
 * that leads nowhere (malformed, unknown, another server's) gets the same answer.
 */
export const load: PageServerLoad = async (event) => {
	event.setHeaders({ 'cache-control': 'no-store' });
	const result = await resolveSurveyToken({ token: event.params.token, ip: clientIp(event) });
	if (result.state === 'unknown' || result.state === 'rate_limited') failSurvey(event, result);
	setSurveyCookie(event, event.params.token.toLowerCase());
	redirect(303, '/s');
};
