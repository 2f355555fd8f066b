import { standingOf } from '$lib/server/billing/standing';
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import { statusAt, transitions } from '$lib/rounds/state';
import { recordAudit } from '$lib/server/audit/record';
import { createInvitations } from './invite';
import { modelGroups } from './eligible';
import { createSuccessor } from './successor';
import { buildRoundResults, freezeUnitTree } from '$lib/server/results/build';
import { latestBenchmarkVersion } from '$lib/server/benchmarks/versions';
import { mixRoundAtClose, vacuumMixed } from '$lib/server/responses/mix';

type RoundRecord = Selectable<Database['rounds']>;

/**
 * Moves one round along by its dates: opening creates the invitations (their emails are then sent by
 * the email sweep) and freezes the unit tree (a repeating round also creates its successor), closing deletes every draft and builds the results,
 * publishing pins the benchmark version the results are compared with (and marks everyone invited for the
 * email that says so), and due reminders are released. Runs in one
 * transaction holding the round's row lock; a round another instance is already advancing is skipped —
 * unless `wait` is set (an admin's action, which must see its own effect), which waits for that lock.
 */
export async function advanceRound(opts: { organizationId: string; roundId: string; now?: Date; wait?: boolean }, executor: Db = db()): Promise<void> {
	const now = opts.now ?? new Date();
	const closed = await executor.transaction().execute(async (trx) => {
		const locked = trx.selectFrom('rounds').selectAll().where('organization_id', '=', opts.organizationId).where('id', '=', opts.roundId).forUpdate();
		const r = await (opts.wait ? locked : locked.skipLocked()).executeTakeFirst();
		return r ? advanceLocked(r, now, trx) : false;
	});
	if (closed) await vacuumMixed(undefined, executor);
}

/**
 * The work of `advanceRound` on a round row the caller has locked (FOR UPDATE) in transaction `trx`.
 * True when it closed the round: the caller then runs `vacuumMixed` once the transaction has committed.
 */
export async function advanceLocked(r: RoundRecord, now: Date, executor: Db = db()): Promise<boolean> {
	const target = statusAt({ status: r.status, startsAt: r.starts_at, endsAt: r.ends_at, publishAt: r.publish_at }, now);
	const patch: Record<string, unknown> = {};
	for (const step of transitions(r.status, target)) {
		if (step === 'open') {
			const groups = await modelGroups({ id: r.model_id, version: r.model_version });
			const invited = await createInvitations({ organizationId: r.organization_id, roundId: r.id, participants: r.participants as never, groups }, executor);
			patch.opened_at = now;
			patch.unit_tree = await freezeUnitTree(r.organization_id, executor);
			await recordAudit({ organizationId: r.organization_id, actor: 'system', action: 'round_launched', target: r.name, details: { invited } }, executor);
			await createSuccessor(r, now, executor);
		}
		if (step === 'closed') {
			await executor.deleteFrom('drafts').where('organization_id', '=', r.organization_id).where('round_id', '=', r.id).execute();
			patch.closed_at = now;
			// Pending answers in, and all the round's responses rewritten in one random order, before they are counted.
			await mixRoundAtClose({ organizationId: r.organization_id, roundId: r.id }, executor);
			await buildRoundResults({ organizationId: r.organization_id, roundId: r.id }, executor);
		}
		if (step === 'published') {
			patch.published_at = now;
			patch.benchmark_version_id = await latestBenchmarkVersion(
				{ organizationId: r.organization_id, modelId: r.model_id, modelVersion: r.model_version },
				executor
			);
			// Everyone invited hears of it by email, answered or not (loop/publication.ts marks them apart).
			patch.results_notice_due = true;
		}
	}
	if (target !== r.status) patch.status = target;
	const dueReminders = target === 'open' ? r.reminders.filter((d) => d <= now).length : r.reminders_done;
	if (dueReminders > r.reminders_done) patch.reminders_done = dueReminders;
	if (Object.keys(patch).length)
		await executor.updateTable('rounds').set(patch).where('organization_id', '=', r.organization_id).where('id', '=', r.id).execute();
	return transitions(r.status, target).includes('closed');
}

/** A round whose dates or reminders are due at `now`. */
const isDue = (now: Date) => (eb: ExpressionBuilder<Database, 'rounds'>) =>
	eb.or([
		eb.and([eb('status', '=', 'scheduled'), eb('starts_at', '<=', now)]),
		eb.and([eb('status', '=', 'open'), eb('ends_at', '<=', now)]),
		eb.and([eb('status', '=', 'closed'), eb('publish_at', '<=', now)]),
		eb.and([eb('status', '=', 'open'), sql<boolean>`(SELECT count(*) FROM unnest(reminders) d WHERE d <= ${now}) > reminders_done`])
	]);

/** Organizations with a round whose dates or reminders are due (the jobs' fan-out: one rounds job each). */
export async function organizationsWithDueRounds(now = new Date(), executor: Db = db()): Promise<string[]> {
	const rows = await executor.selectFrom('rounds').select('organization_id').distinct().where(isDue(now)).execute();
	return rows.map((r) => r.organization_id);
}

/** Every round of one organization whose dates or reminders are due (its rounds job); returns how many were advanced. */
export async function advanceDueRounds(opts: { organizationId: string; now?: Date }, executor: Db = db()): Promise<number> {
	const now = opts.now ?? new Date();
	// A lapsed organization's scheduled rounds do not open (the admin is told why); its open rounds go on.
	const lapsed = (await standingOf(opts.organizationId, now, executor)).state === 'lapsed';
	const due = await executor
		.selectFrom('rounds')
		.select(['organization_id', 'id'])
		.where('organization_id', '=', opts.organizationId)
		.where(isDue(now))
		.$if(lapsed, (q) => q.where('status', '!=', 'scheduled'))
		.execute();
	let advanced = 0;
	for (const r of due)
		try {
			await advanceRound({ organizationId: r.organization_id, roundId: r.id, now }, executor);
			advanced++;
		} catch (err) {
			// One round that cannot move on (its answers cannot be opened, say) holds up no other round.
			console.error(`[rounds] round ${r.id} could not be advanced:`, err instanceof Error ? err.message : err);
		}
	return advanced;
}
