/**
 * How each table would be placed in a Citus cluster (docs/scaling.md). distribution.test.ts checks the
 * migrated schema against it: a new table must be named here, and a distributed one must follow the rules.
 *
 * - distributed: sharded by its distribution column (organization_id), co-located with every other one,
 *   so all of one organization's rows live on one node and its queries reach one shard.
 * - reference: small, read everywhere, written rarely; copied to every node.
 * - coordinator: global state that belongs to no organization (accounts, sessions, secrets); a plain
 *   local table on the coordinator.
 */
export type Placement = { kind: 'distributed'; column: 'organization_id' } | { kind: 'reference' } | { kind: 'coordinator' };

const distributed: Placement = { kind: 'distributed', column: 'organization_id' };
const reference: Placement = { kind: 'reference' };
const coordinator: Placement = { kind: 'coordinator' };

export const distributionPlan = {
	// Reference: one row per organization, read with almost every request and by the benchmark build;
	// tenant tables reference it (ON DELETE CASCADE), and so may the coordinator's sessions.
	organizations: reference,
	benchmark_versions: reference,
	benchmark_contributions: reference,
	benchmark_stats: reference,
	// The operator's uploaded model versions and settings: small, read when a round is created or answered.
	model_versions: reference,
	operator_settings: reference,
	// Billing: the operator's terms and prices, and the one gapless invoice sequence (a single row whose
	// lock orders every issuing transaction, on whichever node its organization lives).
	billing_settings: reference,
	price_lists: reference,
	invoice_counter: reference,

	accounts: coordinator,
	sessions: coordinator,
	one_time_tokens: coordinator,
	rate_limits: coordinator,
	app_secrets: coordinator,
	global_audit_events: coordinator,

	units: distributed,
	users: distributed,
	api_tokens: distributed,
	audit_events: distributed,
	user_imports: distributed,
	org_questions: distributed,
	rounds: distributed,
	invitations: distributed,
	drafts: distributed,
	responses: distributed,
	pending_responses: distributed,
	round_aggregates: distributed,
	round_totals: distributed,
	round_results: distributed,
	round_comments: distributed,
	unit_lineage: distributed,
	actions: distributed,
	action_notes: distributed,
	action_digests: distributed,
	decisions: distributed,
	report_exports: distributed,
	kpis: distributed,
	kpi_values: distributed,
	kpi_value_changes: distributed,
	kpi_reviews: distributed,
	sales_agendas: distributed,
	kpi_alarm_notices: distributed,
	kpi_alarm_checks: distributed,
	experiments: distributed,
	billing_accounts: distributed,
	subscriptions: distributed,
	billable_presence: distributed,
	invoices: distributed,
	invoice_lines: distributed,
	billing_notices: distributed,
	scim_tokens: distributed,
	scim_settings: distributed,
	scim_events: distributed,
	sso_connections: distributed,
	sso_identities: distributed,
	// Sign-ins under way, found by the hash of their state before the organization is known (as sessions are).
	sso_flows: coordinator
} satisfies Record<string, Placement>;

export type TableName = keyof typeof distributionPlan;

/** The tables of one kind, in the order create_distributed_table / create_reference_table should see them. */
export function tablesOf(kind: Placement['kind']): TableName[] {
	return (Object.keys(distributionPlan) as TableName[]).filter((t) => distributionPlan[t].kind === kind);
}

/** Tables the migrator itself keeps (not part of the plan). */
export const migratorTables = ['kysely_migration', 'kysely_migration_lock'];
