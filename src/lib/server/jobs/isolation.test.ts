import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'kysely';
import { closeDb, db, getPool } from '$lib/server/db';
import { migrateToLatest } from '$lib/server/db/migrate';
import { createTestActor, createTestOrganization, createTestTeam } from '$tests/fixtures';
import { createRound } from '$lib/server/rounds/create';
import { createDatabase } from '../../../../tests/support/database';
import { waitForEmail } from '../../../../tests/support/mailbox';
import { enqueue } from './boss';
import type { OrganizationJob } from './queues';
import { startScheduler, stopScheduler } from './scheduler';

/**
 * The real scheduler (pg-boss and its workers, in this process) on a database of its own, so that the
 * test server's scheduler cannot do the work in its place: one organization's rounds job is held up (a
 * round row it must lock is locked by this test) and jobs for a broken organization fail, while another
 * organization's round opens, sends its invitations, closes and gets its results.
 */
let drop: () => Promise<void>;
beforeAll(async () => {
	const own = await createDatabase('sos_jobs');
	drop = own.drop;
	process.env.DATABASE_URL = own.url;
	process.env.SMTP_URL = inject('smtpUrl');
	await migrateToLatest(db());
	await startScheduler({ intervalSeconds: 1 });
}, 60_000);
afterAll(async () => {
	await stopScheduler();
	await closeDb();
	await drop?.();
});

async function orgWithPeople(n: number) {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	const { emails } = await createTestTeam(org.id, n, { emailPrefix: 'iso' });
	return { org, admin, emails };
}

const roundOf = (organizationId: string, id: string) =>
	db().selectFrom('rounds').select(['status', 'closed_at']).where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirstOrThrow();
const hasResults = async (organizationId: string, roundId: string) =>
	!!(await db()
		.selectFrom('round_results')
		.select('round_id')
		.where('organization_id', '=', organizationId)
		.where('round_id', '=', roundId)
		.executeTakeFirst());

describe('jobs per organization', () => {
	it('a held-up or failing organization does not stop another organization’s round from opening, emailing and closing', async () => {
		// Organization A: a round closed without results (as by an older version); its rounds job must lock the round to build them.
		const a = await orgWithPeople(2);
		const stuck = await createRound({ organizationId: a.org.id, actor: a.admin, input: { name: 'Held up' } });
		const lock = await getPool().connect();
		try {
			// A key-share lock: the round can still be closed here (an update of no key column), but not locked FOR UPDATE.
			await lock.query('BEGIN');
			await lock.query('SELECT 1 FROM rounds WHERE organization_id = $1 AND id = $2 FOR KEY SHARE', [a.org.id, stuck.id]);
			await db()
				.updateTable('rounds')
				.set({ status: 'closed', closed_at: new Date() })
				.where('organization_id', '=', a.org.id)
				.where('id', '=', stuck.id)
				.execute();
		} catch (err) {
			lock.release();
			throw err;
		}
		try {
			expect(await hasResults(a.org.id, stuck.id)).toBe(false);
			// Jobs for an organization that cannot be read at all fail (and are retried), beside the others.
			await enqueue<OrganizationJob>('rounds', { organizationId: 'not-an-organization' }, 'not-an-organization');
			await enqueue<OrganizationJob>('emails', { organizationId: 'not-an-organization' }, 'not-an-organization');

			// Organization B: a round due to open.
			const b = await orgWithPeople(3);
			const round = await createRound({
				organizationId: b.org.id,
				actor: b.admin,
				input: { name: 'On time', startsAt: new Date(Date.now() + 86_400_000).toISOString() }
			});
			expect(round.status).toBe('scheduled');
			await db()
				.updateTable('rounds')
				.set({ starts_at: sql`now() - interval '1 second'` })
				.where('organization_id', '=', b.org.id)
				.where('id', '=', round.id)
				.execute();
			await expect.poll(async () => (await roundOf(b.org.id, round.id)).status, { timeout: 20_000 }).toBe('open');
			for (const e of b.emails) await waitForEmail(e);
			await db()
				.updateTable('rounds')
				.set({ ends_at: sql`now() - interval '1 second'`, publish_at: sql`now() + interval '1 day'` })
				.where('organization_id', '=', b.org.id)
				.where('id', '=', round.id)
				.execute();
			await expect.poll(async () => (await roundOf(b.org.id, round.id)).status, { timeout: 20_000 }).toBe('closed');
			expect(await hasResults(b.org.id, round.id)).toBe(true);

			// All the while A's rounds job waited for its lock, and the broken organization's jobs failed.
			expect(await hasResults(a.org.id, stuck.id)).toBe(false);
			const jobs = await sql<{
				name: string;
				state: string;
			}>`SELECT name, state FROM pgboss.job WHERE data->>'organizationId' = ${a.org.id} AND name = 'sos-rounds' AND state = 'active'`.execute(db());
			expect(jobs.rows.length).toBeGreaterThan(0);
			const broken = await sql<{
				state: string;
				retry_count: number;
			}>`SELECT state, retry_count FROM pgboss.job WHERE data->>'organizationId' = 'not-an-organization' AND name = 'sos-rounds'`.execute(db());
			expect(broken.rows.some((j) => j.state === 'failed' || j.state === 'retry' || j.retry_count > 0)).toBe(true);
		} finally {
			await lock.query('ROLLBACK').catch(() => {});
			lock.release();
		}
		// Once let go, A's results are built too.
		await expect.poll(() => hasResults(a.org.id, stuck.id), { timeout: 20_000 }).toBe(true);
	}, 90_000);
});
