import { db, type Db } from '$lib/server/db';
import type { Selectable } from 'kysely';
import type { Access, Database } from '$lib/server/db/schema';
import type { Currency, InvoiceReason, VatTreatment } from '$lib/billing';
import { buyerOf } from './buyer';
import { addDays, addMonths, dateIn } from './dates';
import { vatOf } from './money';
import { presenceIn } from './presence';
import { billedSeats, dueThrough, nextLook } from './run';
import { firstDays, linesFor, seatStarts, type Line, type Period } from './seats';
import { billingSettings } from './settings';
import { vatTreatment } from './vat';

type Subscription = Selectable<Database['subscriptions']>;

/** A person counted in the period: from which day, and who they are now (null name and access once removed). */
export interface CountedUser {
	email: string;
	name: string | null;
	access: Access | null;
	since: string;
}

/** The billing period now: the subscription's, or none (a trial, not billed, or ended). */
async function currentSubscription(organizationId: string, today: string, executor: Db) {
	const sub = await executor.selectFrom('subscriptions').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
	const running = sub?.plan === 'subscription' && sub.period_start! <= today && (sub.ends_on === null || sub.ends_on > today);
	return { sub, period: running ? { start: sub!.period_start!, end: sub!.period_end! } : null };
}

/**
 * Who counts (the admin can see who): in a subscription's period everyone with a role in it so far, from
 * their first day in it (removing someone frees no seat before renewal); otherwise the people with a role now.
 */
export async function countedUsers(
	organizationId: string,
	now = new Date(),
	executor: Db = db()
): Promise<{ period: Period | null; minimum: number; users: CountedUser[] }> {
	const today = dateIn(now);
	const { period } = await currentSubscription(organizationId, today, executor);
	let first: Map<string, string>;
	if (period) first = firstDays(await presenceIn(organizationId, period, executor), period);
	else {
		// The people with a role today, each since the start of their present stretch.
		const open = (await presenceIn(organizationId, { start: today, end: addDays(today, 1) }, executor)).filter((p) => p.until === null);
		first = firstDays(open, { start: '1970-01-01', end: addDays(today, 1) });
	}
	const people = first.size
		? await executor
				.selectFrom('users')
				.select(['email', 'name', 'access'])
				.where('organization_id', '=', organizationId)
				.where((eb) => eb(eb.fn('lower', ['email']), 'in', [...first.keys()]))
				.execute()
		: [];
	const byEmail = new Map(people.map((p) => [p.email.toLowerCase(), p]));
	const users = [...first]
		.map(([email, since]) => ({ email, since, name: byEmail.get(email)?.name ?? null, access: byEmail.get(email)?.access ?? null }))
		.sort((a, b) => a.since.localeCompare(b.since) || a.email.localeCompare(b.email));
	const { minimumUsers } = await billingSettings(executor);
	return { period, minimum: minimumUsers, users };
}

/** What an invoice issued on `issueOn` would hold: lines, VAT as it would apply to the buyer's details now, totals. */
export interface InvoicePreview {
	issueOn: string;
	reason: Exclude<InvoiceReason, 'credit'>;
	period: Period;
	currency: Currency;
	lines: Line[];
	vatTreatment: VatTreatment;
	vatRateBp: number;
	netMinor: number;
	vatMinor: number;
	totalMinor: number;
}

/**
 * The next invoice(s) as a preview: what billing would issue at its next date with the users now (at a
 * renewal: the last month's additions, then the next 12 months in advance). None on a trial, without a
 * subscription, or once it has ended. Nothing is written.
 */
export async function invoicePreview(organizationId: string, now = new Date(), executor: Db = db()): Promise<InvoicePreview[]> {
	const today = dateIn(now);
	const { sub } = await currentSubscription(organizationId, today, executor);
	if (sub?.plan !== 'subscription' || (sub.ends_on !== null && sub.ends_on <= today)) return [];
	// Billing not yet run today (the job is due): what it would issue today; when that is nothing, what the next date brings.
	const dates = [sub.next_billing_on !== null && sub.next_billing_on <= today ? today : null, nextLook(sub, today)];
	for (const issueOn of dates) {
		if (issueOn === null) continue;
		const previews = await previewOn(sub, issueOn, executor);
		if (previews.length) return previews;
	}
	return [];
}

async function previewOn(sub: Subscription, issueOn: string, executor: Db): Promise<InvoicePreview[]> {
	const organizationId = sub.organization_id;
	const settings = await billingSettings(executor);
	const { buyer } = await buyerOf(organizationId, executor);
	const vat = vatTreatment(buyer.country, buyer.vatNumber, settings.vatRateBp);
	const unitPrice = sub.unit_price_minor!;
	const previews: InvoicePreview[] = [];
	const add = (reason: InvoicePreview['reason'], period: Period, lines: Line[]) => {
		if (!lines.length) return;
		const net = lines.reduce((s, l) => s + l.amount, 0);
		const vatMinor = vatOf(net, vat.rateBp);
		previews.push({
			issueOn,
			reason,
			period,
			currency: sub.currency!,
			lines,
			vatTreatment: vat.treatment,
			vatRateBp: vat.rateBp,
			netMinor: net,
			vatMinor,
			totalMinor: net + vatMinor
		});
	};

	const period = { start: sub.period_start!, end: sub.period_end! };
	if (period.start <= issueOn) {
		const through = [dueThrough(period, issueOn), sub.ends_on ?? period.end].sort()[0];
		const starts = seatStarts(await presenceIn(organizationId, period, executor), period, settings.minimumUsers, through);
		const billed = await billedSeats(executor, organizationId, period);
		const earlier = await executor
			.selectFrom('invoices')
			.select('id')
			.where('organization_id', '=', organizationId)
			.where('period_start', '=', period.start)
			.executeTakeFirst();
		add(earlier ? 'additions' : 'period', period, linesFor(starts, billed, period, unitPrice));
	}
	const renews = issueOn >= period.end && (sub.ends_on === null || sub.ends_on > period.end);
	if (renews) {
		const next = { start: period.end, end: addMonths(period.end, 12) };
		const starts = seatStarts(await presenceIn(organizationId, next, executor), next, settings.minimumUsers, addDays(next.start, 1));
		add('period', next, linesFor(starts, 0, next, unitPrice));
	}
	return previews;
}
