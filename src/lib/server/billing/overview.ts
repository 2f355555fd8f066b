import { db, type Db } from '$lib/server/db';
import { NotFoundError } from '$lib/server/errors';
import type { Currency, Plan, Standing } from '$lib/billing';
import { standingOf } from './standing';
import { notCredited } from './credited';

/** An organization's subscription as the operator's and the admin's pages show it (null fields where the plan has none). */
export interface SubscriptionView {
	plan: Plan;
	trialEndsOn: string | null;
	currency: Currency | null;
	unitPriceMinor: number | null;
	periodStart: string | null;
	periodEnd: string | null;
	endsOn: string | null;
	nextBillingOn: string | null;
}

export interface OrganizationBilling {
	id: string;
	name: string;
	isDemo: boolean;
	subscription: SubscriptionView | null;
	standing: Standing;
	/** Owed now: invoices not paid and not credited, per currency. */
	open: { currency: Currency; amountMinor: number }[];
}

type Row = {
	plan: Plan;
	trial_ends_on: string | null;
	currency: Currency | null;
	unit_price_minor: number | null;
	period_start: string | null;
	period_end: string | null;
	ends_on: string | null;
	next_billing_on: string | null;
};

const view = (s: Row): SubscriptionView => ({
	plan: s.plan,
	trialEndsOn: s.trial_ends_on,
	currency: s.currency,
	unitPriceMinor: s.unit_price_minor,
	periodStart: s.period_start,
	periodEnd: s.period_end,
	endsOn: s.ends_on,
	nextBillingOn: s.next_billing_on
});

/** One organization's subscription, or null when it is not billed. */
export async function subscriptionOf(organizationId: string, executor: Db = db()): Promise<SubscriptionView | null> {
	const s = await executor.selectFrom('subscriptions').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
	return s ? view(s) : null;
}

/** One organization's name and billing at a glance (the operator's page of it); 404 for an unknown id. */
export async function organizationBilling(organizationId: string, now = new Date(), executor: Db = db()): Promise<OrganizationBilling> {
	const [org] = await billingOverview({ now, organizationId }, executor);
	if (!org) throw new NotFoundError('organization');
	return org;
}

/**
 * The operator's overview: every organization (customers first, then demos; by name) with its plan, its
 * standing now, the next billing date and what it owes.
 */
export async function billingOverview(opts: { now?: Date; organizationId?: string } = {}, executor: Db = db()): Promise<OrganizationBilling[]> {
	const now = opts.now ?? new Date();
	let q = executor
		.selectFrom('organizations as o')
		.leftJoin('subscriptions as s', 's.organization_id', 'o.id')
		.select([
			'o.id',
			'o.name',
			'o.is_demo',
			's.plan',
			's.trial_ends_on',
			's.currency',
			's.unit_price_minor',
			's.period_start',
			's.period_end',
			's.ends_on',
			's.next_billing_on'
		])
		.orderBy('o.is_demo')
		.orderBy('o.name');
	if (opts.organizationId) q = q.where('o.id', '=', opts.organizationId);
	const orgs = await q.execute();
	let openQ = executor
		.selectFrom('invoices as i')
		.select(['i.organization_id', 'i.currency', (eb) => eb.fn.sum<string>('i.total_minor').as('open')])
		.where('i.kind', '=', 'invoice')
		.where('i.paid_on', 'is', null)
		.where(notCredited)
		.groupBy(['i.organization_id', 'i.currency']);
	if (opts.organizationId) openQ = openQ.where('i.organization_id', '=', opts.organizationId);
	const open = await openQ.execute();
	const out: OrganizationBilling[] = [];
	for (const o of orgs) {
		// standingOf holds the lapse rules; organizations without a subscription are simply not billed.
		const standing: Standing = o.plan ? await standingOf(o.id, now, executor) : { state: 'not_billed' };
		out.push({
			id: o.id,
			name: o.name,
			isDemo: o.is_demo,
			subscription: o.plan ? view(o as Row) : null,
			standing,
			open: open.filter((r) => r.organization_id === o.id).map((r) => ({ currency: r.currency, amountMinor: Number(r.open) }))
		});
	}
	return out;
}
