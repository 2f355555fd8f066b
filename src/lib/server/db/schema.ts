import type { ColumnType, Generated } from 'kysely';
import type * as G from './generated';
import type { StoredPattern } from '$lib/results/pattern';
import type { ActionStatus } from '$lib/actions';
import type { Correction } from '$lib/kpis/corrections';
import type { ExperimentStatus, MetricKind } from '$lib/experiments';
import type { Buyer, Currency, InvoiceKind, InvoiceLanguage, InvoiceReason, Plan, Seller, VatTreatment } from '$lib/billing';

/**
 * The database's types. The columns come from generated.ts, which `npm run db:types` makes from the
 * migrations (kysely-codegen; db/generated.test.ts fails when it is out of date). Here they are only
 * narrowed where the database says less than the code knows: CHECK-constrained text as unions, jsonb
 * as the shape the code writes, arrays that hold nulls. An override may only name a column that exists.
 */
type Override<T, O extends { [K in keyof O]: K extends keyof T ? unknown : never }> = Omit<T, keyof O> & O;
/** A text column whose values are one of T, with a default when `defaulted`. */
type Union<T, Defaulted extends boolean = false> = Defaulted extends true ? ColumnType<T, T | undefined, T> : T;
/** A jsonb column the code writes as JSON text. */
type JsonText<S, Defaulted extends boolean = false> = ColumnType<S, Defaulted extends true ? string | undefined : string, string>;

export type { ActionStatus };
export type Language = 'en' | 'sv';
/** A respondent group's key (`sales_person`, `executive`, …): one of the groups the organization's models know (users/job-role.ts). */
export type JobRole = string;
export type Access = 'participant' | 'viewer' | 'admin';
export type RoundStatus = 'draft' | 'scheduled' | 'open' | 'closed' | 'published';
export type RepeatMonths = 3 | 6 | 12;
export type ExportFormat = 'pdf' | 'pptx' | 'xlsx' | 'csv';
export type ExportStatus = 'queued' | 'running' | 'ready' | 'failed';

/** A unit as a round froze it at launch. */
export interface FrozenUnit {
	id: string;
	parentId: string | null;
	name: string;
}

export type OrganizationsTable = G.Organizations;
/** A unit's attributes (unit_ columns of the import): key → value. */
export type UnitsTable = Override<G.Units, { attributes: JsonText<Record<string, string>, true> }>;
export type UsersTable = Override<G.Users, { language: Union<Language, true>; job_role: JobRole | null; access: Union<Access, true> }>;
export type AccountsTable = Override<G.Accounts, { language: Union<Language, true> }>;
export type SessionsTable = G.Sessions;
export type OneTimeTokensTable = Override<G.OneTimeTokens, { kind: 'magic_link' | 'password_reset' }>;
export type ApiTokensTable = G.ApiTokens;
/** Audit ids are bigint: read as numbers, passed around as strings (the page cursor). */
type AuditOverrides = { id: Generated<string>; details: JsonText<Record<string, unknown>, true> };
export type AuditEventsTable = Override<G.AuditEvents, AuditOverrides>;
/** Events of no organization (see audit/record.ts). */
export type GlobalAuditEventsTable = Override<G.GlobalAuditEvents, AuditOverrides>;
export type UserImportsTable = Override<G.UserImports, { preview: JsonText<unknown> }>;
export type RateLimitsTable = G.RateLimits;
export type AppSecretsTable = G.AppSecrets;
export type OrgQuestionsTable = Override<G.OrgQuestions, { definition: JsonText<unknown> }>;

export type RoundsTable = Override<
	G.Rounds,
	{
		status: Union<RoundStatus, true>;
		participants: JsonText<unknown>;
		questions: JsonText<unknown, true>;
		unit_tree: ColumnType<FrozenUnit[] | null, string | undefined, string>;
		/** Every 3, 6 or 12 months; null when the round does not repeat. */
		repeat_months: ColumnType<RepeatMonths | null, RepeatMonths | null | undefined, RepeatMonths | null>;
		/** The round this one was created from by its repeat. */
		repeats_from: ColumnType<string | null, string | null | undefined, string | null>;
		reminders: ColumnType<Date[], Date[] | undefined, Date[]>;
	}
>;

/** sealed_identity: the frozen unit and job role sealed under the response key at launch (responses/seal.ts). */
export type InvitationsTable = Override<
	G.Invitations,
	{ job_role: JobRole; language: Language; sealed_identity: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null> }
>;
export type DraftsTable = Override<G.Drafts, { question_answers: JsonText<unknown, true> }>;
export type ResponsesTable = Override<G.Responses, { job_role: JobRole; area_scores: (number | null)[]; question_answers: JsonText<unknown, true> }>;
/** A submitted answer not yet mixed into responses: only its round and the sealed payload (see responses/seal.ts). */
export type PendingResponsesTable = G.PendingResponses;
export type RoundAggregatesTable = Override<G.RoundAggregates, { job_role: JobRole; questions: JsonText<unknown> }>;
export type RoundTotalsTable = Override<G.RoundTotals, { job_role: JobRole; questions: JsonText<unknown> }>;
/** disclosure: the round's disclosure pattern (src/lib/results/pattern.ts), stored form. */
export type RoundResultsTable = Override<
	G.RoundResults,
	{ area_means: (number | null)[]; statement_means: (number | null)[]; disclosure: ColumnType<StoredPattern | null, string | null | undefined, string | null> }
>;
export type RoundCommentsTable = G.RoundComments;
/** published: listed to organizations and pinned by rounds (false: kept back, see benchmarks/build.ts). */
export type BenchmarkVersionsTable = Override<G.BenchmarkVersions, { source: 'sos' | 'import'; population: 'live' | 'demo' }>;
export type BenchmarkContributionsTable = Override<G.BenchmarkContributions, { area_means: (number | null)[]; statement_means: (number | null)[] }>;
/** withheld: why the figure is not shown (null: shown). */
export type BenchmarkStatsTable = Override<
	G.BenchmarkStats,
	{ withheld: ColumnType<'overlap' | 'versions' | null, 'overlap' | 'versions' | null | undefined, 'overlap' | 'versions' | null> }
>;
export type UnitLineageTable = G.UnitLineage;
export type ActionsTable = Override<G.Actions, { status: Union<ActionStatus, true> }>;
export type ActionNotesTable = G.ActionNotes;
/** scope: the unit's id, or 'organization' for the organization as a whole (loop/digest.ts). */
export type ActionDigestsTable = G.ActionDigests;
export type DecisionsTable = Override<G.Decisions, { correction: Correction | null }>;
export type KpiReviewsTable = G.KpiReviews;
export type SalesAgendasTable = G.SalesAgendas;
export type ReportExportsTable = Override<
	G.ReportExports,
	{ format: ExportFormat; options: JsonText<Record<string, string>, true>; status: Union<ExportStatus, true> }
>;
export type KpiSource = 'import' | 'api' | 'manual';
export type { Correction };
/** A KPI's definition (lib/kpis/definition.ts), validated as part of the organization's set when saved. */
export type KpisTable = Override<G.Kpis, { definition: JsonText<unknown> }>;
export type KpiValuesTable = G.KpiValues;
export type KpiValueChangesTable = Override<G.KpiValueChanges, { field: 'plan' | 'actual'; source: KpiSource }>;
/** An alarm a KPI's owner was told of, per level (kpis/alarm-digest.ts). */
export type KpiAlarmNoticesTable = Override<G.KpiAlarmNotices, { level: 'amber' | 'red' }>;
export type KpiAlarmChecksTable = G.KpiAlarmChecks;
export type ExperimentsTable = Override<G.Experiments, { status: Union<ExperimentStatus, true>; metric_kind: MetricKind }>;
/** An uploaded model version: the bundle as models/bundle.ts validated it (models/upload.ts). */
export type ModelVersionsTable = Override<G.ModelVersions, { status: 'draft' | 'published'; bundle: JsonText<unknown> }>;
export type OperatorSettingsTable = G.OperatorSettings;
export type BillingSettingsTable = Override<G.BillingSettings, { seller: JsonText<Seller | null, true> }>;
export type PriceListsTable = Override<G.PriceLists, { currency: Currency }>;
export type BillingAccountsTable = Override<G.BillingAccounts, { language: Union<InvoiceLanguage, true> }>;
export type SubscriptionsTable = Override<G.Subscriptions, { plan: Plan; currency: Currency | null }>;
export type BillablePresenceTable = G.BillablePresence;
export type InvoiceCounterTable = G.InvoiceCounter;
export type InvoicesTable = Override<
	G.Invoices,
	{
		kind: InvoiceKind;
		reason: InvoiceReason;
		currency: Currency;
		language: InvoiceLanguage;
		seller: JsonText<Seller>;
		buyer: JsonText<Buyer>;
		vat_treatment: VatTreatment;
	}
>;
export type InvoiceLinesTable = G.InvoiceLines;
/** An identity provider's kind: Microsoft Entra ID (tenant id → issuer) or any OpenID Connect provider (issuer URL). */
export type SsoKind = 'entra' | 'oidc';
export type SsoConnectionsTable = Override<G.SsoConnections, { kind: SsoKind }>;
export type SsoIdentitiesTable = G.SsoIdentities;
export type SsoFlowsTable = G.SsoFlows;
export type BillingNoticesTable = G.BillingNotices;
export type ScimTokensTable = G.ScimTokens;
/** Which SCIM attribute places a person in a unit, and which gives their job role (scim/settings.ts). */
export type ScimUnitAttribute = 'none' | 'department' | 'division' | 'organization' | 'costCenter';
export type ScimJobRoleAttribute = 'none' | 'title' | 'userType';
export type ScimSettingsTable = Override<
	G.ScimSettings,
	{ unit_attribute: Union<ScimUnitAttribute, true>; job_role_attribute: Union<ScimJobRoleAttribute, true> }
>;
export type ScimEventAction = 'created' | 'updated' | 'deactivated' | 'reactivated' | 'refused';
export type ScimEventsTable = Override<G.ScimEvents, { action: ScimEventAction; id: Generated<string> }>;

/** Every table of the generated schema, narrowed as above; a table missing here fails the check below. */
export interface Database {
	organizations: OrganizationsTable;
	units: UnitsTable;
	users: UsersTable;
	accounts: AccountsTable;
	sessions: SessionsTable;
	one_time_tokens: OneTimeTokensTable;
	api_tokens: ApiTokensTable;
	audit_events: AuditEventsTable;
	global_audit_events: GlobalAuditEventsTable;
	user_imports: UserImportsTable;
	rate_limits: RateLimitsTable;
	app_secrets: AppSecretsTable;
	org_questions: OrgQuestionsTable;
	rounds: RoundsTable;
	invitations: InvitationsTable;
	drafts: DraftsTable;
	responses: ResponsesTable;
	pending_responses: PendingResponsesTable;
	round_aggregates: RoundAggregatesTable;
	round_totals: RoundTotalsTable;
	round_results: RoundResultsTable;
	round_comments: RoundCommentsTable;
	benchmark_versions: BenchmarkVersionsTable;
	benchmark_contributions: BenchmarkContributionsTable;
	benchmark_stats: BenchmarkStatsTable;
	unit_lineage: UnitLineageTable;
	actions: ActionsTable;
	action_notes: ActionNotesTable;
	action_digests: ActionDigestsTable;
	decisions: DecisionsTable;
	report_exports: ReportExportsTable;
	kpis: KpisTable;
	kpi_values: KpiValuesTable;
	kpi_value_changes: KpiValueChangesTable;
	kpi_reviews: KpiReviewsTable;
	sales_agendas: SalesAgendasTable;
	kpi_alarm_notices: KpiAlarmNoticesTable;
	kpi_alarm_checks: KpiAlarmChecksTable;
	experiments: ExperimentsTable;
	model_versions: ModelVersionsTable;
	operator_settings: OperatorSettingsTable;
	billing_settings: BillingSettingsTable;
	price_lists: PriceListsTable;
	billing_accounts: BillingAccountsTable;
	subscriptions: SubscriptionsTable;
	billable_presence: BillablePresenceTable;
	invoice_counter: InvoiceCounterTable;
	invoices: InvoicesTable;
	invoice_lines: InvoiceLinesTable;
	billing_notices: BillingNoticesTable;
	scim_tokens: ScimTokensTable;
	scim_settings: ScimSettingsTable;
	scim_events: ScimEventsTable;
	sso_connections: SsoConnectionsTable;
	sso_identities: SsoIdentitiesTable;
	sso_flows: SsoFlowsTable;
}

/** Compile-time: Database names exactly the generated tables, and each table exactly its generated columns. */
type Missing<A, B> = Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>;
type TablesNotMatching = Missing<Database, G.DB>;
type TablesWithOtherColumns = { [T in keyof G.DB & keyof Database]: [Missing<Database[T], G.DB[T]>] extends [never] ? never : T }[keyof G.DB & keyof Database];
export const schemaMatchesGenerated: [TablesNotMatching | TablesWithOtherColumns] extends [never] ? true : TablesNotMatching | TablesWithOtherColumns = true;
