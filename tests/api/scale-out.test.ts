import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, db } from '$lib/server/db';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { unitResults } from '$lib/server/results/unit-results';
import { ORGANIZATION } from '$lib/results/view';
import { answersFor, openRoundWith } from '../../bench/support/fixture';
import { backendServers, startCluster, type Cluster } from '../../bench/scale-out/cluster';
import { sessionCookie } from '../support/http';

/**
 * scripts/scale-out.sh for real: a PostgreSQL primary with a streaming replica, three SOS instances
 * and HAProxy. Submits spread over the instances while one is killed; results read from the replica.
 */

const PEOPLE = 450;
const CONCURRENCY = 24;
const KILL_AFTER = 120;

let cluster: Cluster;
let replica: pg.Client;

beforeAll(async () => {
	// No scheduler: nothing but the submits touches the invitations (answers stay sealed in pending_responses).
	cluster = await startCluster({ env: { SOS_SCHEDULER: 'off' } });
	// From here on this file's domain calls go to the cluster's primary (the instances migrated it at start).
	await closeDb();
	process.env.DATABASE_URL = cluster.primary;
	delete process.env.DATABASE_READ_URL;
	replica = new pg.Client({ connectionString: cluster.replica });
	await replica.connect();
}, 180_000);

afterAll(async () => {
	await replica?.end();
	await closeDb();
	await cluster?.stop();
}, 60_000);

const submit = (token: string, body: string) =>
	fetch(`${cluster.url}/api/v1/survey/submit`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
		body
	}).then(
		async (r) => ({ status: r.status, body: r.status === 200 ? await r.json() : null }),
		() => ({ status: 0, body: null })
	);

/** Until the replica has replayed everything the primary has committed so far. */
async function replicaCaughtUp() {
	const { rows } = await pg_query(cluster.primary, 'select pg_current_wal_lsn()::text as lsn');
	for (let i = 0; i < 200; i++) {
		const r = await replica.query('select pg_last_wal_replay_lsn() >= $1::pg_lsn as done', [rows[0].lsn]);
		if (r.rows[0].done) return;
		await new Promise((res) => setTimeout(res, 50));
	}
	throw new Error('the replica did not catch up');
}

async function pg_query(url: string, text: string) {
	const c = new pg.Client({ connectionString: url });
	await c.connect();
	try {
		return await c.query(text);
	} finally {
		await c.end();
	}
}

describe.skipIf(!existsSync('build/handler.js'))('scale-out: primary + streaming replica, three instances behind HAProxy', () => {
	it('loses and duplicates no submission when an instance is killed under load, and the others keep serving', async () => {
		const round = await openRoundWith(PEOPLE, 15);
		const bodies = round.tokens.map((_, i) => JSON.stringify({ answers: answersFor(round.model.statementKeys, i), questions: {} }));
		const acknowledged = new Set<number>();
		let failedAttempts = 0;
		let servedAfterKill = 0;
		let killed = false;
		const victim = cluster.instances[1];
		let next = 0;
		// Each participant submits until acknowledged, as the survey page lets them (their draft stays).
		await Promise.all(
			Array.from({ length: CONCURRENCY }, async () => {
				for (let i = next++; i < PEOPLE; i = next++) {
					for (let attempt = 0; ; attempt++) {
						const r = await submit(round.tokens[i], bodies[i]);
						if (r.status === 200 && (r.body.submitted || r.body.alreadySubmitted)) break;
						failedAttempts++;
						if (attempt > 20) throw new Error(`participant ${i} could not submit: ${r.status}`);
						await new Promise((res) => setTimeout(res, 100));
					}
					acknowledged.add(i);
					if (killed) servedAfterKill++;
					if (!killed && acknowledged.size >= KILL_AFTER) {
						killed = true;
						process.kill(victim.pid, 'SIGKILL');
					}
				}
			})
		);
		expect(killed).toBe(true);
		expect(acknowledged.size).toBe(PEOPLE);
		expect(servedAfterKill).toBeGreaterThanOrEqual(PEOPLE - KILL_AFTER - CONCURRENCY);

		// 0 lost, 0 duplicated: one stored (sealed) answer per invitation, every invitation completed once.
		const count = async (table: 'pending_responses' | 'responses') =>
			Number(
				(
					await db()
						.selectFrom(table)
						.select((eb) => eb.fn.countAll<number>().as('n'))
						.where('organization_id', '=', round.org.id)
						.executeTakeFirstOrThrow()
				).n
			);
		expect((await count('pending_responses')) + (await count('responses'))).toBe(PEOPLE);
		const completed = await db().selectFrom('invitations').select('id').where('organization_id', '=', round.org.id).where('completed', '=', true).execute();
		expect(completed).toHaveLength(PEOPLE);

		// HAProxy takes the killed instance out (its checks are refused); the other two answered, before and after.
		let servers = await backendServers(cluster);
		for (let i = 0; i < 50 && !servers.find((s) => s.name === 'sos-2')?.status.startsWith('DOWN'); i++) {
			await new Promise((res) => setTimeout(res, 100));
			servers = await backendServers(cluster);
		}
		const byName = Object.fromEntries(servers.map((s) => [s.name, s]));
		expect(byName['sos-2'].status).toMatch(/^DOWN/);
		for (const s of ['sos-1', 'sos-3']) {
			expect(byName[s].status).toBe('UP');
			expect(byName[s].ok).toBeGreaterThan(KILL_AFTER / 3);
		}
		console.log(
			`scale-out: ${PEOPLE} acknowledged, ${PEOPLE} stored, ${failedAttempts} failed attempts retried; 2xx per instance ${servers.map((s) => `${s.name} ${s.ok} (${s.status})`).join(', ')}`
		);
	}, 90_000);

	it('serves a results page from the replica with the primary’s figures, and a round the replica has not replayed yet from the primary', async () => {
		const org = await createTestOrganization();
		const created = await createTestActor(org.id, 'admin');
		const cookie = await sessionCookie(created);
		// As the server sees this admin (with the organization's real name).
		const admin = { ...created, membership: { ...created.membership!, organizationName: org.name } };
		const tree = {
			units: { North: null, 'Team A': 'North', South: null },
			respondents: { 'Team A': { sales_person: 6, sales_manager: 2 }, South: { sales_person: 7 } }
		};
		const first = await createPublishedRound({ organizationId: org.id, tree, k: 5 });
		await replicaCaughtUp();
		const choice = { compare: 'all', statistic: 'mean' } as const;
		// This process has no DATABASE_READ_URL: unitResults reads the primary.
		const onPrimary = async (roundId: string) =>
			JSON.parse(JSON.stringify(await unitResults({ actor: admin, roundId, unitId: ORGANIZATION, locale: 'en', choice })));
		const get = async (path: string) => {
			const res = await fetch(`${cluster.url}/api/v1${path}`, { headers: { cookie } });
			expect(res.status, path).toBe(200);
			return res.json();
		};
		const page = await get(`/results/${first.roundId}/units/${ORGANIZATION}`);
		expect(page.areas.some((a: { score: number | null }) => a.score !== null)).toBe(true);
		expect(page).toEqual(await onPrimary(first.roundId));

		// The replica stops replaying; a second round is published on the primary meanwhile.
		await replica.query('select pg_wal_replay_pause()');
		try {
			const second = await createPublishedRound({
				organizationId: org.id,
				tree,
				k: 5,
				seed: 11,
				closedAt: new Date(Date.now() - 3_600_000),
				existingUnits: first.unitIds
			});
			// The list is read from the replica: it does not know the second round yet…
			const list = await get('/results');
			expect(list.rounds.map((r: { id: string }) => r.id)).toEqual([first.roundId]);
			// …but a link to it works: what the replica lacks is read from the primary.
			expect(await get(`/results/${second.roundId}/units/${ORGANIZATION}`)).toEqual(await onPrimary(second.roundId));
		} finally {
			await replica.query('select pg_wal_replay_resume()');
		}
		await replicaCaughtUp();
		expect((await get('/results')).rounds).toHaveLength(2);
	}, 60_000);
});
