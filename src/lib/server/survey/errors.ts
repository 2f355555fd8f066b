/** The codes survey pages fail with; src/routes/s/+error.svelte shows each as a friendly page. */
export const SURVEY_UNKNOWN = 'survey_unknown';
export const SURVEY_RATE_LIMITED = 'survey_rate_limited';

/** The status and error for a link that leads nowhere, or for a client that guessed too often. */
export function surveyError(result: { state: 'unknown' } | { state: 'rate_limited' }): [number, App.Error] {
	return result.state === 'rate_limited'
		? [429, { message: 'Too many attempts. Please wait a few minutes and try again.', code: SURVEY_RATE_LIMITED }]
		: [404, { message: 'This survey link does not work.', code: SURVEY_UNKNOWN }];
}
