import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	-- Action plans: what a unit will do about a finding (an area or statement of a round's results).
	CREATE TABLE actions (
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		id uuid NOT NULL DEFAULT gen_random_uuid(),
		unit_id uuid NOT NULL,
		round_id uuid,
		area_key text,
		statement_key text,
		title text NOT NULL,
		reason text NOT NULL DEFAULT '',
		owner_id uuid,
		due_on date,
		status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'dropped')),
		created_by text NOT NULL,
		created_at timestamptz NOT NULL DEFAULT now(),
		updated_at timestamptz NOT NULL DEFAULT now(),
		due_reminder_sent boolean NOT NULL DEFAULT false,
		PRIMARY KEY (organization_id, id),
		FOREIGN KEY (organization_id, unit_id) REFERENCES units(organization_id, id),
		FOREIGN KEY (organization_id, owner_id) REFERENCES users(organization_id, id) ON DELETE SET NULL (owner_id),
		FOREIGN KEY (organization_id, round_id) REFERENCES rounds(organization_id, id) ON DELETE SET NULL (round_id)
	);
	CREATE INDEX actions_unit ON actions (organization_id, unit_id);
	CREATE INDEX actions_owner ON actions (organization_id, owner_id);

	-- Dated progress notes on an action.
	CREATE TABLE action_notes (
		organization_id uuid NOT NULL,
		action_id uuid NOT NULL,
		id uuid NOT NULL DEFAULT gen_random_uuid(),
		body text NOT NULL,
		author text NOT NULL,
		created_at timestamptz NOT NULL DEFAULT now(),
		PRIMARY KEY (organization_id, action_id, id),
		FOREIGN KEY (organization_id, action_id) REFERENCES actions(organization_id, id) ON DELETE CASCADE
	);
	`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`DROP TABLE action_notes, actions`.execute(db);
}
