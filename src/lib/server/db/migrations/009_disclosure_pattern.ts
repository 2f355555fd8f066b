import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	-- What may ever be shown of a round, decided once for the whole organization when its results are
	-- built and never widened (see src/lib/results/pattern.ts). Rounds built before this column existed
	-- get theirs the first time they are read.
	ALTER TABLE round_results ADD COLUMN disclosure jsonb;
	`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`ALTER TABLE round_results DROP COLUMN disclosure;`.execute(db);
}
