import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import { RateLimitedError } from '$lib/server/errors';

/** A refusal by the rate limit, with how many times `key` was refused in its window (1 for the first). */
export class RateLimitRefusal extends RateLimitedError {
	constructor(
		retryAfterSeconds: number,
		readonly key: string,
		readonly refused: number
	) {
		super(retryAfterSeconds);
	}
}

/**
 * Fixed-window counter kept in PostgreSQL, so all app instances share it.
 * Throws RateLimitRefusal (a RateLimitedError) once `key` has been hit more than `limit` times in the window.
 */
export async function hitRateLimit(key: string, limit: number, windowSeconds: number, executor: Db = db()): Promise<void> {
	const row = await sql<{ hits: number; window_start: Date }>`
		INSERT INTO rate_limits (key, hits, window_start, expires_at) VALUES (${key}, 1, now(), now() + make_interval(secs => ${windowSeconds}))
		ON CONFLICT (key) DO UPDATE SET
			hits = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${windowSeconds})
				THEN 1 ELSE rate_limits.hits + 1 END,
			window_start = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${windowSeconds})
				THEN now() ELSE rate_limits.window_start END,
			expires_at = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${windowSeconds})
				THEN now() + make_interval(secs => ${windowSeconds}) ELSE GREATEST(rate_limits.expires_at, rate_limits.window_start + make_interval(secs => ${windowSeconds})) END
		RETURNING hits, window_start`.execute(executor);
	const { hits, window_start } = row.rows[0];
	if (hits > limit) {
		const retry = Math.max(1, Math.ceil(windowSeconds - (Date.now() - window_start.getTime()) / 1000));
		throw new RateLimitRefusal(retry, key, hits - limit);
	}
}

export async function clearRateLimit(key: string, executor: Db = db()): Promise<void> {
	await executor.deleteFrom('rate_limits').where('key', '=', key).execute();
}

/** Remembers `key` (e.g. an address an account signed in from) for `seconds`. */
export async function rememberKey(key: string, seconds: number, executor: Db = db()): Promise<void> {
	await sql`
		INSERT INTO rate_limits (key, hits, window_start, expires_at) VALUES (${key}, 0, now(), now() + make_interval(secs => ${seconds}))
		ON CONFLICT (key) DO UPDATE SET window_start = now(), expires_at = now() + make_interval(secs => ${seconds})`.execute(executor);
}

/** Whether `key` is remembered (and not expired). */
export async function isRemembered(key: string, executor: Db = db()): Promise<boolean> {
	return !!(await executor.selectFrom('rate_limits').select('key').where('key', '=', key).where('expires_at', '>', new Date()).executeTakeFirst());
}
