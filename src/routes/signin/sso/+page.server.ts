import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { startSsoSignIn } from '$lib/server/auth/sso/sign-in';
import { SsoError, isSsoErrorCode } from '$lib/server/auth/sso/errors';
import { setSsoStateCookie } from '$lib/server/http/sso-cookie';
import { safeNext } from '$lib/server/http/guards';
import { NO_CONTROL } from '$lib/server/validation';
import { RateLimitedError } from '$lib/server/errors';
import { clientIp } from '$lib/server/http/client-ip';

const input = z.object({ email: z.string().trim().min(3).max(254).regex(NO_CONTROL).includes('@') });

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.actor?.via === 'session') redirect(303, safeNext(url.searchParams.get('next')));
	const code = url.searchParams.get('error');
	return { error: isSsoErrorCode(code) ? code : null };
};

export const actions: Actions = {
	/** Home realm discovery: to the identity provider of the email's domain. The sign-in page's "Continue with single sign-on" posts here too. */
	default: async (event) => {
		const form = await event.request.formData();
		const email = String(form.get('email') ?? '').slice(0, 254);
		const parsed = input.safeParse({ email });
		if (!parsed.success) return fail(400, { email, error: 'sso.error.sso_not_configured' as const, sso: true });
		let url: string;
		try {
			const started = await startSsoSignIn({
				email: parsed.data.email,
				origin: event.url.origin,
				next: safeNext(event.url.searchParams.get('next')),
				ip: clientIp(event)
			});
			setSsoStateCookie(event, started.state, started.maxAgeSeconds);
			url = started.url;
		} catch (err) {
			if (err instanceof SsoError) return fail(400, { email, error: `sso.error.${err.code}` as const, sso: true });
			if (err instanceof RateLimitedError) {
				event.locals.retryAfter = err.retryAfterSeconds;
				return fail(429, { email, error: 'signin.rateLimited' as const, sso: true });
			}
			// The provider could not be reached (discovery failed): the person can do nothing but try later.
			console.warn(`[sso] could not start a sign-in: ${err instanceof Error ? err.message.slice(0, 200) : 'unknown error'}`);
			return fail(502, { email, error: 'sso.error.unreachable' as const, sso: true });
		}
		redirect(303, url);
	}
};
