import type { ColumnType, Generated } from 'kysely';
import type { StoredPattern } from '$lib/results/pattern';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type Language = 'en' | 'sv';
export type JobRole = 'sales_person' | 'sales_manager';
export type Access = 'participant' | 'viewer' | 'admin';

export interface OrganizationsTable {
	id: Generated<string>;
	name: string;
	industry: string;
	country: string;
	size_band: string;
	sales_model: string;
	level_names: ColumnType<string[], string[] | undefined, string[]>;
	is_demo: Generated<boolean>;
	benchmark_excluded: Generated<boolean>;
	created_at: Timestamp;
}

export interface UnitsTable {
	organization_id: string;
	id: Generated<string>;
	parent_id: string | null;
	name: string;
	created_at: Timestamp;
}

export interface UsersTable {
	organization_id: string;
	id: Generated<string>;
	name: string;
	email: string;
	language: Language;
	unit_id: string | null;
	job_role: JobRole | null;
	access: Access;
	scope_unit_id: string | null;
	created_at: Timestamp;
	updated_at: Timestamp;
}

export interface AccountsTable {
	id: Generated<string>;
	email: string;
	password_hash: string | null;
	is_operator: Generated<boolean>;
	language: Generated<Language>;
	created_at: Timestamp;
	last_sign_in_at: Timestamp | null;
}

export interface SessionsTable {
	id: string;
	account_id: string;
	organization_id: string | null;
	created_at: Timestamp;
	expires_at: Timestamp;
}

export interface OneTimeTokensTable {
	id: string;
	kind: 'magic_link' | 'password_reset';
	account_id: string;
	expires_at: Timestamp;
	used_at: Timestamp | null;
	created_at: Timestamp;
}

export interface ApiTokensTable {
	organization_id: string;
	id: Generated<string>;
	name: string;
	token_hash: string;
	created_by: string;
	created_at: Timestamp;
	last_used_at: Timestamp | null;
	revoked_at: Timestamp | null;
}

export interface AuditEventsTable {
	id: Generated<string>;
	organization_id: string | null;
	at: Timestamp;
	actor: string;
	action: string;
	target: string | null;
	details: ColumnType<Record<string, unknown>, string | undefined, string>;
	ip: string | null;
}

export interface UserImportsTable {
	organization_id: string;
	id: Generated<string>;
	file_name: string;
	created_by: string;
	created_at: Timestamp;
	applied_at: Timestamp | null;
	row_count: number;
	error_count: number;
	preview: ColumnType<unknown, string, string>;
}

export interface RateLimitsTable {
	key: string;
	hits: number;
	window_start: Timestamp;
	/** When the row has no more effect and may be deleted. */
	expires_at: Timestamp;
}

export type RoundStatus = 'draft' | 'scheduled' | 'open' | 'closed' | 'published';

export interface OrgQuestionsTable {
	organization_id: string;
	id: Generated<string>;
	definition: ColumnType<unknown, string, string>;
	created_at: Timestamp;
	archived_at: Timestamp | null;
}

export interface RoundsTable {
	organization_id: string;
	id: Generated<string>;
	name: string;
	model_id: string;
	model_version: string;
	status: ColumnType<RoundStatus, RoundStatus | undefined, RoundStatus>;
	starts_at: Date;
	ends_at: Date;
	publish_at: Date;
	reminders: ColumnType<Date[], Date[] | undefined, Date[]>;
	reminders_done: Generated<number>;
	min_group_size: number;
	participants: ColumnType<unknown, string, string>;
	questions: ColumnType<unknown, string | undefined, string>;
	created_by: string;
	created_at: Timestamp;
	opened_at: Date | null;
	closed_at: Date | null;
	published_at: Date | null;
	unit_tree: ColumnType<FrozenUnit[] | null, string | undefined, string>;
	benchmark_version_id: string | null;
	is_generated: Generated<boolean>;
	/** Every 3, 6 or 12 months; null when the round does not repeat. */
	repeat_months: ColumnType<RepeatMonths | null, RepeatMonths | null | undefined, RepeatMonths | null>;
	/** The round this one was created from by its repeat. */
	repeats_from: ColumnType<string | null, string | null | undefined, string | null>;
	notice_sent: Generated<boolean>;
}

export type RepeatMonths = 3 | 6 | 12;

/** A unit as a round froze it at launch. */
export interface FrozenUnit {
	id: string;
	parentId: string | null;
	name: string;
}

export interface InvitationsTable {
	organization_id: string;
	round_id: string;
	id: Generated<string>;
	user_id: string;
	unit_id: string;
	job_role: JobRole;
	email: string;
	language: Language;
	token_hash: string;
	invitation_sent: Generated<boolean>;
	reminders_sent: Generated<number>;
	completed: Generated<boolean>;
	/** The frozen unit and job role sealed under the response key at launch (responses/seal.ts). */
	sealed_identity: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
}

export interface DraftsTable {
	organization_id: string;
	round_id: string;
	invitation_id: string;
	answers: number[];
	question_answers: ColumnType<unknown, string | undefined, string>;
}

export interface ResponsesTable {
	organization_id: string;
	round_id: string;
	id: Generated<string>;
	unit_id: string;
	job_role: JobRole;
	answers: number[];
	area_scores: (number | null)[];
	question_answers: ColumnType<unknown, string | undefined, string>;
}

/** A submitted answer not yet mixed into responses: only its round and the sealed payload (see responses/seal.ts). */
export interface PendingResponsesTable {
	organization_id: string;
	round_id: string;
	id: Generated<string>;
	sealed: Buffer;
}

export interface RoundAggregatesTable {
	organization_id: string;
	round_id: string;
	unit_id: string;
	job_role: JobRole;
	respondents: number;
	area_n: number[];
	area_sum: number[];
	statement_n: number[];
	statement_sum: number[];
	statement_dist: number[];
	questions: ColumnType<unknown, string, string>;
}

export interface RoundResultsTable {
	organization_id: string;
	round_id: string;
	built_at: Timestamp;
	respondents: number;
	area_means: (number | null)[];
	statement_means: (number | null)[];
	/** The round's disclosure pattern (src/lib/results/pattern.ts), stored form. */
	disclosure: ColumnType<StoredPattern | null, string | null | undefined, string | null>;
}

export interface RoundCommentsTable {
	organization_id: string;
	round_id: string;
	question_key: string;
	position: number;
	unit_id: string;
	body: string;
}

export interface BenchmarkVersionsTable {
	id: Generated<string>;
	model_id: string;
	model_version: string;
	source: 'sos' | 'import';
	population: 'live' | 'demo';
	label: string;
	built_at: Timestamp;
	organizations: number;
	respondents: number;
	/** Listed to organizations and pinned by rounds (false: kept back, see benchmarks/build.ts). */
	published: boolean;
}

export interface BenchmarkContributionsTable {
	version_id: string;
	organization_id: string;
	respondents: number;
	area_means: (number | null)[];
	statement_means: (number | null)[];
	round_id: string | null;
	segments: ColumnType<string[], string[] | undefined, string[]>;
}

export interface BenchmarkStatsTable {
	version_id: string;
	segment: string;
	metric: number;
	organizations: number;
	respondents: number;
	mean_sum: number;
	sorted_means: number[] | null;
	/** Why the figure is not shown (null: shown). */
	withheld: ColumnType<'overlap' | 'versions' | null, 'overlap' | 'versions' | null | undefined, 'overlap' | 'versions' | null>;
}

export interface UnitLineageTable {
	organization_id: string;
	unit_id: string;
	predecessor_id: string;
	predecessor_name: string;
	recorded_at: Timestamp;
}

export type { ActionStatus } from '$lib/actions';
import type { ActionStatus } from '$lib/actions';

export interface ActionsTable {
	organization_id: string;
	id: Generated<string>;
	unit_id: string;
	round_id: string | null;
	area_key: string | null;
	statement_key: string | null;
	title: string;
	reason: Generated<string>;
	owner_id: string | null;
	due_on: string | null;
	status: ColumnType<ActionStatus, ActionStatus | undefined, ActionStatus>;
	created_by: string;
	created_at: Timestamp;
	updated_at: Timestamp;
	due_reminder_sent: Generated<boolean>;
	assignment_pending: Generated<boolean>;
}

export interface ActionNotesTable {
	organization_id: string;
	action_id: string;
	id: Generated<string>;
	body: string;
	author: string;
	created_at: Timestamp;
}

export interface DecisionsTable {
	organization_id: string;
	id: Generated<string>;
	unit_id: string;
	decided_on: string;
	title: string;
	reason: Generated<string>;
	created_by: string;
	created_at: Timestamp;
}

export type ExportFormat = 'pdf' | 'pptx' | 'xlsx' | 'csv';
export type ExportStatus = 'queued' | 'running' | 'ready' | 'failed';

export interface ReportExportsTable {
	organization_id: string;
	id: Generated<string>;
	requested_by: string;
	format: ExportFormat;
	round_id: string;
	unit_key: string;
	options: ColumnType<Record<string, string>, string | undefined, string>;
	email_when_ready: Generated<boolean>;
	status: ColumnType<ExportStatus, ExportStatus | undefined, ExportStatus>;
	progress: Generated<number>;
	attempts: Generated<number>;
	file: Buffer | null;
	filename: string | null;
	error: string | null;
	created_at: Timestamp;
	started_at: Timestamp | null;
	heartbeat_at: Timestamp | null;
	finished_at: Timestamp | null;
	expires_at: Timestamp;
}

export interface AppSecretsTable {
	name: string;
	value: string;
}

export interface Database {
	organizations: OrganizationsTable;
	units: UnitsTable;
	users: UsersTable;
	accounts: AccountsTable;
	sessions: SessionsTable;
	one_time_tokens: OneTimeTokensTable;
	api_tokens: ApiTokensTable;
	audit_events: AuditEventsTable;
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
	round_totals: RoundAggregatesTable;
	round_results: RoundResultsTable;
	round_comments: RoundCommentsTable;
	benchmark_versions: BenchmarkVersionsTable;
	benchmark_contributions: BenchmarkContributionsTable;
	benchmark_stats: BenchmarkStatsTable;
	unit_lineage: UnitLineageTable;
	actions: ActionsTable;
	action_notes: ActionNotesTable;
	decisions: DecisionsTable;
	report_exports: ReportExportsTable;
}
