import { expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { mixPendingResponses, mixRoundAtClose, vacuumMixed } from '$lib/server/responses/mix';
import { sealCapacity, sealResponse } from '$lib/server/responses/seal';
import { scoreResponse } from '$lib/survey/scoring';
import { answersFor, openRoundWith } from './support/fixture';

type Round = Awaited<ReturnType<typeof openRoundWith>>;

/** `n` sealed answers of the round's invitations from `from` on, stored as the submit stores them (completion + pending row). */
async function submitSealed(r: Round, from: number, n: number) {
	const keys = r.model.statementKeys;
	const capacity = sealCapacity(r.model.shape, []);
	const invs = r.invitations.slice(from, from + n);
	const rows = invs.map((inv, i) => {
		const byKey = answersFor(keys, from + i);
		const answers = keys.map((k) => byKey[k]);
		const sealed = sealResponse(
			{ unitId: inv.unit_id, jobRole: inv.job_role, answers, areaScores: scoreResponse(answers, r.model.shape), questionAnswers: {} },
			{ organizationId: r.org.id, roundId: r.round.id, capacity }
		);
		return { organization_id: r.org.id, round_id: r.round.id, sealed };
	});
	for (let i = 0; i < rows.length; i += 1000)
		await db()
			.insertInto('pending_responses')
			.values(rows.slice(i, i + 1000))
			.execute();
	await db()
		.updateTable('invitations')
		.set({ completed: true })
		.where('organization_id', '=', r.org.id)
		.where(
			'id',
			'in',
			invs.map((i) => i.id)
		)
		.execute();
}

const count = (r: Round, table: 'responses' | 'pending_responses') =>
	db()
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('organization_id', '=', r.org.id)
		.where('round_id', '=', r.round.id)
		.executeTakeFirstOrThrow()
		.then((x) => Number(x.n));

/**
 * The mixer's cost: one scheduler mix of 1,500 pending answers of a round (open, shuffle, insert, delete,
 * then the vacuum of the pending table), and the close-time rewrite of a round of 10,000 (1,500 still
 * pending, 8,500 mixed earlier) in its transaction, then the vacuum of both tables.
 */
it('measures the mixer: 1,500 pending answers, and the close-time rewrite of 10,000', async () => {
	const small = await openRoundWith(1500, 50);
	await submitSealed(small, 0, 1500);
	let t0 = performance.now();
	expect(await mixPendingResponses({ organizationId: small.org.id, roundId: small.round.id, minimum: 5 })).toBe(1500);
	const mixMs = performance.now() - t0;
	t0 = performance.now();
	await vacuumMixed(['pending_responses']);
	const vacuumPendingMs = performance.now() - t0;
	expect(await count(small, 'responses')).toBe(1500);
	expect(await count(small, 'pending_responses')).toBe(0);

	const big = await openRoundWith(10_000, 200);
	await submitSealed(big, 0, 8500);
	expect(await mixPendingResponses({ organizationId: big.org.id, roundId: big.round.id, minimum: 5 })).toBe(8500);
	await submitSealed(big, 8500, 1500);
	t0 = performance.now();
	const moved = await db()
		.transaction()
		.execute(async (trx) => {
			await trx.selectFrom('rounds').select('id').where('organization_id', '=', big.org.id).where('id', '=', big.round.id).forUpdate().execute();
			return mixRoundAtClose({ organizationId: big.org.id, roundId: big.round.id }, trx);
		});
	const rewriteMs = performance.now() - t0;
	t0 = performance.now();
	await vacuumMixed();
	const vacuumMs = performance.now() - t0;
	expect(moved).toBe(10_000);
	expect(await count(big, 'responses')).toBe(10_000);
	expect(await count(big, 'pending_responses')).toBe(0);

	console.log(`mixer: 1,500 pending answers of a round mixed in ${mixMs.toFixed(0)} ms (+ ${vacuumPendingMs.toFixed(0)} ms vacuum of the pending table)`);
	console.log(
		`mixer at close: 10,000 responses of a round (1,500 pending) rewritten in one random order in ${rewriteMs.toFixed(0)} ms (+ ${vacuumMs.toFixed(0)} ms vacuum of responses and pending)`
	);
}, 300_000);
