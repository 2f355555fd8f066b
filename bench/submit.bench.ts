import { expect, inject, it } from 'vitest';
import autocannon from 'autocannon';
import pg from 'pg';
import { db } from '$lib/server/db';
import { scoreResponse } from '$lib/survey/scoring';
import { answersFor, openRoundWith } from './support/fixture';
import { rssMb, startBenchServer } from './support/server';

const CONCURRENCY = 100;
const SUBMISSIONS = 3000;

/**
 * Survey submissions through HTTP (the participant submit endpoint, each with its own invitation)
 * against raw `pg` inserts of the same rows at the same concurrency, in one run; p99 latency at 100
 * concurrent participants; server RSS under that load.
 */
it('measures survey submission throughput, latency and memory', async () => {
	const f = await openRoundWith(SUBMISSIONS, 50);
	const keys = f.model.statementKeys;
	const bodies = f.tokens.map((_, i) => JSON.stringify({ answers: answersFor(keys, i), questions: {} }));

	// Raw pg: the same rows (the insert and completion update of a submission), same concurrency, pool of 20 like the server.
	const raw = await openRoundWith(SUBMISSIONS, 50);
	const pool = new pg.Pool({ connectionString: inject('databaseUrl'), max: 20 });
	let next = 0;
	const t0 = performance.now();
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			for (let i = next++; i < SUBMISSIONS; i = next++) {
				const inv = raw.invitations[i];
				const byKey = answersFor(keys, i);
				const answers = keys.map((k) => byKey[k]);
				// The same single statement the submit endpoint runs (see src/lib/server/survey/submit.ts).
				await pool.query(
					`WITH inv AS (UPDATE invitations SET completed = true WHERE organization_id = $1 AND round_id = $2 AND id = $3 AND NOT completed RETURNING unit_id, job_role),
					ins AS (INSERT INTO responses (organization_id, round_id, unit_id, job_role, answers, area_scores) SELECT $1, $2, unit_id, job_role, $4, $5 FROM inv RETURNING 1),
					del AS (DELETE FROM drafts WHERE organization_id = $1 AND round_id = $2 AND invitation_id = $3 AND EXISTS (SELECT 1 FROM inv))
					SELECT (SELECT count(*) FROM ins)`,
					[raw.org.id, raw.round.id, inv.id, answers, scoreResponse(answers, raw.model.shape)]
				);
			}
		})
	);
	const rawPerSecond = SUBMISSIONS / ((performance.now() - t0) / 1000);
	await pool.end();

	const server = await startBenchServer(inject('databaseUrl'));
	let peakRss = rssMb(server.pid);
	const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.pid))), 100);
	let i = 0;
	const result = await autocannon({
		url: `${server.url}/api/v1/survey/submit`,
		connections: CONCURRENCY,
		amount: SUBMISSIONS,
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		requests: [
			{
				setupRequest: (req) => {
					const n = i++ % SUBMISSIONS;
					return { ...req, headers: { ...req.headers, authorization: `Bearer ${f.tokens[n]}` }, body: bodies[n] };
				}
			}
		]
	});
	clearInterval(sampler);

	// The same 100 connections at a steady 100 submissions per second (below capacity): latency when not saturated.
	const paced = await openRoundWith(1000, 20);
	const pacedBodies = paced.tokens.map((_, n) => JSON.stringify({ answers: answersFor(keys, n), questions: {} }));
	let j = 0;
	const steady = await autocannon({
		url: `${server.url}/api/v1/survey/submit`,
		connections: CONCURRENCY,
		overallRate: 100,
		amount: 1000,
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		requests: [
			{
				setupRequest: (req) => {
					const n = j++ % 1000;
					return { ...req, headers: { ...req.headers, authorization: `Bearer ${paced.tokens[n]}` }, body: pacedBodies[n] };
				}
			}
		]
	});
	await server.stop();

	const stored = await db().selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).where('organization_id', '=', f.org.id).executeTakeFirstOrThrow();
	const ok = result['2xx'];
	const httpPerSecond = ok / result.duration;
	const errors = result.non2xx + result.errors + result.timeouts;
	console.log(`submissions: HTTP ${httpPerSecond.toFixed(0)}/s ÷ raw pg ${rawPerSecond.toFixed(0)}/s = ${(httpPerSecond / rawPerSecond).toFixed(2)} (budget ≥ 0.5), ${CONCURRENCY} concurrent`);
	console.log(`submit latency at ${CONCURRENCY} concurrent: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms (budget ≤ 50 ms), errors ${errors} (budget 0)`);
	console.log(`submit latency at ${CONCURRENCY} connections paced at 100 submissions/s: p50 ${steady.latency.p50} ms, p99 ${steady.latency.p99} ms, errors ${steady.non2xx + steady.errors + steady.timeouts}`);
	console.log(`server RSS under the submit load: peak ${peakRss.toFixed(0)} MB (budget ≤ 200 MB, PostgreSQL not counted)`);
	console.log(`stored responses ${Number(stored.n)} = acknowledged submissions ${ok}`);
	expect(Number(stored.n)).toBe(ok);
}, 600_000);
