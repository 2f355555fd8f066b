import { apiError } from '$lib/server/http/api';
import type { TokenResult } from './access';

/** The JSON answer when a survey token does not lead to an open survey. */
export function refusal(result: Exclude<TokenResult, { state: 'open' }>): Response {
	switch (result.state) {
		case 'rate_limited': {
			const r = apiError(429, 'rate_limited', 'Too many attempts. Please wait a few minutes and try again.');
			r.headers.set('retry-after', String(result.retryAfterSeconds));
			return r;
		}
		case 'unknown':
			return apiError(404, 'not_found', 'This survey link does not work.');
		case 'submitted':
			return apiError(409, 'already_submitted', 'This survey has already been submitted.');
		case 'not_open':
			return apiError(409, 'survey_not_open', 'This survey has not opened yet.');
		case 'closed':
			return apiError(409, 'survey_closed', 'This survey is closed.');
	}
}
