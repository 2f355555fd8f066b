import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { surveyFromCookie, surveyLocale } from '$lib/server/survey/http';

/** After submitting: thank you. Anyone else here goes to the survey (or to why it cannot be answered). */
export const load: PageServerLoad = async (event) => {
	event.setHeaders({ 'cache-control': 'no-store' });
	const result = await surveyFromCookie(event);
	if (result.state !== 'submitted') redirect(303, '/s');
	const locale = surveyLocale(event.cookies, result.language);
	event.locals.locale = locale;
	return { locale, organization: result.organizationName };
};
