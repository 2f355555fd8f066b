import { sql, type Kysely } from 'kysely';

/**
 * The customer's data rights (docs/data-rights.md).
 * - organizations.audit_retention_months: audit events older than this are deleted by housekeeping.
 * - organizations.invitation_retention_months: this long after a round closes, its invitations' email
 *   addresses are scrubbed (rounds.invitations_scrubbed_at marks it done).
 * - organizations.deletion_requested_at / deletion_due_at: the operator's deletion on the customer's request,
 *   carried out by a job once the grace period has passed; deleted_at marks the tombstone left for the
 *   invoices, which the seller must keep.
 * - action_notes.author_id: who wrote a note, so that erasing a person finds their notes by id, not by name.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	ALTER TABLE organizations
		ADD COLUMN audit_retention_months integer NOT NULL DEFAULT 36 CHECK (audit_retention_months BETWEEN 1 AND 120),
		ADD COLUMN invitation_retention_months integer NOT NULL DEFAULT 12 CHECK (invitation_retention_months BETWEEN 1 AND 120),
		ADD COLUMN deletion_requested_at timestamptz,
		ADD COLUMN deletion_due_at timestamptz,
		ADD COLUMN deleted_at timestamptz,
		ADD CONSTRAINT organizations_deletion CHECK ((deletion_requested_at IS NULL) = (deletion_due_at IS NULL));
	CREATE INDEX organizations_deletion_due ON organizations (deletion_due_at) WHERE deletion_due_at IS NOT NULL AND deleted_at IS NULL;
	ALTER TABLE rounds ADD COLUMN invitations_scrubbed_at timestamptz;
	ALTER TABLE action_notes ADD COLUMN author_id uuid;
	`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`
	ALTER TABLE action_notes DROP COLUMN author_id;
	ALTER TABLE rounds DROP COLUMN invitations_scrubbed_at;
	DROP INDEX organizations_deletion_due;
	ALTER TABLE organizations DROP CONSTRAINT organizations_deletion, DROP COLUMN deleted_at, DROP COLUMN deletion_due_at,
		DROP COLUMN deletion_requested_at, DROP COLUMN invitation_retention_months, DROP COLUMN audit_retention_months;
	`.execute(db);
}
