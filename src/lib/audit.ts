/** Every action the audit log records: the one list the type, the audit page's filter and its labels come from. */
export const AUDIT_ACTIONS = [
	'sign_in',
	'sign_in_failed',
	'sign_in_limited',
	'sign_out',
	'password_reset',
	'password_changed',
	'organization_created',
	'user_created',
	'user_updated',
	'user_deleted',
	'access_changed',
	'unit_created',
	'unit_updated',
	'unit_deleted',
	'unit_merged',
	'levels_changed',
	'import_applied',
	'api_token_created',
	'api_token_revoked',
	'round_created',
	'round_launched',
	'round_closed',
	'round_extended',
	'reminder_sent',
	'question_created',
	'question_archived',
	'benchmark_imported',
	'benchmark_excluded',
	'benchmark_included',
	'benchmark_rebuilt',
	'action_created',
	'action_updated',
	'action_deleted',
	'decision_recorded',
	'decision_deleted',
	'report_exported',
	'round_repeat_changed',
	'round_repeated',
	'round_unscheduled',
	'kpis_saved',
	'kpi_values_written',
	'sales_agenda_recorded',
	'experiment_created',
	'experiment_updated',
	'model_uploaded',
	'model_published',
	'model_draft_deleted',
	'model_default_set',
	'billing_settings_changed',
	'billing_details_changed',
	'trial_changed',
	'subscription_started',
	'subscription_changed',
	'subscription_ended',
	'invoice_issued',
	'invoice_paid',
	'credit_note_issued',
	'sso_connection_saved',
	'sso_connection_removed'
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The operator's actions, recorded outside any organization (global_audit_events): never in an organization's log. */
export const OPERATOR_AUDIT_ACTIONS: readonly AuditAction[] = [
	'benchmark_imported',
	'benchmark_excluded',
	'benchmark_included',
	'benchmark_rebuilt',
	'model_uploaded',
	'model_published',
	'model_draft_deleted',
	'model_default_set',
	'billing_settings_changed'
];

/** What an organization's audit log can hold: the choices of its filter. */
export const ORGANIZATION_AUDIT_ACTIONS: readonly AuditAction[] = AUDIT_ACTIONS.filter((a) => !OPERATOR_AUDIT_ACTIONS.includes(a));

export function isAuditAction(value: unknown): value is AuditAction {
	return (AUDIT_ACTIONS as readonly unknown[]).includes(value);
}
