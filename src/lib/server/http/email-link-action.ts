import { fail, type RequestEvent } from '@sveltejs/kit';
import { requestEmailLink } from '$lib/server/auth/email-links';
import { RateLimitedError } from '$lib/server/errors';
import { fields } from '$lib/server/validation';
import { clientIp } from './client-ip';
import { publicOrigin } from './public-url';

/** Shared by the sign-in-link and forgot-password pages: same answer whether or not the account exists. */
export async function emailLinkAction(event: RequestEvent, kind: 'magic_link' | 'password_reset') {
	const form = await event.request.formData();
	const email = String(form.get('email') ?? '')
		.trim()
		.toLowerCase();
	if (!email || email.length > 254 || !email.includes('@') || !fields.text.safeParse(email).success)
		return fail(400, { error: 'signin.failed' as const, sent: false });
	try {
		await requestEmailLink({ kind, email, origin: publicOrigin(), ip: clientIp(event) });
	} catch (err) {
		if (err instanceof RateLimitedError) event.locals.retryAfter = err.retryAfterSeconds;
		if (err instanceof RateLimitedError) return fail(429, { error: 'signin.rateLimited' as const, sent: false });
		throw err;
	}
	return { sent: true };
}
