import { sql, type Kysely } from 'kysely';

/**
 * Closing the loop for participants by email (src/lib/server/loop/). At publication the round is marked
 * (results_notice_due), and then, apart, every invitation of the round for one email (results_notice_pending, cleared when it is sent); a new action is
 * marked for the next digest of its unit or of the organization as a whole (digest_pending; actions
 * that exist now are not). action_digests holds one row per unit (its id, or 'organization'): when its
 * last digest started (at most one a day), and while it is being sent (sending), the round whose
 * invitees get it, the actions it names, and the last invitation it went to (cursor, in id order). Its
 * row lock sends each of those emails once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	// Set in the transaction that publishes; its invitations are marked later, in a transaction of their own,
	// so that no invitation shares a transaction id with the answers rewritten when the round closed.
	await sql`ALTER TABLE rounds ADD COLUMN results_notice_due boolean NOT NULL DEFAULT false`.execute(db);
	await sql`ALTER TABLE invitations ADD COLUMN results_notice_pending boolean NOT NULL DEFAULT false`.execute(db);
	await sql`CREATE INDEX invitations_results_notice ON invitations (organization_id) WHERE results_notice_pending`.execute(db);
	await sql`ALTER TABLE actions ADD COLUMN digest_pending boolean NOT NULL DEFAULT false`.execute(db);
	await sql`CREATE INDEX actions_digest ON actions (organization_id) WHERE digest_pending`.execute(db);
	await sql`
		CREATE TABLE action_digests (
			organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
			scope text NOT NULL,
			sent_at timestamptz,
			sending boolean NOT NULL DEFAULT false,
			round_id uuid,
			action_ids uuid[] NOT NULL DEFAULT '{}',
			cursor uuid,
			PRIMARY KEY (organization_id, scope)
		)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`DROP TABLE action_digests`.execute(db);
	await sql`ALTER TABLE actions DROP COLUMN digest_pending`.execute(db);
	await sql`ALTER TABLE invitations DROP COLUMN results_notice_pending`.execute(db);
	await sql`ALTER TABLE rounds DROP COLUMN results_notice_due`.execute(db);
}
