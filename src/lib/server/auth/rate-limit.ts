import { sql } from 'kysely';
import type { Db } from '$lib/server/db';
import { RateLimitedError } from '$lib/server/errors';

/**
 * Fixed-window counter kept in PostgreSQL, so all app instances share it.
 * Throws RateLimitedError once `key` has been hit more than `limit` times in the window.
 */
export async function hitRateLimit(db: Db, key: string, limit: number, windowSeconds: number): Promise<void> {
	const row = await sql<{ hits: number; window_start: Date }>`
		INSERT INTO rate_limits (key, hits, window_start) VALUES (${key}, 1, now())
		ON CONFLICT (key) DO UPDATE SET
			hits = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${windowSeconds})
				THEN 1 ELSE rate_limits.hits + 1 END,
			window_start = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${windowSeconds})
				THEN now() ELSE rate_limits.window_start END
		RETURNING hits, window_start`.execute(db);
	const { hits, window_start } = row.rows[0];
	if (hits > limit) {
		const retry = Math.max(1, Math.ceil(windowSeconds - (Date.now() - window_start.getTime()) / 1000));
		throw new RateLimitedError(retry);
	}
}

export async function clearRateLimit(db: Db, key: string): Promise<void> {
	await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}
