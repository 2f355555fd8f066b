import type { Handle } from '@sveltejs/kit';

/** Security headers on every response (CSP itself comes from svelte.config.js with nonces). */
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	h.set('X-Content-Type-Options', 'nosniff');
	h.set('X-Frame-Options', 'DENY');
	h.set('Referrer-Policy', 'same-origin');
	h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
	h.set('Cross-Origin-Opener-Policy', 'same-origin');
	if (event.url.protocol === 'https:') h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	if (event.url.pathname.startsWith('/api/') && !h.has('Content-Security-Policy')) {
		h.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
	}
	if (!h.has('Cache-Control') && (event.locals.actor || event.url.pathname.startsWith('/api/'))) h.set('Cache-Control', 'no-store');
	return response;
};
