import { sql, type Kysely } from 'kysely';

/**
 * KPI owners and their alarm digest (issue 14: "when the month's actuals are in, each KPI owner gets one
 * email digest of new alarms"; src/lib/server/kpis/alarm-digest.ts).
 *
 * - kpis.owner_id: who owns a KPI (a viewer or an admin of the organization, who may sign in); cleared
 *   when that user is deleted (users/mutations.ts: no SET NULL foreign key, see docs/scaling.md).
 * - kpi_alarm_notices: each alarm an owner was told of: a KPI on a unit (unit_id null: the organization's
 *   top) in a month, at a level. One row per level, so an amber alarm that turns red is told again as red;
 *   an alarm that eases (red to amber) or stays is not (the digest inserts amber only where no red is).
 * - kpi_alarm_checks: when to grade the organization's board again: `version` counts the writes of KPI
 *   values and of the KPI set (bumped in their transactions), `checked_version` the one the digest last
 *   graded, and `recheck_at` the next month's start in the organization's zone (a month that closes
 *   without new figures is graded then).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	ALTER TABLE kpis
		ADD COLUMN owner_id uuid,
		ADD FOREIGN KEY (organization_id, owner_id) REFERENCES users(organization_id, id);
	CREATE INDEX kpis_owner ON kpis (organization_id, owner_id) WHERE owner_id IS NOT NULL;

	CREATE TABLE kpi_alarm_notices (
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		kpi_id uuid NOT NULL,
		unit_id uuid,
		month date NOT NULL CHECK (month = date_trunc('month', month)::date),
		level text NOT NULL CHECK (level IN ('amber', 'red')),
		-- Who was told (no foreign key: the record outlives the user).
		owner_id uuid,
		notified_at timestamptz NOT NULL DEFAULT now(),
		FOREIGN KEY (organization_id, kpi_id) REFERENCES kpis(organization_id, id) ON DELETE CASCADE,
		CONSTRAINT kpi_alarm_notices_once UNIQUE NULLS NOT DISTINCT (organization_id, kpi_id, unit_id, month, level)
	);

	CREATE TABLE kpi_alarm_checks (
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		version bigint NOT NULL DEFAULT 1,
		checked_version bigint NOT NULL DEFAULT 0,
		recheck_at timestamptz,
		PRIMARY KEY (organization_id)
	);
	`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`
	DROP TABLE kpi_alarm_checks;
	DROP TABLE kpi_alarm_notices;
	ALTER TABLE kpis DROP COLUMN owner_id;`.execute(db);
}
