import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { clientIp } from '$lib/server/http/client-ip';
import { isLocale, type Locale } from '$lib/i18n';
import { resolveSurveyToken, SURVEY_COOKIE, SURVEY_COOKIE_DAYS, SURVEY_LANG_COOKIE, type TokenResult } from './access';

/** The invitation behind the survey cookie ({state: 'unknown'} without one). */
export async function surveyFromCookie(event: RequestEvent): Promise<TokenResult> {
	const token = event.cookies.get(SURVEY_COOKIE);
	if (!token) return { state: 'unknown' };
	const result = await resolveSurveyToken({ token, ip: clientIp(event) });
	if (result.state === 'unknown') event.cookies.delete(SURVEY_COOKIE, { path: '/s', secure: event.url.protocol === 'https:' });
	return result;
}

export function setSurveyCookie(event: RequestEvent, token: string): void {
	const secure = event.url.protocol === 'https:';
	event.cookies.set(SURVEY_COOKIE, token, { path: '/s', httpOnly: true, sameSite: 'lax', secure, maxAge: SURVEY_COOKIE_DAYS * 86_400 });
	// A new link starts in its invitation's language.
	event.cookies.delete(SURVEY_LANG_COOKIE, { path: '/s', secure });
}

export function setSurveyLanguage(event: RequestEvent, language: Locale): void {
	event.cookies.set(SURVEY_LANG_COOKIE, language, {
		path: '/s',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		maxAge: SURVEY_COOKIE_DAYS * 86_400
	});
}

/** The survey's language: the participant's choice, else the invitation's, else the browser's. */
export function surveyLocale(cookies: Cookies, fallback: Locale): Locale {
	const chosen = cookies.get(SURVEY_LANG_COOKIE);
	return isLocale(chosen) ? chosen : fallback;
}

export function formatDate(locale: Locale, d: Date): string {
	return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long' }).format(d);
}

/** Where the language switch may send the participant back to: survey pages only. */
export function safeSurveyPath(value: unknown): string {
	return typeof value === 'string' && /^\/s(\/thanks)?(\?p=[a-z0-9]{1,20})?$/.test(value) ? value : '/s';
}
