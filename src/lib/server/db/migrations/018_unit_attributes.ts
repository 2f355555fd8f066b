import { sql, type Kysely } from 'kysely';

/**
 * Attributes of a unit from the import (e.g. sales model, location): key → value, shown as heatmap
 * cuts. They describe teams, never people, and never enter the survey tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`ALTER TABLE units ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}'::jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`ALTER TABLE units DROP COLUMN attributes`.execute(db);
}
