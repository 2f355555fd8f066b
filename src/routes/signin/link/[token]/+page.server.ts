import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isLinkUsable, signInWithLink, InvalidLinkError } from '$lib/server/auth/email-links';
import { createSession } from '$lib/server/auth/sessions';
import { setSessionCookie } from '$lib/server/http/authenticate';
import { clientIp } from '$lib/server/http/client-ip';
import { SsoError } from '$lib/server/auth/sso/errors';

// The link opens a confirm page and signing in is a POST, so mail scanners that fetch links
// cannot use up the token.
export const load: PageServerLoad = async ({ params }) => ({ usable: await isLinkUsable('magic_link', params.token) });

export const actions: Actions = {
	default: async (event) => {
		try {
			const r = await signInWithLink({ token: event.params.token, ip: clientIp(event) });
			const s = await createSession({ accountId: r.accountId, organizationId: r.organizationId });
			setSessionCookie(event, s.token, s.expiresAt);
		} catch (err) {
			if (err instanceof InvalidLinkError) return fail(400, { invalid: true });
			if (err instanceof SsoError) return fail(403, { ssoRequired: true });
			throw err;
		}
		redirect(303, '/');
	}
};
