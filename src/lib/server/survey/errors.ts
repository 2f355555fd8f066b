import { error, type RequestEvent } from '@sveltejs/kit';

/** The codes survey pages fail with; src/routes/s/+error.svelte shows each as a friendly page. */
export const SURVEY_UNKNOWN = 'survey_unknown';
export const SURVEY_RATE_LIMITED = 'survey_rate_limited';

/** Fails a survey page for a link that leads nowhere, or a client that guessed too often (429 with Retry-After). */
export function failSurvey(event: RequestEvent, result: { state: 'unknown' } | { state: 'rate_limited'; retryAfterSeconds: number }): never {
	if (result.state === 'rate_limited') event.locals.retryAfter = result.retryAfterSeconds;
	error(...surveyError(result));
}

/** The status and error for a link that leads nowhere, or for a client that guessed too often. */
export function surveyError(result: { state: 'unknown' } | { state: 'rate_limited' }): [number, App.Error] {
	return result.state === 'rate_limited'
		? [429, { message: 'Too many attempts. Please wait a few minutes and try again.', code: SURVEY_RATE_LIMITED }]
		: [404, { message: 'This survey link does not work.', code: SURVEY_UNKNOWN }];
}
