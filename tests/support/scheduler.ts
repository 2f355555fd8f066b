import { sql } from 'kysely';
import { inject } from 'vitest';
import { db } from '$lib/server/db';

/**
 * Waits until the test server's scheduler has run a whole tick that started after this call: every
 * email that tick sends is in the mailbox by then (the test SMTP server stores a message before it
 * accepts it), so a test can then check that nothing more was sent. The tick queue runs one tick at a
 * time across all instances, so a tick that started later also saw everything committed before.
 * Without a test server (no build) no other process sends anything, and this returns at once.
 */
export async function afterNextTick(timeoutMs = 30_000): Promise<void> {
	if (!inject('baseUrl')) return;
	const since = (await sql<{ now: Date }>`SELECT now() AS now`.execute(db())).rows[0].now;
	const until = Date.now() + timeoutMs;
	for (;;) {
		const done = await sql`SELECT 1 FROM pgboss.job WHERE name = 'sos-tick' AND state = 'completed' AND started_on > ${since} LIMIT 1`.execute(db());
		if (done.rows.length) return;
		if (Date.now() > until) throw new Error(`The server's scheduler ran no whole tick in ${timeoutMs / 1000} s`);
		await new Promise((r) => setTimeout(r, 100));
	}
}
