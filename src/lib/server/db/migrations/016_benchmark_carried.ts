import { sql, type Kysely } from 'kysely';

/**
 * The earlier model versions whose rounds a benchmark version carries for its comparable figures
 * (empty: every contribution is on the version itself). Shown next to the benchmark: "including
 * rounds on model 1.0 for comparable areas".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`ALTER TABLE benchmark_versions ADD COLUMN carried_versions text[] NOT NULL DEFAULT '{}'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`ALTER TABLE benchmark_versions DROP COLUMN carried_versions`.execute(db);
}
