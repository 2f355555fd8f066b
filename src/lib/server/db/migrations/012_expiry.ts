import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	-- When a rate-limit row has no more effect (its window is over, or a remembered sign-in address has
	-- been forgotten): the scheduler deletes it then. Rows from before get a day.
	ALTER TABLE rate_limits ADD COLUMN expires_at timestamptz NOT NULL DEFAULT now() + interval '1 day';
	CREATE INDEX rate_limits_expires ON rate_limits (expires_at);
	-- The scheduler deletes expired sessions and one-time tokens in batches, oldest first.
	CREATE INDEX sessions_expires ON sessions (expires_at);
	CREATE INDEX one_time_tokens_expires ON one_time_tokens (expires_at);
	`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`
	DROP INDEX one_time_tokens_expires;
	DROP INDEX sessions_expires;
	DROP INDEX rate_limits_expires;
	ALTER TABLE rate_limits DROP COLUMN expires_at;
	`.execute(db);
}
