import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';

/**
 * Runs `fn` in a transaction holding the organization's unit-tree lock, so that checks on the tree
 * (no cycles, no users left in a deleted unit) and the write that relies on them cannot interleave.
 * Shares its key with the user import, which also creates units and assigns users to them.
 */
export async function withTreeLock<T>(organizationId: string, fn: (trx: Db) => Promise<T>, executor: Db = db()): Promise<T> {
	return executor.transaction().execute(async (trx) => {
		await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`user_import:${organizationId}`}, 0))`.execute(trx);
		return fn(trx);
	});
}
