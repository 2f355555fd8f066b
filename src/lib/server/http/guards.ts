import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actor } from '$lib/server/auth/actor';

/** Pages: not signed in → to the sign-in page, coming back afterwards. */
export function requireSignedIn(event: Pick<RequestEvent, 'locals' | 'url'>): Actor {
	const actor = event.locals.actor;
	if (!actor || actor.via !== 'session') redirect(303, `/signin?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	return actor;
}

export function requireMemberPage(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const actor = requireSignedIn(event);
	if (!actor.membership) redirect(303, actor.isOperator ? '/operator' : '/choose-organization');
	return { actor, organizationId: actor.membership.organizationId, membership: actor.membership };
}

export function requireAdminPage(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const r = requireMemberPage(event);
	if (r.membership.access !== 'admin') error(403, 'Only organization admins can open this page.');
	return r;
}

export function requireOperatorPage(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const actor = requireSignedIn(event);
	if (!actor.isOperator) error(403, 'Only the SOS operator can open this page.');
	return actor;
}

/**
 * Where to go after signing in: only same-site paths, never another host. Backslashes and control
 * characters are refused too: browsers drop tabs and line breaks from URLs (so "/\t/evil" is
 * "//evil") and read "\" as "/", and a line break cannot even go into a Location header.
 */
export function safeNext(next: string | null): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(next)) return '/';
	// Re-serialized, so that non-ASCII characters are percent-encoded as a header needs them.
	const url = new URL(next, 'http://sos.invalid');
	return url.origin === 'http://sos.invalid' ? url.pathname + url.search + url.hash : '/';
}
