import { sql, type Kysely } from 'kysely';

/**
 * Experiments (issue 15): instead of a big programme, one lever changed for 6–8 weeks to mend a
 * misalignment an audit round found, with the metric to watch (an area score of the model, or a KPI),
 * an owner and the result. The next round of the same model shows each experiment beside the change.
 *
 * - unit_id NULL: the organization as a whole (as for actions; admins only).
 * - pair_key / statement_key: the model's alignment pair or statement it addresses (either may be null).
 * - metric: kind 'area' with metric_area (an area key of the round's model) or 'kpi' with metric_kpi_id.
 * - the window is 42–56 days (ends_on − starts_on), checked here and in the use case.
 * - owner_id: cleared by deleteUser (no SET NULL foreign key, docs/scaling.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	CREATE TABLE experiments (
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		id uuid NOT NULL DEFAULT gen_random_uuid(),
		unit_id uuid,
		round_id uuid NOT NULL,
		pair_key text,
		statement_key text,
		hypothesis text NOT NULL,
		lever text NOT NULL,
		metric_kind text NOT NULL CHECK (metric_kind IN ('area', 'kpi')),
		metric_area text,
		metric_kpi_id uuid,
		starts_on date NOT NULL,
		ends_on date NOT NULL,
		owner_id uuid,
		status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'running', 'done', 'stopped')),
		result text NOT NULL DEFAULT '',
		created_by text NOT NULL,
		created_at timestamptz NOT NULL DEFAULT now(),
		updated_at timestamptz NOT NULL DEFAULT now(),
		PRIMARY KEY (organization_id, id),
		CONSTRAINT experiments_metric CHECK ((metric_kind = 'area') = (metric_area IS NOT NULL) AND (metric_kind = 'kpi') = (metric_kpi_id IS NOT NULL)),
		CONSTRAINT experiments_window CHECK (ends_on - starts_on BETWEEN 42 AND 56),
		FOREIGN KEY (organization_id, unit_id) REFERENCES units(organization_id, id),
		FOREIGN KEY (organization_id, round_id) REFERENCES rounds(organization_id, id),
		FOREIGN KEY (organization_id, owner_id) REFERENCES users(organization_id, id),
		FOREIGN KEY (organization_id, metric_kpi_id) REFERENCES kpis(organization_id, id)
	);
	CREATE INDEX experiments_unit ON experiments (organization_id, unit_id);
	CREATE INDEX experiments_round ON experiments (organization_id, round_id);
	CREATE INDEX experiments_owner ON experiments (organization_id, owner_id) WHERE owner_id IS NOT NULL;
	`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`DROP TABLE experiments`.execute(db);
}
