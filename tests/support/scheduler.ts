import { sql } from 'kysely';
import { inject } from 'vitest';
import { db } from '$lib/server/db';
import { WORK_QUEUES } from '$lib/server/jobs/queues';

/**
 * Waits until the test server's scheduler has run a whole tick that started after this call, and every
 * job that tick queued (rounds, emails, exports, benchmarks, housekeeping — and those these queued in
 * turn, e.g. the emails after a round opened) is done: every email sent by then is in the mailbox (the
 * test SMTP server stores a message before it accepts it), so a test can then check that nothing more
 * was sent. A job the tick found waiting or running for the same key (so it queued none) is waited for too.
 * Ticks run one at a time across all instances, so a tick that started later also saw everything
 * committed before. Without a test server (no build) no other process sends anything, and this returns at once.
 */
export async function afterNextTick(timeoutMs = 30_000, schema = 'pgboss'): Promise<void> {
	if (!inject('baseUrl')) return;
	const since = (await sql<{ now: Date }>`SELECT now() AS now`.execute(db())).rows[0].now;
	const until = Date.now() + timeoutMs;
	const jobs = sql.table(`${schema}.job`);
	const wait = async (what: string) => {
		if (Date.now() > until) throw new Error(`The server's scheduler ran no whole tick in ${timeoutMs / 1000} s (${what})`);
		await new Promise((r) => setTimeout(r, 100));
	};
	let tick: { id: string; started_on: Date; completed_on: Date } | undefined;
	while (!tick) {
		const done = await sql<{ id: string; started_on: Date; completed_on: Date }>`
			SELECT id, started_on, completed_on FROM ${jobs} WHERE name = 'sos-tick' AND state = 'completed' AND started_on > ${since}
			ORDER BY started_on LIMIT 1`.execute(db());
		tick = done.rows[0];
		if (!tick) await wait('the tick');
	}
	for (;;) {
		// The ticks whose jobs to wait for: this one, and those whose jobs were still waiting or running while it ran (it queued none for their keys).
		const pending = await sql<{ n: number }>`
			WITH ticks AS (
				SELECT ${tick.id}::text AS tick
				UNION SELECT data->>'tick' FROM ${jobs}
				WHERE name IN (${sql.join(WORK_QUEUES)}) AND created_on <= ${tick.completed_on} AND (completed_on IS NULL OR completed_on >= ${tick.started_on})
			)
			SELECT count(*)::int AS n FROM ${jobs}
			WHERE name IN (${sql.join(WORK_QUEUES)}) AND state IN ('created', 'retry', 'active') AND data->>'tick' IN (SELECT tick FROM ticks)`.execute(db());
		if (pending.rows[0].n === 0) return;
		await wait('its jobs');
	}
}
