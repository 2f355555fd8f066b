import { sql, type Kysely } from 'kysely';

/**
 * The monthly review (issue 14): one meeting per unit (or the organization's top) and month, closed with
 * its minutes. A correction is a decision point that answers a KPI alarm: which correction from the menu,
 * who owns it, what it should do and to which KPI, when to check it, and what is passed down to the sales
 * people. Decisions without a review stay what they were.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	CREATE TABLE kpi_reviews (
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		id uuid NOT NULL DEFAULT gen_random_uuid(),
		unit_id uuid,
		month date NOT NULL CHECK (month = date_trunc('month', month)::date),
		minutes text NOT NULL DEFAULT '',
		created_by text NOT NULL,
		created_at timestamptz NOT NULL DEFAULT now(),
		closed_by text,
		closed_at timestamptz,
		PRIMARY KEY (organization_id, id),
		FOREIGN KEY (organization_id, unit_id) REFERENCES units(organization_id, id)
	);
	CREATE UNIQUE INDEX kpi_reviews_unit ON kpi_reviews (organization_id, unit_id, month) WHERE unit_id IS NOT NULL;
	CREATE UNIQUE INDEX kpi_reviews_top ON kpi_reviews (organization_id, month) WHERE unit_id IS NULL;

	ALTER TABLE decisions
		ADD COLUMN review_id uuid,
		ADD COLUMN kpi_id uuid,
		ADD COLUMN alarm_month date,
		ADD COLUMN correction text CHECK (correction IN ('shift_time', 'campaign', 'joint_visits', 'reassign_accounts', 'price_offer', 'revise_target', 'escalate', 'other')),
		ADD COLUMN owner_id uuid,
		ADD COLUMN expected_effect text NOT NULL DEFAULT '',
		ADD COLUMN check_on date,
		ADD COLUMN passed_down text NOT NULL DEFAULT '',
		ADD FOREIGN KEY (organization_id, review_id) REFERENCES kpi_reviews(organization_id, id),
		ADD FOREIGN KEY (organization_id, kpi_id) REFERENCES kpis(organization_id, id),
		ADD FOREIGN KEY (organization_id, owner_id) REFERENCES users(organization_id, id);
	CREATE INDEX decisions_kpi_alarm ON decisions (organization_id, kpi_id, alarm_month) WHERE kpi_id IS NOT NULL;
	`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`
	ALTER TABLE decisions DROP COLUMN review_id, DROP COLUMN kpi_id, DROP COLUMN alarm_month, DROP COLUMN correction, DROP COLUMN owner_id,
		DROP COLUMN expected_effect, DROP COLUMN check_on, DROP COLUMN passed_down;
	DROP TABLE kpi_reviews;`.execute(db);
}
