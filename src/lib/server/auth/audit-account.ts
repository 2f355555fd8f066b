import { db, type Db } from '$lib/server/db';
import { recordAudit, type AuditAction } from '$lib/server/audit/record';
import { listMemberships } from './memberships';
import type { RateLimitRefusal } from './rate-limit';

/**
 * Records an account event (sign-in, failed sign-in, reset) where it belongs without telling one
 * organization about a person's activity in another: in the organization it concerns when there is
 * exactly one, otherwise at the operator level.
 */
export async function auditAccountEvent(
	e: { email: string; action: AuditAction; organizationIds: string[]; ip: string | null; details?: Record<string, unknown> },
	executor: Db = db()
): Promise<void> {
	const organizationId = e.organizationIds.length === 1 ? e.organizationIds[0] : null;
	await recordAudit({ organizationId, actor: e.email, action: e.action, target: e.email, ip: e.ip, details: e.details }, executor);
}

/**
 * A sign-in (or sign-in link request) refused by a rate limit, logged where the account's events go.
 * A flood of refusals is logged sparsely: the 1st, 2nd, 4th, 8th… refusal of a limit in its window,
 * each with its count; `limit` names the limit (e.g. signin:pair = this account from this address).
 */
export async function auditRefusal(
	e: { email: string; ip: string | null; refusal: RateLimitRefusal; details?: Record<string, unknown> },
	executor: Db = db()
): Promise<void> {
	const { refused, key, retryAfterSeconds } = e.refusal;
	if ((refused & (refused - 1)) !== 0) return;
	const organizationIds = (await listMemberships(e.email, executor)).map((m) => m.organizationId);
	const limit = key.split(':').slice(0, 2).join(':');
	await auditAccountEvent(
		{ email: e.email, action: 'sign_in_limited', organizationIds, ip: e.ip, details: { ...e.details, limit, refused, retryAfterSeconds } },
		executor
	);
}
