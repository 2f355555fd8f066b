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

/** Runs once before the server takes requests: migrations, then the first-start bootstrap. */
export const init: ServerInit = async () => {
	const cfg = config();
	responseKey(); // fails fast on a malformed SOS_RESPONSE_KEY; creates <data dir>/keys/response.key on the first start
	await migrateToLatest(db());
	void checkResponseKey(db()).catch(() => {}); // warns when this instance's key is not the others'
	const credentials = await bootstrap(db(), { demo: cfg.SOS_DEMO === 'on' });
	if (credentials.length > 0 && cfg.SOS_DEMO === 'on') await createDemoRound(db());
	// The scheduler starts beside the server rather than before it, so pages are served at once.
	if (process.env.SOS_SCHEDULER !== 'off')
		void startScheduler({ intervalSeconds: Number(process.env.SOS_TICK_SECONDS) || 15 }).catch((err) => console.error('[jobs] the scheduler did not start:', err));
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
	event.locals.locale = resolveLocale(event);
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale) });
};

const FORM_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\s*(;|$)/i;

/**
 * CSRF for form-encoded bodies, as SvelteKit's own check (switched off in svelte.config.js) does it,
 * except for /api/ calls with an Authorization header: those authenticate by the token alone.
 */
const sameOriginForms: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	const bearerApi = url.pathname.startsWith('/api/') && request.headers.has('authorization');
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
	if (!url.pathname.startsWith('/api/') && request.method === 'POST' && FORM_TYPES.test(request.headers.get('content-type') ?? '')) {
		try {
			await request.clone().formData();
		} catch {
			return text('The form could not be read. Please reload the page and try again.', { status: 400 });
		}
	}
	return resolve(event);
};

export const handle = sequence(securityHeaders, sameOriginForms, auth);

/** Unexpected errors are logged with an id; the user sees the id, never internals. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return { message: 'Not found' };
	const id = crypto.randomUUID().slice(0, 8);
	console.error(`[error ${id}] ${event.request.method} ${event.url.pathname}:`, error instanceof Error ? error.stack : error);
	return { message: `Something went wrong on our side (reference ${id}). Please try again.`, code: id };
};
