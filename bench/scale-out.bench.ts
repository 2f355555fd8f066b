import { expect, it } from 'vitest';
import autocannon from 'autocannon';
import pg from 'pg';
import { closeDb, db } from '$lib/server/db';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound, type TreeSpec } from '$tests/results';
import { ORGANIZATION } from '$lib/results/view';
import { sessionCookie } from '../tests/support/http';
import { answersFor, openRoundWith } from './support/fixture';
import { startCluster, type Cluster } from './scale-out/cluster';

const CONCURRENCY = 64;
const SUBMISSIONS = 2000;
const WARM_UP = 600;
const READ_SECONDS = 3;
/** Alternating windows per pair of figures. */
const WINDOWS = 4;

type Round = Awaited<ReturnType<typeof openRoundWith>>;

/** Domain calls of this file go to the cluster's primary. */
async function useCluster(cluster: Cluster) {
	await closeDb();
	process.env.DATABASE_URL = cluster.primary;
}

/** Participants `from`…`to` of `round` submit once over CONCURRENCY keep-alive connections to `url`. */
async function submitSome(url: string, round: Round, from: number, to: number) {
	let next = from;
	const result = await autocannon({
		url: `${url}/api/v1/survey/submit`,
		connections: CONCURRENCY,
		amount: to - from,
		// A shared 2-core machine can hold a submit for seconds; a client giving up is not the server failing.
		timeout: 60,
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		requests: [
			{
				setupRequest: (req) => {
					const i = next++;
					const body = JSON.stringify({ answers: answersFor(round.model.statementKeys, i), questions: {} });
					return { ...req, headers: { ...req.headers, authorization: `Bearer ${round.tokens[i]}` }, body };
				}
			}
		]
	});
	return { ok: result['2xx'], errors: result.non2xx + result.errors + result.timeouts };
}

/** Requests/s (2xx) of one timed window. */
type Tally = { ok: number; errors: number; seconds: number };
const add = (t: Tally, r: { ok: number; errors: number }, seconds: number) => ((t.ok += r.ok), (t.errors += r.errors), (t.seconds += seconds));
const perSecond = (t: Tally) => t.ok / t.seconds;

/** Runs `a` and `b` in alternating windows (so that the machine's other load falls on both alike); the tallies of each. */
async function alternate(
	windows: number,
	a: (w: number) => Promise<{ ok: number; errors: number }>,
	b: (w: number) => Promise<{ ok: number; errors: number }>
) {
	const ta: Tally = { ok: 0, errors: 0, seconds: 0 };
	const tb: Tally = { ok: 0, errors: 0, seconds: 0 };
	for (let w = 0; w < windows; w++)
		// a b, b a, a b, … so that a drift of the machine's load favours neither.
		for (const [run, t] of w % 2
			? ([
					[b, tb],
					[a, ta]
				] as const)
			: ([
					[a, ta],
					[b, tb]
				] as const)) {
			const t0 = performance.now();
			const r = await run(w);
			add(t, r, (performance.now() - t0) / 1000);
		}
	return [ta, tb] as const;
}

/** The results page's data (the API its figures come from) for `seconds`, as fast as HAProxy and the instances answer. */
async function readResults(cluster: Cluster, page: { path: string; cookie: string }, seconds: number) {
	const result = await autocannon({ url: `${cluster.url}${page.path}`, connections: 16, duration: seconds, timeout: 60, headers: { cookie: page.cookie } });
	return { ok: result['2xx'], errors: result.non2xx + result.errors + result.timeouts };
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
	const lsn = (
		await db()
			.selectNoFrom((eb) => eb.fn<string>('pg_current_wal_lsn').as('lsn'))
			.executeTakeFirstOrThrow()
	).lsn;
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
 * scripts/scale-out.sh, measured: submits/s from one instance against three behind HAProxy (one cluster),
 * and results-page requests/s from three instances reading the primary against three reading the
 * replica (two clusters, side by side) — each pair in alternating windows of this one run, on this
 * machine (2 cores: every process here shares them).
 */
it('measures submits/s with one and three instances, and results reads from the primary and the replica', async () => {
	const env = { SOS_SCHEDULER: 'off' };
	const [onPrimary, onReplica] = await Promise.all([startCluster({ reads: 'primary', env }), startCluster({ reads: 'replica', env })]);
	try {
		await useCluster(onReplica);
		const replicaPage = await publishedResults(onReplica);
		await useCluster(onPrimary);
		const primaryPage = await publishedResults(onPrimary);
		const warm = await openRoundWith(WARM_UP, 10);
		const one = await openRoundWith(SUBMISSIONS, 40);
		const three = await openRoundWith(SUBMISSIONS, 40);

		// Warm-up: every instance of both clusters (round robin).
		await submitSome(onPrimary.url, warm, 0, WARM_UP);
		await Promise.all([readResults(onPrimary, primaryPage, 3), readResults(onReplica, replicaPage, 3)]);

		const chunk = SUBMISSIONS / WINDOWS;
		const [single, behindHaproxy] = await alternate(
			WINDOWS,
			(w) => submitSome(onPrimary.instances[0].url, one, w * chunk, (w + 1) * chunk),
			(w) => submitSome(onPrimary.url, three, w * chunk, (w + 1) * chunk)
		);
		const stored = async (orgId: string) => {
			let n = 0;
			for (const table of ['pending_responses', 'responses'] as const)
				n += Number(
					(
						await db()
							.selectFrom(table)
							.select((eb) => eb.fn.countAll<number>().as('n'))
							.where('organization_id', '=', orgId)
							.executeTakeFirstOrThrow()
					).n
				);
			return n;
		};
		expect(await stored(one.org.id)).toBe(single.ok);
		expect(await stored(three.org.id)).toBe(behindHaproxy.ok);

		const before = await replicaTransactions(onReplica);
		const [fromPrimary, fromReplica] = await alternate(
			WINDOWS,
			() => readResults(onPrimary, primaryPage, READ_SECONDS),
			() => readResults(onReplica, replicaPage, READ_SECONDS)
		);
		const replicaServed = (await replicaTransactions(onReplica)) - before;

		console.log(
			`scale-out submits/s: 3 instances behind HAProxy ${perSecond(behindHaproxy).toFixed(0)} ÷ 1 instance ${perSecond(single).toFixed(0)} = ${(perSecond(behindHaproxy) / perSecond(single)).toFixed(2)} (budget ≥ 2.5 needs a core per instance; here 2 cores run all), ${CONCURRENCY} connections, ${SUBMISSIONS} each, errors ${single.errors + behindHaproxy.errors}`
		);
		console.log(
			`scale-out results page requests/s (3 instances behind HAProxy, 16 connections): reading the replica ${perSecond(fromReplica).toFixed(0)} ÷ the primary alone ${perSecond(fromPrimary).toFixed(0)} = ${(perSecond(fromReplica) / perSecond(fromPrimary)).toFixed(2)}, errors ${fromPrimary.errors + fromReplica.errors}; ${replicaServed} transactions ran on the replica meanwhile`
		);
		expect(single.errors + behindHaproxy.errors + fromPrimary.errors + fromReplica.errors).toBe(0);
		expect(replicaServed).toBeGreaterThan(0);
	} finally {
		await closeDb();
		await Promise.all([onPrimary.stop(), onReplica.stop()]);
	}
}, 600_000);
