import { text, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { config } from '$lib/server/config';
import { closeDb, db } from '$lib/server/db';
import { migrateToLatest } from '$lib/server/db/migrate';
import { responseKey } from '$lib/server/responses/key';
import { checkResponseKey } from '$lib/server/responses/mix';
import { bootstrap } from '$lib/server/bootstrap/bootstrap';
import { createDemoRound } from '$lib/server/bootstrap/demo-round';
import { startScheduler, stopScheduler } from '$lib/server/jobs/scheduler';
import { authenticate } from '$lib/server/http/authenticate';
import { resolveLocale } from '$lib/server/http/locale';
import { securityHeaders } from '$lib/server/http/security';
import { apiError } from '$lib/server/http/api';
import { participantMayOpen } from '$lib/server/http/participants';
import { isDatabaseUnavailable, unavailable } from '$lib/server/http/outage';
import { textProblem } from '$lib/server/validation';
import { translator } from '$lib/i18n';

/** Runs once before the server takes requests: migrations, then the first-start bootstrap. */
export const init: ServerInit = async () => {
	const cfg = config();
	responseKey(); // fails fast on a malformed SOS_RESPONSE_KEY; creates <data dir>/keys/response.key on the first start
	await migrateToLatest(db());
	void checkResponseKey().catch(() => {}); // warns when this instance's key is not the others'
	const credentials = await bootstrap({ demo: cfg.SOS_DEMO === 'on' });
	if (credentials.length > 0 && cfg.SOS_DEMO === 'on') await createDemoRound();
	// The scheduler starts beside the server rather than before it, so pages are served at once.
	if (process.env.SOS_SCHEDULER !== 'off')
		void startScheduler({ intervalSeconds: Number(process.env.SOS_TICK_SECONDS) || 15 }).catch((err) =>
			console.error('[jobs] the scheduler did not start:', err)
		);
	// start.js prints the credentials and calls shutdown on SIGINT/SIGTERM.
	(globalThis as { __sosStartup?: unknown }).__sosStartup = {
		credentials,
		shutdown: async () => {
			await stopScheduler();
			await closeDb();
		}
	};
};

const auth: Handle = async ({ event, resolve }) => {
	await authenticate(event);
	if (event.locals.actor?.membership?.access === 'participant' && !participantMayOpen(event.url.pathname))
		return event.url.pathname.startsWith('/api/') ? apiError(404, 'not_found', 'There is no such API path.') : text('Not found', { status: 404 });
	event.locals.locale = resolveLocale(event);
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale) });
};

const FORM_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\s*(;|$)/i;

/**
 * CSRF for form-encoded bodies, as SvelteKit's own check (switched off in svelte.config.js) does it,
 * except for /api/ and /scim/ calls with an Authorization header: those authenticate by the token alone.
 */
const sameOriginForms: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	const scim = url.pathname.startsWith('/scim/'); // SCIM provisioning: a bearer token alone, never a cookie (scim/http.ts)
	const bearerApi = (url.pathname.startsWith('/api/') || scim) && request.headers.has('authorization');
	if (
		!bearerApi &&
		['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method) &&
		FORM_TYPES.test(request.headers.get('content-type') ?? '') &&
		request.headers.get('origin') !== url.origin
	) {
		const message = `Cross-site ${request.method} form submissions are forbidden`;
		return request.headers.get('accept') === 'application/json' ? Response.json({ message }, { status: 403 }) : text(message, { status: 403 });
	}
	// A page's form action gets a readable form or a 400, never a 500 from a broken body.
	if (!url.pathname.startsWith('/api/') && !scim && request.method === 'POST' && FORM_TYPES.test(request.headers.get('content-type') ?? '')) {
		let form: FormData;
		try {
			form = await request.clone().formData();
		} catch {
			return text('The form could not be read. Please reload the page and try again.', { status: 400 });
		}
		// Text PostgreSQL cannot store (NUL) is refused by field, as in JSON bodies.
		for (const [name, value] of form.entries()) {
			const problem = typeof value === 'string' ? (textProblem(name) ?? textProblem(value)) : textProblem(name);
			if (problem) return text(`${name.slice(0, 80).replace(/\u0000/g, '')}: ${problem}`, { status: 400 });
		}
	}
	return resolve(event);
};

/** SvelteKit's own decoding of a path (it keeps %25 as is); throws on a malformed percent-encoding. */
const decodePath = (pathname: string) => pathname.split('%25').map(decodeURI).join('%25');

/** Strict decoding of a query string's names and values (`+` is a space); throws on a malformed percent-encoding. */
function decodeQuery(search: string): string[] {
	return search
		.replace(/^\?/, '')
		.split(/[&=]/)
		.map((part) => decodeURIComponent(part.replace(/\+/g, ' ')));
}

/**
 * An /api/ address with a malformed percent-encoding (path or query) is a JSON 400; SvelteKit would
 * render an HTML page for the path and quietly decode the query. (Pages get SvelteKit's 400 page.)
 */
const readableAddress: Handle = async ({ event, resolve }) => {
	const { url } = event;
	if (!url.pathname.startsWith('/api/')) return resolve(event);
	try {
		decodePath(url.pathname);
		decodeQuery(url.search);
	} catch {
		return apiError(400, 'bad_request', 'The address is not valid: it has a malformed percent-encoding.');
	}
	return resolve(event);
};

const API_CODES: Record<number, string> = { 400: 'bad_request', 404: 'not_found', 405: 'method_not_allowed', 413: 'too_large' };

/** Under /api/ every refusal has a JSON error body, SvelteKit's own too (no such route, method not allowed, a path it cannot decode). */
const apiJsonErrors: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (!event.url.pathname.startsWith('/api/') || response.status < 400 || (response.headers.get('content-type') ?? '').includes('json')) return response;
	void response.body?.cancel();
	const s = response.status;
	const message =
		s === 404
			? 'There is no such API path.'
			: s === 405
				? `${event.request.method} is not allowed here.`
				: s >= 500
					? 'Something went wrong on our side. Please try again.'
					: 'The request could not be handled.';
	const json = apiError(s, API_CODES[s] ?? (s >= 500 ? 'internal' : 'bad_request'), message);
	const allow = response.headers.get('allow');
	if (allow) json.headers.set('allow', allow);
	return json;
};

/**
 * A database that cannot be reached is a retryable 503 with Retry-After (pages and API), not a 500;
 * a 429 always says when to retry.
 */
const outage: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (err) {
		if (!isDatabaseUnavailable(err)) throw err;
		console.error(`[db] unavailable: ${event.request.method} ${event.url.pathname}: ${err instanceof Error ? err.message : String(err)}`);
		return unavailable(event, null);
	}
	if (event.locals.unavailable) return unavailable(event, response);
	if (response.status === 429 && !response.headers.has('retry-after')) {
		const headers = new Headers(response.headers);
		headers.set('retry-after', String(Math.max(1, Math.ceil(event.locals.retryAfter ?? 60))));
		return new Response(response.body, { status: 429, statusText: response.statusText, headers });
	}
	return response;
};

export const handle = sequence(securityHeaders, outage, apiJsonErrors, readableAddress, sameOriginForms, auth);

/** Unexpected errors are logged with an id; the user sees the id, never internals. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (isDatabaseUnavailable(error)) {
		// A retryable outage, not a bug: one line in the log, a 503 page in the user's language (see `outage`).
		event.locals.unavailable = true;
		console.error(`[db] unavailable: ${event.request.method} ${event.url.pathname}: ${error instanceof Error ? error.message : String(error)}`);
		return { message: translator(event.locals.locale ?? 'en')('error.unavailable.body'), code: 'unavailable' };
	}
	if (status === 404) return { message: 'Not found' };
	// The client's mistake (e.g. SvelteKit's 400 for a malformed address): nothing to log.
	if (status < 500) return { message };
	const id = crypto.randomUUID().slice(0, 8);
	console.error(`[error ${id}] ${event.request.method} ${event.url.pathname}:`, error instanceof Error ? error.stack : error);
	return { message: `Something went wrong on our side (reference ${id}). Please try again.`, code: id };
};
