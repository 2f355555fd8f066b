import { db, type Db } from '$lib/server/db';

export type AuditAction =
	| 'sign_in'
	| 'sign_in_failed'
	| 'sign_in_limited'
	| 'sign_out'
	| 'password_reset'
	| 'password_changed'
	| 'organization_created'
	| 'user_created'
	| 'user_updated'
	| 'user_deleted'
	| 'access_changed'
	| 'unit_created'
	| 'unit_updated'
	| 'unit_deleted'
	| 'unit_merged'
	| 'levels_changed'
	| 'import_applied'
	| 'api_token_created'
	| 'api_token_revoked'
	| 'round_created'
	| 'round_launched'
	| 'round_closed'
	| 'round_extended'
	| 'reminder_sent'
	| 'threshold_changed'
	| 'question_created'
	| 'question_archived'
	| 'benchmark_imported'
	| 'benchmark_excluded'
	| 'benchmark_included'
	| 'benchmark_rebuilt'
	| 'action_created'
	| 'action_updated'
	| 'action_deleted'
	| 'decision_recorded'
	| 'decision_deleted'
	| 'report_exported'
	| 'round_repeat_changed'
	| 'round_repeated'
	| 'round_unscheduled';

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
