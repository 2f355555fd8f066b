import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import { openIdentity, openResponse, type ResponsePayload } from './seal';

const BATCH = 500;

/** Rolls the mixing transaction back when fewer than the minimum were there to take. */
class TooFew extends Error {}

/**
 * Mixes a round's pending responses into `responses`, in ONE transaction: takes every pending row of the
 * round (only while the round is open; a round being closed is skipped — closing mixes it itself),
 * opens them, inserts them in a random order (Fisher–Yates with a cryptographic generator) with new
 * random ids, and deletes them. Nothing happens when fewer than `minimum` (the round's k) are pending:
 * the inserted rows share the mixing transaction's id, which links them to no invitation, only to the
 * set of invitations completed before it — at least k. A row that cannot be opened (another key) fails
 * the whole mix: nothing is lost, the rows stay pending. Returns how many were mixed.
 */
export async function mixPendingResponses(opts: { organizationId: string; roundId: string; minimum: number }, executor: Db = db()): Promise<number> {
	const { organizationId, roundId } = opts;
	try {
		return await executor.transaction().execute(async (trx) => {
			// A share lock like a submit's: closing (which locks for update) waits for the mix, or the mix skips a round being closed.
			const open =
				await sql`SELECT 1 FROM rounds WHERE organization_id = ${organizationId} AND id = ${roundId} AND status = 'open' FOR SHARE SKIP LOCKED`.execute(trx);
			if (open.rows.length === 0) return 0;
			const taken = await takePending(opts, trx);
			if (taken.length < Math.max(1, opts.minimum)) throw new TooFew();
			await insertResponses(opts, shuffle(taken), trx);
			return taken.length;
		});
	} catch (err) {
		if (err instanceof TooFew) return 0;
		throw err;
	}
}

/**
 * At close, in the closing transaction (which holds the round's row lock, so no submit or mix runs
 * meanwhile): every pending response of the round is opened and stored, then ALL the round's responses
 * are rewritten in one random order (ordered by gen_random_uuid(), PostgreSQL's cryptographic generator)
 * with new random ids. Every response of the closed round then shares this one transaction id, so each
 * links to all of the round's invitations; neither the batches of earlier mixes nor their physical
 * order survive. Run `vacuumMixed` after the commit to drop the old row versions.
 */
export async function mixRoundAtClose(opts: { organizationId: string; roundId: string }, executor: Db = db()): Promise<number> {
	const { organizationId, roundId } = opts;
	// Shuffled already, so that not even the row versions this transaction replaces keep the order of submitting.
	await insertResponses(opts, shuffle(await takePending(opts, executor)), executor);
	const moved = await sql`
		WITH old AS (
			DELETE FROM responses WHERE organization_id = ${organizationId} AND round_id = ${roundId}
			RETURNING unit_id, job_role, answers, area_scores, question_answers
		)
		INSERT INTO responses (organization_id, round_id, id, unit_id, job_role, answers, area_scores, question_answers)
		SELECT ${organizationId}::uuid, ${roundId}::uuid, gen_random_uuid(), unit_id, job_role, answers, area_scores, question_answers
		FROM old ORDER BY gen_random_uuid()`.execute(executor);
	return Number(moved.numAffectedRows ?? 0);
}

/** Organizations with an open round holding at least k pending responses (the jobs' fan-out: one rounds job each). */
export async function organizationsWithRoundsToMix(executor: Db = db()): Promise<string[]> {
	const due = await sql<{ organization_id: string }>`
		SELECT DISTINCT r.organization_id FROM rounds r
		WHERE r.status = 'open'
			AND (SELECT count(*) FROM pending_responses p WHERE p.organization_id = r.organization_id AND p.round_id = r.id) >= r.min_group_size`.execute(executor);
	return due.rows.map((r) => r.organization_id);
}

/** One organization's part of the mixing (its rounds job): every open round with at least k pending responses is mixed (a round that fails is logged and left pending); then the pending table is vacuumed. */
export async function mixDueRounds(opts: { organizationId: string }, executor: Db = db()): Promise<number> {
	const due = await sql<{ organization_id: string; id: string; min_group_size: number }>`
		SELECT r.organization_id, r.id, r.min_group_size FROM rounds r
		WHERE r.organization_id = ${opts.organizationId} AND r.status = 'open'
			AND (SELECT count(*) FROM pending_responses p WHERE p.organization_id = r.organization_id AND p.round_id = r.id) >= r.min_group_size`.execute(executor);
	let mixed = 0;
	for (const r of due.rows) {
		try {
			mixed += await mixPendingResponses({ organizationId: r.organization_id, roundId: r.id, minimum: r.min_group_size }, executor);
		} catch (err) {
			// The round's answers stay pending (nothing is lost); the organization's other work goes on.
			console.error(`[responses] round ${r.id} could not be mixed:`, err instanceof Error ? err.message : err);
		}
	}
	if (mixed > 0) await vacuumMixed(['pending_responses'], executor);
	return mixed;
}

/**
 * VACUUM after a mix has committed (it cannot run inside a transaction): the deleted pending rows and,
 * after a close, the old versions of the rewritten responses are removed, so no earlier version of a
 * row (with its transaction id and place) stays readable through the database. Failure is logged, not
 * thrown: autovacuum does the same work later.
 */
export async function vacuumMixed(tables: ('pending_responses' | 'responses')[] = ['pending_responses', 'responses'], executor: Db = db()): Promise<void> {
	if (executor.isTransaction) return;
	try {
		await sql`VACUUM ${sql.raw(tables.join(', '))}`.execute(executor);
	} catch (err) {
		console.error('[responses] vacuum after mixing failed (autovacuum will do it):', err instanceof Error ? err.message : err);
	}
}

/** Deletes and opens every pending response of the round (rows committed when the statement starts). */
async function takePending(opts: { organizationId: string; roundId: string }, executor: Db = db()): Promise<ResponsePayload[]> {
	const rows = await executor
		.deleteFrom('pending_responses')
		.where('organization_id', '=', opts.organizationId)
		.where('round_id', '=', opts.roundId)
		.returning('sealed')
		.execute();
	return rows.map((r) => openResponse(r.sealed, opts));
}

async function insertResponses(opts: { organizationId: string; roundId: string }, rows: ResponsePayload[], executor: Db = db()): Promise<void> {
	for (let i = 0; i < rows.length; i += BATCH)
		await executor
			.insertInto('responses')
			.values(
				rows.slice(i, i + BATCH).map((p) => ({
					organization_id: opts.organizationId,
					round_id: opts.roundId,
					unit_id: p.unitId,
					job_role: p.jobRole,
					answers: p.answers as number[],
					area_scores: p.areaScores,
					question_answers: JSON.stringify(p.questionAnswers)
				}))
			)
			.execute();
}

/** Fisher–Yates with a cryptographic generator, in place. */
function shuffle<T>(items: T[]): T[] {
	for (let i = items.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[items[i], items[j]] = [items[j], items[i]];
	}
	return items;
}

/**
 * At start-up: whether this instance's response key opens what another instance sealed (an open
 * round's invitation identity). A mismatch is reported loudly: answers this instance seals could not
 * be mixed by the others, nor theirs by it, and rounds could not close until the key is the same.
 */
export async function checkResponseKey(executor: Db = db()): Promise<boolean> {
	const row = await sql<{ organization_id: string; round_id: string; sealed_identity: Buffer }>`
		SELECT i.organization_id, i.round_id, i.sealed_identity FROM rounds r
		JOIN invitations i ON i.organization_id = r.organization_id AND i.round_id = r.id
		WHERE r.status = 'open' AND i.sealed_identity IS NOT NULL LIMIT 1`.execute(executor);
	const found = row.rows[0];
	if (!found) return true;
	try {
		openIdentity(found.sealed_identity, { organizationId: found.organization_id, roundId: found.round_id });
		return true;
	} catch {
		console.error(
			'[responses] THE RESPONSE KEY DIFFERS from the one open rounds were sealed with: set the same SOS_RESPONSE_KEY (or key file) on every instance, or their answers cannot be mixed and their rounds cannot close.'
		);
		return false;
	}
}
