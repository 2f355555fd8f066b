import { sql, type Kysely } from 'kysely';

/**
 * The monthly tactical loop's figures (docs/kpis.md). KPI values are individual performance data, not
 * survey answers: they never touch the survey tables or the benchmark.
 *
 * - kpis: the organization's KPI definitions (lib/kpis/definition.ts, validated as a set), in order.
 * - kpi_values: plan and actual of one KPI for one month, entered for a unit (its own figure, not its
 *   subtree's) or for a person; months are the first day of a calendar month in the organization's zone.
 *   Exact decimals (numeric). A KPI built as a ratio of two others has no values of its own.
 * - kpi_value_changes: every correction of a value already entered: who, when, from what, to what, how.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	CREATE TABLE kpis (
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		id uuid NOT NULL DEFAULT gen_random_uuid(),
		key text NOT NULL,
		definition jsonb NOT NULL,
		position int NOT NULL DEFAULT 0,
		archived_at timestamptz,
		created_at timestamptz NOT NULL DEFAULT now(),
		updated_at timestamptz NOT NULL DEFAULT now(),
		PRIMARY KEY (organization_id, id)
	);
	CREATE UNIQUE INDEX kpis_org_key ON kpis (organization_id, key);

	CREATE TABLE kpi_values (
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		kpi_id uuid NOT NULL,
		unit_id uuid,
		user_id uuid,
		month date NOT NULL,
		plan numeric,
		actual numeric,
		updated_by text NOT NULL,
		updated_at timestamptz NOT NULL DEFAULT now(),
		CONSTRAINT kpi_values_one_owner CHECK ((unit_id IS NULL) <> (user_id IS NULL)),
		CONSTRAINT kpi_values_month CHECK (month = date_trunc('month', month)::date),
		FOREIGN KEY (organization_id, kpi_id) REFERENCES kpis(organization_id, id) ON DELETE CASCADE,
		FOREIGN KEY (organization_id, unit_id) REFERENCES units(organization_id, id) ON DELETE CASCADE,
		FOREIGN KEY (organization_id, user_id) REFERENCES users(organization_id, id) ON DELETE CASCADE
	);
	CREATE UNIQUE INDEX kpi_values_unit ON kpi_values (organization_id, kpi_id, unit_id, month) WHERE unit_id IS NOT NULL;
	CREATE UNIQUE INDEX kpi_values_person ON kpi_values (organization_id, kpi_id, user_id, month) WHERE user_id IS NOT NULL;
	CREATE INDEX kpi_values_org_month ON kpi_values (organization_id, month);

	CREATE TABLE kpi_value_changes (
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		id uuid NOT NULL DEFAULT gen_random_uuid(),
		kpi_id uuid NOT NULL,
		unit_id uuid,
		user_id uuid,
		month date NOT NULL,
		field text NOT NULL CHECK (field IN ('plan', 'actual')),
		before numeric,
		after numeric,
		source text NOT NULL CHECK (source IN ('import', 'api', 'manual')),
		changed_by text NOT NULL,
		changed_at timestamptz NOT NULL DEFAULT now(),
		PRIMARY KEY (organization_id, id),
		FOREIGN KEY (organization_id, kpi_id) REFERENCES kpis(organization_id, id) ON DELETE CASCADE
	);
	CREATE INDEX kpi_value_changes_when ON kpi_value_changes (organization_id, changed_at);
	`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`DROP TABLE kpi_value_changes; DROP TABLE kpi_values; DROP TABLE kpis;`.execute(db);
}
