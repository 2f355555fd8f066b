import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isLocale } from '$lib/i18n';
import { ValidationError } from '$lib/server/errors';
import { formatDate, safeSurveyPath, setSurveyLanguage, surveyFromCookie, surveyLocale } from '$lib/server/survey/http';
import { failSurvey } from '$lib/server/survey/errors';
import { patchFromForm } from '$lib/server/survey/form';
import { saveDraft } from '$lib/server/survey/save';
import { submitSurvey, SurveyClosedError } from '$lib/server/survey/submit';
import { areaPage, pageKeys, parsePage, progress, questionsPage, resumePage, reviewPage } from '$lib/server/survey/view';
import { translator } from '$lib/i18n';

/** The participant's survey: one page per area, the company questions, the review — or why it cannot be answered. */
export const load: PageServerLoad = async (event) => {
	const { cookies, url, locals, setHeaders } = event;
	setHeaders({ 'cache-control': 'no-store' });
	const result = await surveyFromCookie(event);
	if (result.state === 'unknown' || result.state === 'rate_limited') failSurvey(event, result);
	if (result.state !== 'open') {
		const locale = surveyLocale(cookies, result.language);
		locals.locale = locale;
		return {
			state: result.state,
			locale,
			organization: result.organizationName,
			startsOn: result.state === 'not_open' ? formatDate(locale, result.startsAt) : null
		};
	}
	const s = result.survey;
	const locale = surveyLocale(cookies, s.language);
	locals.locale = locale;
	const requested = parsePage(s, url.searchParams.get('p'));
	const key = requested ?? resumePage(s);
	const keys = pageKeys(s);
	const at = keys.indexOf(key);
	const done = progress(s);
	const view =
		key === 'review'
			? reviewPage(s, locale)
			: key === 'questions'
				? questionsPage(s, locale)
				: areaPage(s, locale, Number(key), { dontKnow: translator(locale)('survey.dontKnow'), notUsed: translator(locale)('survey.notUsed') });
	return {
		state: 'open' as const,
		locale,
		organization: s.organizationName,
		round: s.roundName,
		endsOn: formatDate(locale, s.endsAt),
		pageKey: key,
		prev: at > 0 ? keys[at - 1] : null,
		next: at < keys.length - 1 ? keys[at + 1] : null,
		// The first page someone sees gets the introduction; someone returning gets a word of welcome.
		greeting: requested ? null : done.answered === 0 ? ('intro' as const) : ('back' as const),
		progress: done,
		statementCount: s.model.shape.statementCount,
		areaCount: s.model.shape.areas.length,
		view
	};
};

function target(form: FormData, fallback: string): string {
	const go = form.get('go');
	return typeof go === 'string' && /^[a-z0-9]{1,20}$/.test(go) ? go : fallback;
}

async function readForm(event: RequestEvent): Promise<FormData> {
	try {
		return await event.request.formData();
	} catch {
		error(400, 'The form could not be read. Please reload the page and try again.');
	}
}

export const actions: Actions = {
	/** Saves the answers on one page (no JavaScript) and moves to another page, or switches the language. */
	save: async (event) => {
		const form = await readForm(event);
		const page = String(form.get('page') ?? '');
		const lang = form.get('lang');
		if (isLocale(lang)) setSurveyLanguage(event, lang);
		const result = await surveyFromCookie(event);
		if (result.state !== 'open') redirect(303, '/s');
		const s = result.survey;
		const { patch, errors, values } = patchFromForm(s, form, page);
		try {
			await saveDraft({ survey: s, patch });
		} catch (err) {
			if (err instanceof ValidationError) return fail(400, { message: err.message, errors: {}, values: {} });
			throw err;
		}
		if (Object.keys(errors).length) return fail(400, { message: null, errors, values });
		const go = isLocale(lang) ? page : target(form, page);
		redirect(303, `/s?p=${encodeURIComponent(parsePage(s, go) ?? resumePage(s))}`);
	},

	/** Submits once; a second submit (double click, another tab) lands on the same thank-you page. */
	submit: async (event) => {
		await readForm(event);
		const result = await surveyFromCookie(event);
		if (result.state === 'submitted') redirect(303, '/s/thanks');
		if (result.state !== 'open') redirect(303, '/s');
		try {
			await submitSurvey({ survey: result.survey });
		} catch (err) {
			if (err instanceof SurveyClosedError) redirect(303, '/s');
			throw err;
		}
		redirect(303, '/s/thanks');
	},

	/** The language switch on pages without answers to save. */
	language: async (event) => {
		const form = await readForm(event);
		const lang = form.get('lang');
		if (isLocale(lang)) setSurveyLanguage(event, lang);
		redirect(303, safeSurveyPath(form.get('back')));
	}
};
