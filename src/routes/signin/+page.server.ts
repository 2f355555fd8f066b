import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { signInWithPassword, InvalidCredentialsError } from '$lib/server/auth/sign-in';
import { createSession } from '$lib/server/auth/sessions';
import { setSessionCookie } from '$lib/server/http/authenticate';
import { safeNext } from '$lib/server/http/guards';
import { clientIp } from '$lib/server/http/client-ip';
import { RateLimitedError } from '$lib/server/errors';
import { NO_CONTROL } from '$lib/server/validation';
import { SsoError } from '$lib/server/auth/sso/errors';

const input = z.object({ email: z.string().trim().min(1).max(254).regex(NO_CONTROL), password: z.string().min(1).max(200) });

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.actor?.via === 'session') redirect(303, safeNext(url.searchParams.get('next')));
	return { signedOut: url.searchParams.has('signed-out'), done: url.searchParams.has('password-set') };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const parsed = input.safeParse({ email: form.get('email'), password: form.get('password') });
		const email = String(form.get('email') ?? '').slice(0, 254);
		if (!parsed.success) return fail(400, { email, error: 'signin.failed' as const });
		try {
			const r = await signInWithPassword({ ...parsed.data, ip: clientIp(event) });
			const s = await createSession({ accountId: r.accountId, organizationId: r.organizationId });
			setSessionCookie(event, s.token, s.expiresAt);
		} catch (err) {
			if (err instanceof InvalidCredentialsError) return fail(400, { email, error: 'signin.failed' as const });
			// The right password of someone whose organization requires single sign-on: to the provider instead.
			if (err instanceof SsoError) return fail(403, { email, error: 'sso.error.sso_required' as const, ssoRequired: true });
			if (err instanceof RateLimitedError) event.locals.retryAfter = err.retryAfterSeconds;
			if (err instanceof RateLimitedError) return fail(429, { email, error: 'signin.rateLimited' as const });
			throw err;
		}
		redirect(303, safeNext(event.url.searchParams.get('next')));
	}
};
