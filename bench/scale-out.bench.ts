import { expect, it } from 'vitest';
import autocannon from 'autocannon';
import pg from 'pg';
import { closeDb, db } from '$lib/server/db';
import { createTestActor, createTestOrganization } from '$lib/server/testing/fixtures';
import { createPublishedRound, type TreeSpec } from '$lib/server/testing/results';
import { ORGANIZATION } from '$lib/results/view';
import { sessionCookie } from '../tests/support/http';
import { answersFor, openRoundWith } from './support/fixture';
import { startCluster, type Cluster } from './scale-out/cluster';

const CONCURRENCY = 64;
const SUBMISSIONS = 2000;
const WARM_UP = 600;
const READ_SECONDS = 10;

type Round = Awaited<ReturnType<typeof openRoundWith>>;

/** Domain calls of this file go to the cluster's primary. */
async function useCluster(cluster: Cluster) {
	await closeDb();
	process.env.DATABASE_URL = cluster.primary;
}

/** Every participant of `round` submits once over CONCURRENCY keep-alive connections to `url`; submits/s from the first request to the last answer. */
async function submitAll(url: string, round: Round) {
	const bodies = round.tokens.map((_, i) => JSON.stringify({ answers: answersFor(round.model.statementKeys, i), questions: {} }));
	let next = 0;
	let last = 0;
	const t0 = performance.now();
	const result = await autocannon({
		url: `${url}/api/v1/survey/submit`,
		connections: CONCURRENCY,
		amount: round.tokens.length,
		// A shared 2-core machine can hold a submit for seconds; a client giving up is not the server failing.
		timeout: 60,
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		requests: [
			{
				setupRequest: (req) => {
					const i = next++;
					return { ...req, headers: { ...req.headers, authorization: `Bearer ${round.tokens[i]}` }, body: bodies[i] };
				},
				onResponse: () => void (last = performance.now())
			}
		]
	});
	return { ok: result['2xx'], errors: result.non2xx + result.errors + result.timeouts, p99: result.latency.p99, perSecond: result['2xx'] / ((last - t0) / 1000) };
}

/** The results page's data (the API the page's figures come from) as fast as HAProxy and the instances answer, for `seconds`. */
async function readResults(cluster: Cluster, path: string, cookie: string, seconds: number) {
	const result = await autocannon({ url: `${cluster.url}${path}`, connections: 32, duration: seconds, timeout: 60, headers: { cookie } });
	return { perSecond: result.requests.average, p99: result.latency.p99, errors: result.non2xx + result.errors + result.timeouts, statuses: JSON.stringify(result.statusCodeStats), timeouts: result.timeouts };
}

const tree: TreeSpec = { units: {}, respondents: {} };
for (let r = 0; r < 5; r++) {
	tree.units[`Region ${r}`] = null;
	for (let t = 0; t < 8; t++) {
		tree.units[`Team ${r}.${t}`] = `Region ${r}`;
		tree.respondents[`Team ${r}.${t}`] = { sales_person: 9, sales_manager: 2 };
	}
}

/** An organization with a published round of 440 respondents in 45 units, and its admin's session. */
async function publishedResults(cluster: Cluster) {
	const org = await createTestOrganization();
	const cookie = await sessionCookie(await createTestActor(org.id, 'admin'));
	const { roundId } = await createPublishedRound({ organizationId: org.id, tree, k: 5 });
	// Until the replica has replayed it.
	const lsn = (await db().selectNoFrom((eb) => eb.fn<string>('pg_current_wal_lsn').as('lsn')).executeTakeFirstOrThrow()).lsn;
	const replica = new pg.Client({ connectionString: cluster.replica });
	await replica.connect();
	while (!(await replica.query('select pg_last_wal_replay_lsn() >= $1::pg_lsn as done', [lsn])).rows[0].done) await new Promise((r) => setTimeout(r, 50));
	await replica.end();
	return { path: `/api/v1/results/${roundId}/units/${ORGANIZATION}`, cookie };
}

/** Transactions the replica's database has run so far (how we see that reads went there). */
async function replicaTransactions(cluster: Cluster): Promise<number> {
	const c = new pg.Client({ connectionString: cluster.replica });
	await c.connect();
	const { rows } = await c.query(`select xact_commit + xact_rollback as n from pg_stat_database where datname = 'sos'`);
	await c.end();
	return Number(rows[0].n);
}

/**
 * scripts/scale-out.sh, measured: submits/s from one instance against three behind HAProxy, and
 * results-page requests/s with the results read from the primary against read from the replica — each
 * pair in this one run, on the same machine (on 2 cores, every process here shares them).
 */
it('measures submits/s with one and three instances, and results reads from the primary and the replica', async () => {
	const onPrimary = await startCluster({ reads: 'primary', env: { SOS_SCHEDULER: 'off' } });
	let submits;
	let fromPrimary;
	try {
		await useCluster(onPrimary);
		const warm = await openRoundWith(WARM_UP, 10);
		const one = await openRoundWith(SUBMISSIONS, 40);
		const three = await openRoundWith(SUBMISSIONS, 40);
		await submitAll(onPrimary.url, warm); // warms all three instances (round robin)
		const single = await submitAll(onPrimary.instances[0].url, one);
		const behindHaproxy = await submitAll(onPrimary.url, three);
		const count = async (orgId: string) => {
			let n = 0;
			for (const table of ['pending_responses', 'responses'] as const)
				n += Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('organization_id', '=', orgId).executeTakeFirstOrThrow()).n);
			return n;
		};
		console.log(`submits: 1 instance ${JSON.stringify(single)}, 3 behind HAProxy ${JSON.stringify(behindHaproxy)}`);
		expect(await count(one.org.id)).toBe(single.ok);
		expect(await count(three.org.id)).toBe(behindHaproxy.ok);
		expect(single.errors + behindHaproxy.errors).toBe(0);
		submits = { single, behindHaproxy };

		const page = await publishedResults(onPrimary);
		await readResults(onPrimary, page.path, page.cookie, 3);
		fromPrimary = await readResults(onPrimary, page.path, page.cookie, READ_SECONDS);
	} finally {
		await closeDb();
		await onPrimary.stop();
	}

	const onReplica = await startCluster({ reads: 'replica', env: { SOS_SCHEDULER: 'off' } });
	let fromReplica;
	let replicaServed;
	try {
		await useCluster(onReplica);
		const page = await publishedResults(onReplica);
		await readResults(onReplica, page.path, page.cookie, 3);
		const before = await replicaTransactions(onReplica);
		fromReplica = await readResults(onReplica, page.path, page.cookie, READ_SECONDS);
		replicaServed = (await replicaTransactions(onReplica)) - before;
	} finally {
		await closeDb();
		await onReplica.stop();
	}

	const { single, behindHaproxy } = submits;
	console.log(
		`scale-out submits: 3 instances behind HAProxy ${behindHaproxy.perSecond.toFixed(0)}/s ÷ 1 instance ${single.perSecond.toFixed(0)}/s = ${(behindHaproxy.perSecond / single.perSecond).toFixed(2)} (budget ≥ 2.5 needs cores for 3 instances; this machine has 2 for everything), ${CONCURRENCY} connections, errors 0`
	);
	console.log(
		`scale-out results page data (3 instances behind HAProxy, 32 connections): read from the replica ${fromReplica.perSecond.toFixed(0)}/s ÷ from the primary alone ${fromPrimary.perSecond.toFixed(0)}/s = ${(fromReplica.perSecond / fromPrimary.perSecond).toFixed(2)}; p99 ${fromReplica.p99} ms vs ${fromPrimary.p99} ms; ${replicaServed} transactions ran on the replica`
	);
	console.log(`results reads: from the primary ${JSON.stringify(fromPrimary)}, from the replica ${JSON.stringify(fromReplica)}`);
	expect(fromPrimary.errors + fromReplica.errors).toBe(0);
	expect(replicaServed).toBeGreaterThan(0);
}, 600_000);
