import { expect, inject, it } from 'vitest';
import autocannon from 'autocannon';
import pg from 'pg';
import { db } from '$lib/server/db';
import { scoreResponse } from '$lib/survey/scoring';
import { sealCapacity, sealResponse } from '$lib/server/responses/seal';
import { answersFor, openRoundWith } from './support/fixture';
import { openLoop, percentile } from './support/load';
import { rssMb, startBenchServer } from './support/server';

const CONCURRENCY = 100;
const SUBMISSIONS = 3000;
const WARM_UP = 300;
/** The steady rate for the latency figure: 100 participants each submitting every half second on average. */
const STEADY_RATE = 200;

/**
 * The statement the submit endpoint runs, as a plain pg client would send it (named, so planned once per
 * connection): the completion, the sealed response into pending_responses, the draft deleted.
 */
const RAW_SUBMIT = `WITH live AS (SELECT 1 FROM rounds WHERE organization_id = $1 AND id = $2 AND status = 'open' AND ends_at > now() FOR SHARE),
	inv AS (UPDATE invitations i SET completed = true FROM live WHERE i.organization_id = $1 AND i.round_id = $2 AND i.id = $3 AND NOT i.completed RETURNING 1),
	ins AS (INSERT INTO pending_responses (organization_id, round_id, sealed) SELECT $1, $2, $4 FROM inv RETURNING 1),
	del AS (DELETE FROM drafts WHERE organization_id = $1 AND round_id = $2 AND invitation_id = $3 AND EXISTS (SELECT 1 FROM inv))
	SELECT (SELECT count(*) FROM ins)`;

type Round = Awaited<ReturnType<typeof openRoundWith>>;

/** `n` submissions over HTTP from CONCURRENCY keep-alive connections; seconds from the first request to the last response. */
async function httpClosedLoop(url: string, round: Round, n: number) {
	const keys = round.model.statementKeys;
	const bodies = round.tokens.map((_, i) => JSON.stringify({ answers: answersFor(keys, i), questions: {} }));
	let next = 0;
	let last = 0;
	const t0 = performance.now();
	const result = await autocannon({
		url: `${url}/api/v1/survey/submit`,
		connections: CONCURRENCY,
		amount: n,
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		requests: [
			{
				setupRequest: (req) => {
					const i = next++ % n;
					return { ...req, headers: { ...req.headers, authorization: `Bearer ${round.tokens[i]}` }, body: bodies[i] };
				},
				onResponse: () => void (last = performance.now())
			}
		]
	});
	// autocannon resolves on its next one-second tick, so the time is taken from the responses themselves.
	return { result, seconds: (last - t0) / 1000 };
}

/** The same rows through a plain pg pool of the server's size, at the same concurrency; seconds for `ids`. */
async function rawClosedLoop(pool: pg.Pool, round: Round, ids: number[]) {
	const keys = round.model.statementKeys;
	let next = 0;
	const t0 = performance.now();
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			for (let k = next++; k < ids.length; k = next++) {
				const i = ids[k];
				const byKey = answersFor(keys, i);
				const answers = keys.map((key) => byKey[key]);
				const inv = round.invitations[i];
				const sealed = sealResponse(
					{ unitId: inv.unit_id, jobRole: inv.job_role, answers, areaScores: scoreResponse(answers, round.model.shape), questionAnswers: {} },
					{ organizationId: round.org.id, roundId: round.round.id, capacity: sealCapacity(round.model.shape, []) }
				);
				const values = [round.org.id, round.round.id, inv.id, sealed];
				await pool.query({ name: 'raw-submit', text: RAW_SUBMIT, values });
			}
		})
	);
	return (performance.now() - t0) / 1000;
}

/**
 * Survey submissions through HTTP (the participant submit endpoint, each with its own invitation)
 * against raw `pg` submits of the same rows at the same concurrency, in one run, both warmed up;
 * latency at 100 concurrent participants; server RSS under that load.
 */
it('measures survey submission throughput, latency and memory', async () => {
	const raw = await openRoundWith(WARM_UP + SUBMISSIONS, 50);
	const warm = await openRoundWith(WARM_UP, 10);
	const measured = await openRoundWith(SUBMISSIONS, 50);
	const steady = await openRoundWith(1200, 20);

	const pool = new pg.Pool({ connectionString: inject('databaseUrl'), max: 20 });
	const all = Array.from({ length: WARM_UP + SUBMISSIONS }, (_, i) => i);
	await rawClosedLoop(pool, raw, all.slice(0, WARM_UP));
	const rawSeconds = await rawClosedLoop(pool, raw, all.slice(WARM_UP));
	await pool.end();

	const server = await startBenchServer(inject('databaseUrl'));
	let peakRss = rssMb(server.pid);
	const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.pid))), 100);
	await httpClosedLoop(server.url, warm, WARM_UP);
	const { result, seconds } = await httpClosedLoop(server.url, measured, SUBMISSIONS);
	const paced = await openLoop({
		url: `${server.url}/api/v1/survey/submit`,
		connections: CONCURRENCY,
		ratePerSecond: STEADY_RATE,
		requests: steady.tokens.map((token, i) => ({
			headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
			body: JSON.stringify({ answers: answersFor(steady.model.statementKeys, i), questions: {} })
		}))
	});
	clearInterval(sampler);
	await server.stop();

	// Stored = still pending (sealed) + already mixed into responses.
	const count = (table: 'responses' | 'pending_responses') =>
		db()
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('organization_id', '=', measured.org.id)
			.executeTakeFirstOrThrow()
			.then((r) => Number(r.n));
	const stored = { n: (await count('responses')) + (await count('pending_responses')) };
	const ok = result['2xx'];
	const httpPerSecond = ok / seconds;
	const rawPerSecond = SUBMISSIONS / rawSeconds;
	const errors = result.non2xx + result.errors + result.timeouts;
	console.log(
		`submissions: HTTP ${httpPerSecond.toFixed(0)}/s ÷ raw pg ${rawPerSecond.toFixed(0)}/s = ${(httpPerSecond / rawPerSecond).toFixed(2)} (budget ≥ 0.5), ${CONCURRENCY} concurrent`
	);
	console.log(
		`submit latency, ${CONCURRENCY} concurrent participants at a steady ${STEADY_RATE}/s: p50 ${percentile(paced.latencies, 50).toFixed(1)} ms, p99 ${percentile(paced.latencies, 99).toFixed(1)} ms (budget ≤ 50 ms), errors ${paced.errors} (budget 0)`
	);
	console.log(
		`submit latency, ${CONCURRENCY} connections submitting back to back (saturated): p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${errors}`
	);
	console.log(`server RSS under the submit load: peak ${peakRss.toFixed(0)} MB (budget ≤ 200 MB, PostgreSQL not counted)`);
	console.log(`stored responses ${Number(stored.n)} = acknowledged submissions ${ok}`);
	expect(Number(stored.n)).toBe(ok);
	expect(errors + paced.errors).toBe(0);
}, 600_000);
