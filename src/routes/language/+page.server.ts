import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { saveLanguage } from '$lib/server/users/save-language';
import { isLocale } from '$lib/i18n';
import { LANGUAGE_COOKIE } from '$lib/server/http/locale';
import { safeNext } from '$lib/server/http/guards';

export const load: PageServerLoad = async () => redirect(303, '/');

/** Switches the language: a cookie for everyone, and the user's own language when signed in. */
export const actions: Actions = {
	default: async ({ request, cookies, locals, url }) => {
		const form = await request.formData();
		const language = form.get('language');
		if (isLocale(language)) {
			cookies.set(LANGUAGE_COOKIE, language, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: 365 * 24 * 3600 });
			const a = locals.actor;
			if (a?.via === 'session') await saveLanguage({ language, membership: a.membership, accountId: a.accountId });
		}
		redirect(303, safeNext(String(form.get('redirectTo') ?? '/')));
	}
};
