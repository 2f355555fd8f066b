import { assertNotLapsed } from '$lib/server/billing/standing';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { ConflictError, NotFoundError } from '$lib/server/errors';
import { isUuid, parse } from '$lib/server/validation';
import { recordAudit } from '$lib/server/audit/record';
import { allowedActions, type RoundAction } from '$lib/rounds/state';
import { extendInput } from './input';
import { advanceLocked } from './advance';
import { vacuumMixed } from '$lib/server/responses/mix';
import { countInvitable } from './invite';
import { modelGroups } from './eligible';
import { getRound, type RoundRow } from './queries';

/** The least time between two reminders when an admin asks for one. */
export const REMIND_GAP_MS = 60 * 60 * 1000;

type Opts = { organizationId: string; actor: Actor; roundId: string; now?: Date };

/**
 * Runs one admin action on a round in a transaction holding the round's row lock: the status check, the
 * change, the audit event and the step along the round's dates all happen together, so two clicks (or two
 * admins, or the scheduler) at once cannot both pass the check, and the answer shows the action's effect.
 */
async function act(opts: Opts, action: RoundAction, change: (trx: Db, r: RoundRow, now: Date) => Promise<void>, executor: Db = db()): Promise<RoundRow> {
	if (!isUuid(opts.roundId)) throw new NotFoundError('round');
	const closed = await executor.transaction().execute(async (trx) => {
		const lock = () =>
			trx.selectFrom('rounds').selectAll().where('organization_id', '=', opts.organizationId).where('id', '=', opts.roundId).forUpdate().executeTakeFirst();
		if (!(await lock())) throw new NotFoundError('round');
		// The time is read once the lock is held: a click that waited for another must see that one's effect
		// as already past (a time read before waiting would be earlier than the reminder it waited for).
		const now = opts.now ?? new Date();
		const round = await getRound(opts, trx);
		if (!allowedActions(round.status).includes(action))
			throw new ConflictError(
				'round_state',
				`A ${round.status} round cannot be ${{ launch: 'launched', close: 'closed', extend: 'extended', remind: 'reminded' }[action]}.`
			);
		await change(trx, round, now);
		return advanceLocked((await lock())!, now, trx);
	});
	if (closed) await vacuumMixed(undefined, executor);
	return getRound(opts, executor);
}

function setDates(opts: Opts, patch: { status?: 'scheduled'; ends_at?: Date; publish_at?: Date; reminders?: Date[] }, executor: Db = db()) {
	return executor.updateTable('rounds').set(patch).where('organization_id', '=', opts.organizationId).where('id', '=', opts.roundId).execute();
}

/** Launches a draft: it is scheduled and opens at its start date (at once if that has passed). */
export function launchRound(opts: Opts, executor: Db = db()): Promise<RoundRow> {
	return act(
		opts,
		'launch',
		async (trx, r, now) => {
			if (r.endsAt <= now) throw new ConflictError('round_dates', 'The end date has passed. Change the dates first.');
			await assertNotLapsed(opts.organizationId, now, trx);
			const groups = await modelGroups({ id: r.modelId, version: r.modelVersion });
			if ((await countInvitable({ organizationId: opts.organizationId, participants: r.participants as never, groups }, trx)) === 0)
				throw new ConflictError('nobody_to_invite', "Nobody to invite: nobody chosen has both a unit and a job role among the model's groups (any longer).");
			await setDates(opts, { status: 'scheduled' }, trx);
			await recordAudit({ organizationId: opts.organizationId, actor: opts.actor.label, action: 'round_launched', target: r.name }, trx);
		},
		executor
	);
}

/** Closes an open round now; results are published at the publishing date, or now if that was the end. */
export function closeRoundEarly(opts: Opts, executor: Db = db()): Promise<RoundRow> {
	return act(
		opts,
		'close',
		async (trx, r, now) => {
			// Never at or before the start (a round opened this very millisecond): the table requires start < end.
			const endsAt = new Date(Math.max(now.getTime(), r.startsAt.getTime() + 1));
			const publishAt = r.publishAt.getTime() === r.endsAt.getTime() || r.publishAt < endsAt ? endsAt : r.publishAt;
			await setDates(opts, { ends_at: endsAt, publish_at: publishAt, reminders: r.reminders.filter((d) => d < endsAt) }, trx);
			await recordAudit(
				{ organizationId: opts.organizationId, actor: opts.actor.label, action: 'round_closed', target: r.name, details: { early: true } },
				trx
			);
		},
		executor
	);
}

/** Moves the end (and, if it would come first, the publishing date) later. */
export async function extendRound(opts: Opts & { input: unknown }, executor: Db = db()): Promise<RoundRow> {
	const input = parse(extendInput, opts.input);
	return act(
		opts,
		'extend',
		async (trx, r, now) => {
			if (input.endsAt <= r.endsAt || input.endsAt <= now) throw new ConflictError('round_dates', 'The new end must be later than the current end.');
			const publishAt = input.publishAt ?? (r.publishAt.getTime() === r.endsAt.getTime() || r.publishAt < input.endsAt ? input.endsAt : r.publishAt);
			if (publishAt < input.endsAt) throw new ConflictError('round_dates', 'Results cannot be published before the round ends.');
			await setDates(opts, { ends_at: input.endsAt, publish_at: publishAt }, trx);
			await recordAudit(
				{
					organizationId: opts.organizationId,
					actor: opts.actor.label,
					action: 'round_extended',
					target: r.name,
					details: { endsAt: input.endsAt.toISOString() }
				},
				trx
			);
		},
		executor
	);
}

/** Sends a reminder now to everyone who has not submitted (by adding a reminder due now). */
export function remindNow(opts: Opts, executor: Db = db()): Promise<RoundRow> {
	return act(
		opts,
		'remind',
		async (trx, r, now) => {
			// A double click, a resent form or a script in a loop must not mail everyone again and again.
			const last = r.reminders.filter((d) => d <= now).at(-1);
			if (last && now.getTime() - last.getTime() < REMIND_GAP_MS)
				throw new ConflictError('reminder_recent', 'A reminder went out less than an hour ago. Wait a little before sending another.');
			await setDates(opts, { reminders: [...r.reminders, now].sort((a, b) => a.getTime() - b.getTime()) }, trx);
			await recordAudit({ organizationId: opts.organizationId, actor: opts.actor.label, action: 'reminder_sent', target: r.name }, trx);
		},
		executor
	);
}
