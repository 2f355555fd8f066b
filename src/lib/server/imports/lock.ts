import { sql, type Transaction } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import { ConflictError } from '$lib/server/errors';

export const IMPORT_RUNNING_MESSAGE = 'An import is already running for this organization. Wait until it has finished, then try again.';

/**
 * Runs `fn` in a transaction that holds the organization's import lock (a PostgreSQL advisory lock, so
 * it holds across instances, released at commit or rollback, also when the process dies). One preview
 * or apply at a time per organization: a second one is refused at once with a 409 instead of parsing
 * or writing beside the first.
 */
export async function withImportLock<T>(organizationId: string, fn: (trx: Transaction<Database>) => Promise<T>, executor: Db = db()): Promise<T> {
	return executor.transaction().execute(async (trx) => {
		const { rows } = await sql<{
			locked: boolean;
		}>`SELECT pg_try_advisory_xact_lock(hashtextextended(${`user_import:${organizationId}`}, 0)) AS locked`.execute(trx);
		if (!rows[0]?.locked) throw new ConflictError('import_running', IMPORT_RUNNING_MESSAGE);
		return fn(trx);
	});
}
