import type { RequestEvent } from '@sveltejs/kit';
import { DomainError, NotFoundError, statusOf } from '$lib/server/errors';
import { discardBody } from '$lib/server/http/api';
import { TrialLimitError } from '$lib/server/billing/limits';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '$lib/server/db/unavailable';
import { assertText, isUuid, nestingDepth } from '$lib/server/validation';
import { ScimInputError, type ScimType } from './errors';
import { recordScimEvent } from './events';
import { ERROR_URN } from './present';
import { authenticateScimToken, type ScimActor } from './tokens';

export const SCIM_TYPE = 'application/scim+json';
const MAX_BODY_BYTES = 64 * 1024;

/** A SCIM answer: JSON as application/scim+json. */
export function scimReply(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
	return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': `${SCIM_TYPE}; charset=utf-8`, ...headers } });
}

/** A SCIM error body (RFC 7644 §3.12): the status as a string, with a scimType where one applies. */
export function scimError(status: number, detail: string, scimType?: ScimType, headers: Record<string, string> = {}): Response {
	return scimReply({ schemas: [ERROR_URN], status: String(status), ...(scimType ? { scimType } : {}), detail }, status, headers);
}

/** A domain error as SCIM sees it: a duplicate is `uniqueness`, the trial's limit a 403. */
function fromDomainError(err: DomainError): { status: number; scimType?: ScimType } {
	if (err instanceof ScimInputError) return { status: 400, scimType: err.scimType };
	if (err.code === 'email_taken') return { status: 409, scimType: 'uniqueness' };
	if (err instanceof TrialLimitError) return { status: 403 };
	const status = statusOf(err);
	return status === 400 ? { status, scimType: 'invalidValue' } : { status };
}

/** Reads a SCIM JSON body (application/scim+json or application/json), with the API's limits. */
export async function readScimBody(event: RequestEvent): Promise<unknown> {
	const type = (event.request.headers.get('content-type') ?? '').toLowerCase();
	if (!type.startsWith(SCIM_TYPE) && !type.startsWith('application/json'))
		throw new ScimInputError('invalidSyntax', `Send the body as JSON with Content-Type: ${SCIM_TYPE}.`);
	const text = await event.request.text();
	if (text.length > MAX_BODY_BYTES) throw new ScimInputError('invalidSyntax', `The body is too large (at most ${MAX_BODY_BYTES / 1024} KB).`);
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new ScimInputError('invalidSyntax', 'The body is not valid JSON.');
	}
	if (nestingDepth(value) > 16) throw new ScimInputError('invalidSyntax', 'The body nests too deeply.');
	try {
		assertText(value);
	} catch (err) {
		throw new ScimInputError('invalidValue', (err as Error).message);
	}
	return value;
}

/** For the event log: a refusal's detail without the values sent (an email in a message is personal data). */
function refusalDetail(err: DomainError): string {
	return err.message.replace(/[^\s@]+@[^\s@]+/g, '…').slice(0, 300);
}

/**
 * A SCIM endpoint: the bearer token decides the organization (401 without a live one); typed errors become
 * SCIM error bodies, and a refused change is kept in the organization's provisioning events.
 */
export function scim(handler: (event: RequestEvent, actor: ScimActor) => Promise<Response>) {
	return async (event: RequestEvent): Promise<Response> => {
		try {
			return await handle(event, handler);
		} finally {
			// Refused before (or without) reading the body: read it anyway, so the connection stays usable.
			await discardBody(event.request);
		}
	};
}

async function handle(event: RequestEvent, handler: (event: RequestEvent, actor: ScimActor) => Promise<Response>): Promise<Response> {
	const m = /^Bearer\s+(\S+)$/i.exec(event.request.headers.get('authorization') ?? '');
	let actor: ScimActor | null;
	try {
		actor = m ? await authenticateScimToken(m[1]) : null;
	} catch (err) {
		if (isDatabaseUnavailable(err))
			return scimError(503, 'The service is briefly unavailable. Please try again in a moment.', undefined, { 'retry-after': String(RETRY_AFTER_SECONDS) });
		throw err;
	}
	if (!actor) return scimError(401, 'A valid SCIM bearer token is required.', undefined, { 'www-authenticate': 'Bearer realm="SOS SCIM"' });
	try {
		return await handler(event, actor);
	} catch (err) {
		if (isDatabaseUnavailable(err))
			return scimError(503, 'The service is briefly unavailable. Please try again in a moment.', undefined, { 'retry-after': String(RETRY_AFTER_SECONDS) });
		if (!(err instanceof DomainError)) throw err;
		const { status, scimType } = fromDomainError(err);
		const change = event.request.method !== 'GET';
		if (change || !(err instanceof NotFoundError)) {
			const id = event.params.id;
			await recordScimEvent({
				organizationId: actor.organizationId,
				action: 'refused',
				status,
				userId: id && isUuid(id) ? id : null,
				detail: `${event.request.method} ${scimType ?? ''} ${refusalDetail(err)}`.replace(/\s+/g, ' ')
			}).catch(() => {});
		}
		return scimError(status, err.message, scimType);
	}
}
