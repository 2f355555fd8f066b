import { db, type Db } from '$lib/server/db';
import type { Selectable } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { addDays, addMonths, dateIn, monthsSince } from './dates';
import { issueDocument, type IssuedInvoice } from './issue';
import { presenceIn } from './presence';
import { linesFor, seatStarts, type Period } from './seats';
import { billingSettings } from './settings';
import type { Transaction } from 'kysely';
import { notCredited } from './credited';

type Trx = Transaction<Database>;
type Subscription = Selectable<Database['subscriptions']>;

/** Seats already billed in a period: the users on its invoices that no credit note cancelled. */
export async function billedSeats(trx: Db, organizationId: string, period: Period): Promise<number> {
	const r = await trx
		.selectFrom('invoice_lines as l')
		.innerJoin('invoices as i', (j) => j.onRef('i.organization_id', '=', 'l.organization_id').onRef('i.id', '=', 'l.invoice_id'))
		.select((eb) => eb.fn.coalesce(eb.fn.sum<number>('l.users'), eb.lit(0)).as('seats'))
		.where('l.organization_id', '=', organizationId)
		.where('i.kind', '=', 'invoice')
		.where('i.period_start', '=', period.start)
		.where(notCredited)
		.executeTakeFirstOrThrow();
	return Number(r.seats);
}

/**
 * The day up to which a period's seats are due at `today`: the start's day (the invoice in advance), then
 * each monthly boundary passed (the people added before it, pro rata), and the period's end once it is over.
 */
export function dueThrough(period: Period, today: string): string {
	if (today >= period.end) return period.end;
	return [addDays(period.start, 1), addMonths(period.start, monthsSince(period.start, today))].sort().at(-1)!;
}

/** Bills the seats of the subscription's current period due at `today` not yet billed: at most one invoice. */
async function billPeriod(trx: Trx, sub: Subscription, today: string, actor: string): Promise<IssuedInvoice | null> {
	const period = { start: sub.period_start!, end: sub.period_end! };
	const { minimumUsers } = await billingSettings(trx);
	const through = [dueThrough(period, today), sub.ends_on ?? period.end].sort()[0];
	const starts = seatStarts(await presenceIn(sub.organization_id, period, trx), period, minimumUsers, through);
	const billed = await billedSeats(trx, sub.organization_id, period);
	const lines = linesFor(starts, billed, period, sub.unit_price_minor!);
	if (!lines.length) return null;
	const earlier = await trx
		.selectFrom('invoices')
		.select('id')
		.where('organization_id', '=', sub.organization_id)
		.where('period_start', '=', period.start)
		.executeTakeFirst();
	return issueDocument(trx, {
		organizationId: sub.organization_id,
		reason: earlier ? 'additions' : 'period',
		period,
		currency: sub.currency!,
		lines,
		today,
		actor
	});
}

/**
 * One organization's billing at `today`, exactly once however many instances run it: under the lock of
 * its subscription row it bills what is due in the current period, renews every period that has ended
 * (the last month's additions first, then the next 12 months in advance at the subscription's price) unless the
 * subscription ends, and sets when to look next. Returns the invoices issued.
 */
export async function runBilling(opts: { organizationId: string; now?: Date; actor?: string }, executor: Db = db()): Promise<IssuedInvoice[]> {
	const today = dateIn(opts.now ?? new Date());
	const actor = opts.actor ?? 'system';
	return executor.transaction().execute(async (trx) => {
		let sub = await trx.selectFrom('subscriptions').selectAll().where('organization_id', '=', opts.organizationId).forUpdate().executeTakeFirst();
		if (!sub || sub.plan !== 'subscription') return [];
		const issued: IssuedInvoice[] = [];
		for (;;) {
			if (sub.period_start! > today) break;
			const invoice = await billPeriod(trx, sub, today, actor);
			if (invoice) issued.push(invoice);
			const ends = sub.ends_on !== null && sub.ends_on <= sub.period_end!;
			if (today < sub.period_end! || ends) break;
			sub = await trx
				.updateTable('subscriptions')
				.set({ period_start: sub.period_end, period_end: addMonths(sub.period_end!, 12), updated_at: new Date() })
				.where('organization_id', '=', sub.organization_id)
				.returningAll()
				.executeTakeFirstOrThrow();
		}
		await trx
			.updateTable('subscriptions')
			.set({ next_billing_on: nextLook(sub, today) })
			.where('organization_id', '=', sub.organization_id)
			.execute();
		return issued;
	});
}

/** When the subscription's billing is next due: the next monthly boundary, the period's end or the subscription's (none once it ended). */
export function nextLook(sub: Pick<Subscription, 'period_start' | 'period_end' | 'ends_on'>, today: string): string | null {
	const start = sub.period_start!;
	if (sub.ends_on !== null && sub.ends_on <= today) return null;
	if (start > today) return start;
	const next = addMonths(start, monthsSince(start, today) + 1);
	return [next, sub.period_end!, sub.ends_on ?? sub.period_end!].sort()[0];
}

/** Organizations whose billing is due at `now` (the scheduler's fan-out: one billing job each). */
export async function organizationsWithDueBilling(now = new Date(), executor: Db = db()): Promise<string[]> {
	const rows = await executor
		.selectFrom('subscriptions')
		.select('organization_id')
		.where('plan', '=', 'subscription')
		.where('next_billing_on', '<=', dateIn(now))
		.execute();
	return rows.map((r) => r.organization_id);
}
