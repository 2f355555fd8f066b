import { sql, type Kysely } from 'kysely';

/**
 * The sum of squared area means per area, next to area_n and area_sum: with them, the spread of the
 * respondents' area means, for the 90 % intervals of area scores and of changes between rounds. Rows
 * built before keep null: their intervals are not shown (never made up).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	ALTER TABLE round_aggregates ADD COLUMN area_sum_sq float8[];
	ALTER TABLE round_totals ADD COLUMN area_sum_sq float8[];
	`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`
	ALTER TABLE round_totals DROP COLUMN area_sum_sq;
	ALTER TABLE round_aggregates DROP COLUMN area_sum_sq;
	`.execute(db);
}
