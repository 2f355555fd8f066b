import type { LayoutServerLoad } from './$types';
import { surveyLocale } from '$lib/server/survey/http';

// The participant survey is plain server-rendered HTML with forms: no client-side app, no hydration.
// static/survey.js adds saving as answers are given, when JavaScript runs.
export const csr = false;

/**
 * The language for pages that know no invitation (a link that does not work): the survey's, else the
 * browser's. Pages that know the invitation set their own (its language unless the participant chose).
 */
export const load: LayoutServerLoad = async ({ cookies, locals }) => {
	locals.locale = surveyLocale(cookies, locals.locale);
	return { surveyLocale: locals.locale };
};
