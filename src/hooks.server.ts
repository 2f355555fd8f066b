import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { migrateToLatest } from '$lib/server/db/migrate';
import { bootstrap } from '$lib/server/bootstrap/bootstrap';
import { authenticate } from '$lib/server/http/authenticate';
import { resolveLocale } from '$lib/server/http/locale';
import { securityHeaders } from '$lib/server/http/security';

/** Runs once before the server takes requests: migrations, then the first-start bootstrap. */
export const init: ServerInit = async () => {
	const cfg = config();
	await migrateToLatest(db());
	const credentials = await bootstrap(db(), { demo: cfg.SOS_DEMO === 'on' });
	(globalThis as { __sosStartup?: unknown }).__sosStartup = { credentials };
};

const auth: Handle = async ({ event, resolve }) => {
	await authenticate(event);
	event.locals.locale = resolveLocale(event);
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale) });
};

export const handle = sequence(securityHeaders, auth);

/** Unexpected errors are logged with an id; the user sees the id, never internals. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return { message: 'Not found' };
	const id = crypto.randomUUID().slice(0, 8);
	console.error(`[error ${id}] ${event.request.method} ${event.url.pathname}:`, error instanceof Error ? error.stack : error);
	return { message: `Something went wrong on our side (reference ${id}). Please try again.`, code: id };
};
