import { db, type Db } from '$lib/server/db';
import type { AuditAction } from '$lib/audit';

export type { AuditAction } from '$lib/audit';

export interface AuditInput {
	organizationId: string | null;
	actor: string;
	action: AuditAction;
	target?: string | null;
	details?: Record<string, unknown>;
	ip?: string | null;
}

/**
 * Appends one event to the audit log. Never holds survey answers. An organization's events go to its
 * audit_events (distributed with the organization); events of no organization (an unknown email's
 * failed sign-in, the operator's benchmark work) go to global_audit_events.
 */
export async function recordAudit(e: AuditInput, executor: Db = db()): Promise<void> {
	const event = {
		actor: e.actor.slice(0, 320),
		action: e.action,
		target: e.target?.slice(0, 500) ?? null,
		details: JSON.stringify(e.details ?? {}),
		ip: e.ip ?? null
	};
	if (e.organizationId === null) await executor.insertInto('global_audit_events').values(event).execute();
	else
		await executor
			.insertInto('audit_events')
			.values({ organization_id: e.organizationId, ...event })
			.execute();
}
