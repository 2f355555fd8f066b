import { closeDb, db } from '$lib/server/db';
import { migrateToLatest } from '$lib/server/db/migrate';
import { createDatabase } from './database';

/**
 * Points this test file's `db()` at a migrated database of its own (for rounds of a fixture model that
 * only this process knows: the test server's jobs and other files' benchmarks read across organizations).
 * Returns the function that points it back and drops the database.
 */
export async function useOwnDatabase(prefix: string): Promise<() => Promise<void>> {
	const before = process.env.DATABASE_URL;
	const database = await createDatabase(prefix);
	await closeDb();
	process.env.DATABASE_URL = database.url;
	await migrateToLatest(db());
	return async () => {
		await closeDb();
		await database.drop();
		if (before === undefined) delete process.env.DATABASE_URL;
		else process.env.DATABASE_URL = before;
	};
}
