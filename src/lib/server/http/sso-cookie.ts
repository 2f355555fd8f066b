import type { RequestEvent } from '@sveltejs/kit';
import { SSO_STATE_COOKIE } from '$lib/server/auth/sso/sign-in';

/** The state of a single sign-on under way, only for /signin/sso/… (the callback), httpOnly, for as long as the sign-in may take. */
export function setSsoStateCookie(event: Pick<RequestEvent, 'cookies' | 'url'>, state: string, maxAgeSeconds: number) {
	event.cookies.set(SSO_STATE_COOKIE, state, {
		path: '/signin/sso',
		httpOnly: true,
		// lax: the provider sends the browser back with a top-level GET, on which a lax cookie is sent.
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		maxAge: maxAgeSeconds
	});
}

export function takeSsoStateCookie(event: Pick<RequestEvent, 'cookies' | 'url'>): string | null {
	const state = event.cookies.get(SSO_STATE_COOKIE) ?? null;
	event.cookies.delete(SSO_STATE_COOKIE, { path: '/signin/sso', secure: event.url.protocol === 'https:' });
	return state;
}
