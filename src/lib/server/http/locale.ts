import type { RequestEvent } from '@sveltejs/kit';
import { isLocale, negotiateLocale, type Locale } from '$lib/i18n';

export const LANGUAGE_COOKIE = 'sos_lang';

/** The signed-in user's language, else the language cookie, else the browser's preference. */
export function resolveLocale(event: RequestEvent): Locale {
	const fromUser = event.locals.actor?.membership?.language;
	if (fromUser && event.locals.actor?.via === 'session') return fromUser;
	const cookie = event.cookies.get(LANGUAGE_COOKIE);
	if (isLocale(cookie)) return cookie;
	return negotiateLocale(event.request.headers.get('accept-language'));
}
