import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { ConflictError } from '$lib/server/errors';
import { parse } from '$lib/server/validation';
import { recordAudit } from '$lib/server/audit/record';
import { allowedActions, type RoundAction } from '$lib/rounds/state';
import { extendInput } from './input';
import { advanceRound } from './advance';
import { getRound, type RoundRow } from './queries';

type Opts = { organizationId: string; actor: Actor; roundId: string; now?: Date };

async function roundFor(db: Db, opts: Opts, action: RoundAction): Promise<RoundRow> {
	const round = await getRound(db, opts);
	if (!allowedActions(round.status).includes(action)) throw new ConflictError('round_state', `A ${round.status} round cannot be ${{ launch: 'launched', close: 'closed', extend: 'extended', remind: 'reminded' }[action]}.`);
	return round;
}

function setDates(db: Db, opts: Opts, patch: { status?: 'scheduled'; ends_at?: Date; publish_at?: Date; reminders?: Date[] }) {
	return db.updateTable('rounds').set(patch).where('organization_id', '=', opts.organizationId).where('id', '=', opts.roundId).execute();
}

/** Launches a draft: it is scheduled and opens at its start date (at once if that has passed). */
export async function launchRound(db: Db, opts: Opts): Promise<RoundRow> {
	const r = await roundFor(db, opts, 'launch');
	const now = opts.now ?? new Date();
	if (r.endsAt <= now) throw new ConflictError('round_dates', 'The end date has passed. Change the dates first.');
	await setDates(db, opts, { status: 'scheduled' });
	await recordAudit(db, { organizationId: opts.organizationId, actor: opts.actor.label, action: 'round_launched', target: r.name });
	await advanceRound(db, { ...opts, now });
	return getRound(db, opts);
}

/** Closes an open round now; results are published at the publishing date, or now if that was the end. */
export async function closeRoundEarly(db: Db, opts: Opts): Promise<RoundRow> {
	const r = await roundFor(db, opts, 'close');
	const now = opts.now ?? new Date();
	const publishAt = r.publishAt.getTime() === r.endsAt.getTime() ? now : r.publishAt;
	await setDates(db, opts, { ends_at: now, publish_at: publishAt < now ? now : publishAt, reminders: r.reminders.filter((d) => d < now) });
	await recordAudit(db, { organizationId: opts.organizationId, actor: opts.actor.label, action: 'round_closed', target: r.name, details: { early: true } });
	await advanceRound(db, { ...opts, now });
	return getRound(db, opts);
}

/** Moves the end (and, if it would come first, the publishing date) later. */
export async function extendRound(db: Db, opts: Opts & { input: unknown }): Promise<RoundRow> {
	const input = parse(extendInput, opts.input);
	const r = await roundFor(db, opts, 'extend');
	const now = opts.now ?? new Date();
	if (input.endsAt <= r.endsAt || input.endsAt <= now) throw new ConflictError('round_dates', 'The new end must be later than the current end.');
	const publishAt = input.publishAt ?? (r.publishAt.getTime() === r.endsAt.getTime() || r.publishAt < input.endsAt ? input.endsAt : r.publishAt);
	if (publishAt < input.endsAt) throw new ConflictError('round_dates', 'Results cannot be published before the round ends.');
	await setDates(db, opts, { ends_at: input.endsAt, publish_at: publishAt });
	await recordAudit(db, { organizationId: opts.organizationId, actor: opts.actor.label, action: 'round_extended', target: r.name, details: { endsAt: input.endsAt.toISOString() } });
	return getRound(db, opts);
}

/** Sends a reminder now to everyone who has not submitted (by adding a reminder due now). */
export async function remindNow(db: Db, opts: Opts): Promise<RoundRow> {
	const r = await roundFor(db, opts, 'remind');
	const now = opts.now ?? new Date();
	await setDates(db, opts, { reminders: [...r.reminders, now].sort((a, b) => a.getTime() - b.getTime()) });
	await recordAudit(db, { organizationId: opts.organizationId, actor: opts.actor.label, action: 'reminder_sent', target: r.name });
	await advanceRound(db, { ...opts, now });
	return getRound(db, opts);
}
