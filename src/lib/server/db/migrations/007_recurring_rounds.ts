import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	-- A round may repeat every 3, 6 or 12 months: when it opens, its successor is created (once) as a
	-- scheduled round with the same settings and every date moved on by the interval.
	ALTER TABLE rounds
		ADD COLUMN repeat_months smallint CHECK (repeat_months IN (3, 6, 12)),
		-- The round this one was created from by its repeat; one successor per round.
		ADD COLUMN repeats_from uuid,
		-- For a round created by a repeat: whether the admins have been told it is coming.
		ADD COLUMN notice_sent boolean NOT NULL DEFAULT false,
		ADD CONSTRAINT rounds_one_successor UNIQUE (organization_id, repeats_from),
		ADD CONSTRAINT rounds_repeats_from FOREIGN KEY (organization_id, repeats_from) REFERENCES rounds(organization_id, id) ON DELETE SET NULL (repeats_from);
	CREATE INDEX rounds_notice_due ON rounds (starts_at) WHERE status = 'scheduled' AND repeats_from IS NOT NULL AND NOT notice_sent;
	`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`
	DROP INDEX rounds_notice_due;
	ALTER TABLE rounds DROP CONSTRAINT rounds_repeats_from, DROP CONSTRAINT rounds_one_successor,
		DROP COLUMN notice_sent, DROP COLUMN repeats_from, DROP COLUMN repeat_months;
	`.execute(db);
}
