import type { RequestEvent } from '@sveltejs/kit';
import { reply } from './reply';
import { errorOutput } from './output';
import { DomainError, RateLimitedError, ValidationError, statusOf } from '$lib/server/errors';
import { assertText, nestingDepth } from '$lib/server/validation';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '$lib/server/db/unavailable';
import type { Actor } from '$lib/server/auth/actor';

const MAX_JSON_BYTES = 256 * 1024;
/** No API body nests deeper than this; deeper is refused before anything walks it. */
export const MAX_JSON_DEPTH = 32;

export function apiError(status: number, code: string, message: string, details?: unknown) {
	return reply(errorOutput, { error: { code, message, ...(details ? { details: details as { path: string; message: string }[] } : {}) } }, { status });
}

/**
 * Reads the rest of a request body and throws it away. A body left unread stalls the keep-alive
 * connection (the Node adapter pauses the socket), so the client's next request on it would hang;
 * reading is bounded by the server's BODY_SIZE_LIMIT.
 */
export async function discardBody(request: Request): Promise<void> {
	if (!request.body || request.bodyUsed) return;
	try {
		const reader = request.body.getReader();
		while (!(await reader.read()).done);
	} catch {
		// A broken or over-limit body: there is nothing left to read.
	}
}

/** Reads a JSON body with a size limit; wrong content type or bad JSON is a 400 with a clear message. */
export async function readJson(event: RequestEvent): Promise<unknown> {
	const type = event.request.headers.get('content-type') ?? '';
	if (!type.toLowerCase().startsWith('application/json')) throw new ValidationError('Send the body as JSON with Content-Type: application/json.');
	const length = Number(event.request.headers.get('content-length') ?? 0);
	if (length > MAX_JSON_BYTES) throw new ValidationError(`The body is too large (at most ${MAX_JSON_BYTES / 1024} KB).`);
	const text = await event.request.text();
	if (text.length > MAX_JSON_BYTES) throw new ValidationError(`The body is too large (at most ${MAX_JSON_BYTES / 1024} KB).`);
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new ValidationError('The body is not valid JSON.');
	}
	if (nestingDepth(value) > MAX_JSON_DEPTH) throw new ValidationError(`The body nests too deeply (at most ${MAX_JSON_DEPTH} levels).`);
	// Lone surrogates and NUL are refused by field; all other text is kept as sent.
	assertText(value);
	return value;
}

/** The JSON answer for a typed domain error (429s say when to retry). */
export function domainErrorResponse(err: DomainError): Response {
	const res = apiError(statusOf(err), err.code, err.message, err.details);
	if (err instanceof RateLimitedError) res.headers.set('retry-after', String(Math.max(1, Math.ceil(err.retryAfterSeconds))));
	return res;
}

/** The JSON answer while the database cannot be reached: 503, try again shortly. */
export function unavailableResponse(): Response {
	const res = apiError(503, 'unavailable', 'The service is briefly unavailable. Please try again in a moment.');
	res.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
	return res;
}

/** A typed domain error or an unreachable database as its JSON answer; anything else is rethrown (a 500). */
export function errorResponse(err: unknown): Response {
	if (err instanceof DomainError) return domainErrorResponse(err);
	if (isDatabaseUnavailable(err)) return unavailableResponse();
	throw err;
}

/**
 * Cookie-authenticated state changes must come from our own origin (CSRF). Bearer-token calls carry
 * no ambient credentials, so they need no such check.
 */
function csrfOk(event: RequestEvent, actor: Actor): boolean {
	if (actor.via !== 'session' || ['GET', 'HEAD', 'OPTIONS'].includes(event.request.method)) return true;
	const origin = event.request.headers.get('origin');
	return origin === event.url.origin;
}

/** Wraps an /api/v1 handler: 401 without an actor, CSRF check, domain errors mapped to JSON. */
export function api<E extends RequestEvent>(fn: (event: E, actor: Actor) => Promise<Response>): (event: E) => Promise<Response> {
	const handle = async (event: E): Promise<Response> => {
		const actor = event.locals.actor;
		if (!actor) return apiError(401, 'unauthenticated', 'Sign in, or send an API token as Authorization: Bearer <token>.');
		if (!csrfOk(event, actor)) return apiError(403, 'csrf', 'Cross-site request refused.');
		try {
			return await fn(event, actor);
		} catch (err) {
			return errorResponse(err);
		}
	};
	return async (event: E) => {
		try {
			return await handle(event);
		} finally {
			// Refused before (or without) reading the body: read it anyway, so the connection stays usable.
			await discardBody(event.request);
		}
	};
}
