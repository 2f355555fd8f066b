import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { closeDb, db } from '$lib/server/db';
import { migrateToLatest } from '$lib/server/db/migrate';
import { createDatabase } from '../../../../tests/support/database';
import { currentBoss } from './boss';
import { startScheduler, stopScheduler } from './scheduler';

/**
 * PostgreSQL that is away while the scheduler starts (restarting, or stopped by the Ctrl-C that also
 * stops SOS) is tried again after a few seconds, without a word in the log, and never once SOS stops.
 */
let url = '';
let drop: () => Promise<void>;
beforeAll(async () => {
	const own = await createDatabase('sos_sched');
	({ url, drop } = own);
	process.env.DATABASE_URL = url;
	await migrateToLatest(db()); // the first tick after the start reads the application's tables
	await closeDb();
}, 60_000);
afterAll(async () => {
	await stopScheduler();
	await closeDb();
	await drop?.();
});

it('starts once the database is back, and says nothing of the failed first try', async () => {
	const errors = vi.spyOn(console, 'error');
	process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:9/nowhere'; // nothing listens there
	await expect(startScheduler({ intervalSeconds: 60 })).resolves.toBeUndefined();
	expect(currentBoss()).toBeNull();
	process.env.DATABASE_URL = url;
	await vi.waitFor(() => expect(currentBoss()).not.toBeNull(), { timeout: 15_000, interval: 200 });
	const said = errors.mock.calls.map((c) => c.map(String).join(' '));
	expect(said.filter((line) => /scheduler|ECONNREFUSED|nowhere/.test(line))).toEqual([]);
}, 30_000);

it('does not try again once SOS stops', async () => {
	await stopScheduler();
	process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:9/nowhere';
	await startScheduler({ intervalSeconds: 60 });
	await stopScheduler();
	process.env.DATABASE_URL = url;
	await new Promise((r) => setTimeout(r, 6_000));
	expect(currentBoss()).toBeNull();
}, 30_000);
