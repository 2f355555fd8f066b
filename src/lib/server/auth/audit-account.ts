import type { Db } from '$lib/server/db';
import { recordAudit, type AuditAction } from '$lib/server/audit/record';

/**
 * Records an account event (sign-in, failed sign-in, reset) where it belongs without telling one
 * organization about a person's activity in another: in the organization it concerns when there is
 * exactly one, otherwise at the operator level.
 */
export async function auditAccountEvent(
	db: Db,
	e: { email: string; action: AuditAction; organizationIds: string[]; ip: string | null; details?: Record<string, unknown> }
): Promise<void> {
	const organizationId = e.organizationIds.length === 1 ? e.organizationIds[0] : null;
	await recordAudit(db, { organizationId, actor: e.email, action: e.action, target: e.email, ip: e.ip, details: e.details });
}
