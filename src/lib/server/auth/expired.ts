/**
 * Deleting what has expired: sessions, one-time tokens (email sign-in links, password resets) and
 * rate-limit rows are of no use once past their expiry, and would otherwise pile up. The scheduler's
 * tick calls these; each deletes in batches, so no one statement holds many row locks or runs long.
 */
import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';

type Opts = { batchSize?: number; maxBatches?: number };
type Expiring = 'sessions' | 'one_time_tokens' | 'rate_limits';

/** Deletes up to maxBatches × batchSize rows of `table` whose expires_at has passed; returns how many. */
async function deleteExpired(table: Expiring, { batchSize = 1000, maxBatches = 20 }: Opts, executor: Db = db()): Promise<number> {
	let deleted = 0;
	for (let i = 0; i < maxBatches; i++) {
		const r = await sql`
			DELETE FROM ${sql.table(table)} WHERE ctid IN (
				SELECT ctid FROM ${sql.table(table)} WHERE expires_at < now() ORDER BY expires_at LIMIT ${batchSize} FOR UPDATE SKIP LOCKED
			)`.execute(executor);
		const n = Number(r.numAffectedRows ?? 0);
		deleted += n;
		if (n < batchSize) break;
	}
	return deleted;
}

export const deleteExpiredSessions = (opts: Opts = {}, executor: Db = db()) => deleteExpired('sessions', opts, executor);

export const deleteExpiredOneTimeTokens = (opts: Opts = {}, executor: Db = db()) => deleteExpired('one_time_tokens', opts, executor);

export const deleteExpiredRateLimits = (opts: Opts = {}, executor: Db = db()) => deleteExpired('rate_limits', opts, executor);
