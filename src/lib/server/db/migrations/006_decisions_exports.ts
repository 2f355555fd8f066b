import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	-- The owner of an action is told when it is assigned to them; the email sweep sends pending notices.
	ALTER TABLE actions ADD COLUMN assignment_pending boolean NOT NULL DEFAULT false;

	-- Decision points: dated management decisions recorded for a unit (what was decided and why).
	CREATE TABLE decisions (
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		id uuid NOT NULL DEFAULT gen_random_uuid(),
		unit_id uuid NOT NULL,
		decided_on date NOT NULL,
		title text NOT NULL,
		reason text NOT NULL DEFAULT '',
		created_by text NOT NULL,
		created_at timestamptz NOT NULL DEFAULT now(),
		PRIMARY KEY (organization_id, id),
		FOREIGN KEY (organization_id, unit_id) REFERENCES units(organization_id, id)
	);
	CREATE INDEX decisions_unit ON decisions (organization_id, unit_id, decided_on);

	-- Report exports: asked for by one member, made in the background with that member's rights at the
	-- time it is made, downloadable only by them until it expires.
	CREATE TABLE report_exports (
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		id uuid NOT NULL DEFAULT gen_random_uuid(),
		requested_by text NOT NULL,
		format text NOT NULL CHECK (format IN ('pdf', 'pptx', 'xlsx', 'csv')),
		round_id uuid NOT NULL,
		unit_key text NOT NULL,
		options jsonb NOT NULL DEFAULT '{}'::jsonb,
		email_when_ready boolean NOT NULL DEFAULT false,
		status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'ready', 'failed')),
		progress real NOT NULL DEFAULT 0,
		attempts smallint NOT NULL DEFAULT 0,
		file bytea,
		filename text,
		error text,
		created_at timestamptz NOT NULL DEFAULT now(),
		started_at timestamptz,
		-- Renewed while the file is being made; a running export whose heartbeat stops is made again.
		heartbeat_at timestamptz,
		finished_at timestamptz,
		expires_at timestamptz NOT NULL DEFAULT now() + interval '7 days',
		PRIMARY KEY (organization_id, id),
		FOREIGN KEY (organization_id, round_id) REFERENCES rounds(organization_id, id) ON DELETE CASCADE
	);
	CREATE INDEX report_exports_pending ON report_exports (status, created_at) WHERE status IN ('queued', 'running');
	`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`DROP TABLE report_exports, decisions; ALTER TABLE actions DROP COLUMN assignment_pending`.execute(db);
}
