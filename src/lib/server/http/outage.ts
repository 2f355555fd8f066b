import type { RequestEvent } from '@sveltejs/kit';
import { translator } from '$lib/i18n';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '$lib/server/db/unavailable';
import { unavailableResponse } from './api';
import { resolveLocale } from './locale';

export { isDatabaseUnavailable };

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small page in the user's language: the service is briefly unavailable, nothing typed is lost, try again. */
function unavailablePage(event: RequestEvent): Response {
	const locale = event.locals.locale ?? resolveLocale(event);
	const t = translator(locale);
	const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(t('error.unavailable.title'))} · SOS</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1f2933"><h1 style="font-size:1.4rem">${escape(t('error.unavailable.title'))}</h1><p>${escape(t('error.unavailable.body'))}</p></body></html>`;
	return new Response(html, {
		status: 503,
		headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' }
	});
}

/**
 * The answer while the database cannot be reached: a JSON 503 under /api/, else the page already
 * rendered for the error (the survey's own, in its language) or a plain one, as 503 — always with
 * Retry-After.
 */
export function unavailable(event: RequestEvent, rendered: Response | null): Response {
	if (event.url.pathname.startsWith('/api/')) return unavailableResponse();
	if (rendered) {
		const type = rendered.headers.get('content-type') ?? '';
		const ours = event.url.pathname === '/s' || event.url.pathname.startsWith('/s/') || type.includes('json');
		if (ours) {
			const headers = new Headers(rendered.headers);
			headers.set('retry-after', String(RETRY_AFTER_SECONDS));
			headers.set('cache-control', 'no-store');
			return new Response(rendered.body, { status: 503, headers });
		}
		void rendered.body?.cancel();
	}
	const accept = event.request.headers.get('accept') ?? '';
	return accept.includes('application/json') && !accept.includes('text/html') ? unavailableResponse() : unavailablePage(event);
}
