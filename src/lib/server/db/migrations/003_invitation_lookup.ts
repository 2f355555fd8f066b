import { sql, type Kysely } from 'kysely';

/**
 * The (organization, round, unit) index on invitations served nothing the primary key's prefix does not,
 * and on a freshly launched round (no statistics yet) the planner picked it for the submit's lookup by
 * id, scanning every invitation of the round. Without it, the primary key is the only path.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`DROP INDEX invitations_unit`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`CREATE INDEX invitations_unit ON invitations (organization_id, round_id, unit_id)`.execute(db);
}
