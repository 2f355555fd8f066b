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
				const answers = keys.map((k) => answersFor(keys, i)[k]);
				const c = await pool.connect();
				try {
					await c.query('BEGIN');
					await c.query('SELECT 1 FROM invitations WHERE organization_id = $1 AND round_id = $2 AND id = $3 FOR UPDATE', [raw.org.id, raw.round.id, inv.id]);
					await c.query(
						'INSERT INTO responses (organization_id, round_id, unit_id, job_role, answers, area_scores) VALUES ($1, $2, $3, $4, $5, $6)',
						[raw.org.id, raw.round.id, inv.unit_id, inv.job_role, answers, scoreResponse(answers, raw.model.shape)]
					);
					await c.query('UPDATE invitations SET completed = true WHERE organization_id = $1 AND round_id = $2 AND id = $3', [raw.org.id, raw.round.id, inv.id]);
					await c.query('COMMIT');
				} finally {
					c.release();
				}
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
	await server.stop();

	const stored = await db().selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).where('organization_id', '=', f.org.id).executeTakeFirstOrThrow();
	const ok = result['2xx'];
	const httpPerSecond = ok / result.duration;
	const errors = result.non2xx + result.errors + result.timeouts;
	console.log(`submissions: HTTP ${httpPerSecond.toFixed(0)}/s ÷ raw pg ${rawPerSecond.toFixed(0)}/s = ${(httpPerSecond / rawPerSecond).toFixed(2)} (budget ≥ 0.5), ${CONCURRENCY} concurrent`);
	console.log(`submit latency at ${CONCURRENCY} concurrent: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms (budget ≤ 50 ms), errors ${errors} (budget 0)`);
	console.log(`server RSS under the submit load: peak ${peakRss.toFixed(0)} MB (budget ≤ 200 MB, PostgreSQL not counted)`);
	console.log(`stored responses ${Number(stored.n)} = acknowledged submissions ${ok}`);
	expect(Number(stored.n)).toBe(ok);
}, 600_000);
