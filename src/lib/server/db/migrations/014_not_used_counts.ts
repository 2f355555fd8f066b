import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	-- Per statement, how many answered "not used in our team" (answer -1, offered only where a model lists
	-- the statement in notUsed). Counted apart from the distribution and left out of scores, like "don't
	-- know". NULL on results built before it was counted: read as zeros.
	ALTER TABLE round_aggregates ADD COLUMN statement_not_used int[];
	ALTER TABLE round_totals ADD COLUMN statement_not_used int[];
	`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`
	ALTER TABLE round_totals DROP COLUMN statement_not_used;
	ALTER TABLE round_aggregates DROP COLUMN statement_not_used;
	`.execute(db);
}
