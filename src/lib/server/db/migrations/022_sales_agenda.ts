import { sql, type Kysely } from 'kysely';

/**
 * The executive team's agenda for sales (issue 14): which KPIs and which reporting the sales organization
 * works to, and its priorities, as the executives decided them — who decided, on which day, recorded by
 * whom. Each decision is a new row; the newest is the agenda in force, the others its history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	CREATE TABLE sales_agendas (
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		id uuid NOT NULL DEFAULT gen_random_uuid(),
		decided_on date NOT NULL,
		decided_by text NOT NULL,
		kpi_keys text[] NOT NULL DEFAULT '{}',
		priorities text NOT NULL DEFAULT '',
		reporting text NOT NULL DEFAULT '',
		recorded_by text NOT NULL,
		recorded_at timestamptz NOT NULL DEFAULT now(),
		PRIMARY KEY (organization_id, id)
	);
	CREATE INDEX sales_agendas_org ON sales_agendas (organization_id, decided_on DESC, recorded_at DESC);
	`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`DROP TABLE sales_agendas`.execute(db);
}
