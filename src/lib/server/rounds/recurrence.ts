import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { requireAdmin } from '$lib/server/auth/policies';
import { ConflictError, NotFoundError, ValidationError } from '$lib/server/errors';
import { isUuid, parse } from '$lib/server/validation';
import { recordAudit } from '$lib/server/audit/record';
import { repeatProblem, type RepeatMonths } from '$lib/rounds/repeat';
import { repeatInput } from './input';
import { getRound, type RoundRow } from './queries';
import { createSuccessor, organizationZoneAndLanguage } from './successor';

type Opts = { organizationId: string; actor: Actor; roundId: string; input: unknown; now?: Date };

/** Refuses a repeat the round's dates cannot carry: the round must close before its successor opens. */
export async function checkRepeat(
	opts: { organizationId: string; repeatMonths: RepeatMonths | null; startsAt: Date; endsAt: Date },
	executor: Db = db()
): Promise<void> {
	if (!opts.repeatMonths) return;
	const { zone } = await organizationZoneAndLanguage(opts.organizationId, executor);
	const problem = repeatProblem(opts, opts.repeatMonths, zone);
	if (problem) throw new ValidationError(`repeatMonths: ${problem}`, [{ path: 'repeatMonths', message: problem }]);
}

/**
 * Sets (3, 6 or 12 months) or clears (null) how often a round repeats; admins only, audited. The setting
 * belongs to the series: it is applied to the round's successor too while that has not opened, so
 * clearing it on the current round means no round is created after the one already scheduled (which
 * the admin can still change or stop on its own page). An open round that starts repeating gets its
 * successor at once — the moment it would have been created (the opening) has passed. A round that has
 * ended cannot be changed: its successor, if any, carries the series on.
 */
export async function setRoundRepeat(opts: Opts, executor: Db = db()): Promise<RoundRow> {
	const { organizationId } = requireAdmin(opts.actor);
	if (organizationId !== opts.organizationId || !isUuid(opts.roundId)) throw new NotFoundError('round');
	const { repeatMonths } = parse(repeatInput, opts.input);
	const now = opts.now ?? new Date();
	await executor.transaction().execute(async (trx) => {
		const r = await trx
			.selectFrom('rounds')
			.selectAll()
			.where('organization_id', '=', organizationId)
			.where('id', '=', opts.roundId)
			.forUpdate()
			.executeTakeFirst();
		if (!r) throw new NotFoundError('round');
		if (r.status === 'closed' || r.status === 'published')
			throw new ConflictError('round_state', 'This round has ended, so its repeat can no longer be changed. Change it on the next round instead.');
		await checkRepeat({ organizationId, repeatMonths, startsAt: r.starts_at, endsAt: r.ends_at }, trx);
		if (r.repeat_months === repeatMonths) return;
		// The round, and its successor while that has not opened.
		await trx
			.updateTable('rounds')
			.set({ repeat_months: repeatMonths })
			.where('organization_id', '=', organizationId)
			.where((w) => w.or([w('id', '=', r.id), w.and([w('repeats_from', '=', r.id), w('status', 'in', ['draft', 'scheduled'])])]))
			.execute();
		await recordAudit(
			{ organizationId, actor: opts.actor.label, action: 'round_repeat_changed', target: r.name, details: { repeatMonths, before: r.repeat_months } },
			trx
		);
		if (r.status === 'open' && repeatMonths) await createSuccessor({ ...r, repeat_months: repeatMonths }, now, trx);
	});
	return getRound({ organizationId, roundId: opts.roundId }, executor);
}
