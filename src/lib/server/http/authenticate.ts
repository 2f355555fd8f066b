import type { RequestEvent } from '@sveltejs/kit';
import { SESSION_COOKIE, validateSession } from '$lib/server/auth/sessions';
import { authenticateApiToken } from '$lib/server/api-tokens/tokens';

export function setSessionCookie(event: RequestEvent, token: string, expiresAt: Date) {
	event.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		expires: expiresAt
	});
}

export function clearSessionCookie(event: RequestEvent) {
	event.cookies.delete(SESSION_COOKIE, { path: '/', secure: event.url.protocol === 'https:' });
}

/** Fills locals.actor from `Authorization: Bearer …` (API only) or the session cookie. */
export async function authenticate(event: RequestEvent): Promise<void> {
	event.locals.actor = null;
	event.locals.sessionId = null;
	const header = event.request.headers.get('authorization');
	if (header && event.url.pathname.startsWith('/api/')) {
		const m = /^Bearer\s+(\S+)$/i.exec(header);
		event.locals.actor = m ? await authenticateApiToken(m[1]) : null;
		return;
	}
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token || token.length > 100) return;
	const result = await validateSession(token);
	if (!result) {
		clearSessionCookie(event);
		return;
	}
	event.locals.actor = result.actor;
	event.locals.sessionId = token;
	if (result.renewedUntil) setSessionCookie(event, token, result.renewedUntil);
}
