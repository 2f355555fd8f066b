import { sql, type Kysely } from 'kysely';

/**
 * Actions and decisions for the organization as a whole (its top, above every unit): no unit then.
 * A NULL unit passes the (organization_id, unit_id) foreign key (MATCH SIMPLE); admins act on it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`ALTER TABLE actions ALTER COLUMN unit_id DROP NOT NULL`.execute(db);
	await sql`ALTER TABLE decisions ALTER COLUMN unit_id DROP NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`DELETE FROM actions WHERE unit_id IS NULL`.execute(db);
	await sql`DELETE FROM decisions WHERE unit_id IS NULL`.execute(db);
	await sql`ALTER TABLE actions ALTER COLUMN unit_id SET NOT NULL`.execute(db);
	await sql`ALTER TABLE decisions ALTER COLUMN unit_id SET NOT NULL`.execute(db);
}
