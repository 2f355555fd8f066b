import { redirect, type RequestHandler } from '@sveltejs/kit';
import { completeSsoSignIn } from '$lib/server/auth/sso/sign-in';
import { SsoError } from '$lib/server/auth/sso/errors';
import { createSession } from '$lib/server/auth/sessions';
import { setSessionCookie } from '$lib/server/http/authenticate';
import { takeSsoStateCookie } from '$lib/server/http/sso-cookie';
import { safeNext } from '$lib/server/http/guards';
import { clientIp } from '$lib/server/http/client-ip';
import { DomainError } from '$lib/server/errors';

/** Where the identity provider sends the browser back (the redirect URI to register). Signs in as a password does, or back to the sign-in page with why not. */
export const GET: RequestHandler = async (event) => {
	const cookieState = takeSsoStateCookie(event);
	let next: string;
	try {
		const r = await completeSsoSignIn({ callbackUrl: event.url, cookieState, origin: event.url.origin, ip: clientIp(event) });
		const s = await createSession({ accountId: r.accountId, organizationId: r.organizationId, ssoOrganizationId: r.organizationId });
		setSessionCookie(event, s.token, s.expiresAt);
		next = safeNext(r.next);
	} catch (err) {
		if (err instanceof SsoError) redirect(303, `/signin/sso?error=${err.code}`);
		// E.g. a trial with no room for a new person: the same answer as an unknown person, with the reason in the audit log.
		if (err instanceof DomainError) redirect(303, '/signin/sso?error=sso_unknown_person');
		throw err;
	}
	redirect(303, next);
};
