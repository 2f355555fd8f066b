import { z } from 'zod';
import { db, type Db } from '$lib/server/db';
import { parse } from '$lib/server/validation';
import { recordAudit } from '$lib/server/audit/record';
import { ConflictError, NotFoundError } from '$lib/server/errors';
import { currencies } from '$lib/billing';
import { addMonths, dateIn } from './dates';
import { SellerMissingError, type IssuedInvoice } from './issue';
import { runBilling } from './run';
import { billingSettings } from './settings';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2027-01-31');

/**
 * A new organization's trial from `today`, on the operator's trial terms of the day (none when they give
 * 0 months); `minUsers` raises its user limit (the demo organization's trial covers its generated people).
 */
export async function startTrial(opts: { organizationId: string; today: string; minUsers?: number }, executor: Db = db()): Promise<void> {
	const { trialMonths, trialUserLimit } = await billingSettings(executor);
	if (trialMonths === 0) return;
	await executor
		.insertInto('subscriptions')
		.values({
			organization_id: opts.organizationId,
			plan: 'trial',
			trial_ends_on: addMonths(opts.today, trialMonths),
			trial_user_limit: Math.max(trialUserLimit, opts.minUsers ?? 0)
		})
		.execute();
}

export const startInput = z.strictObject({
	currency: z.enum(currencies, { message: 'Pick EUR or SEK' }),
	startsOn: date.optional(),
	/** A negotiated price per user and month; the price list's when absent. */
	unitPrice: z.coerce.number().positive('More than zero').max(100_000).optional()
});

/**
 * The operator starts a 12-month subscription (from a trial, none, or one that has ended): the first
 * invoice, in advance for the users then, is issued at once when it starts today or earlier.
 */
export async function startSubscription(
	opts: { actor: string; organizationId: string; input: unknown; now?: Date },
	executor: Db = db()
): Promise<IssuedInvoice[]> {
	const input = parse(startInput, opts.input);
	const today = dateIn(opts.now ?? new Date());
	const start = input.startsOn ?? today;
	await executor.transaction().execute(async (trx) => {
		const settings = await billingSettings(trx);
		if (!settings.seller) throw new SellerMissingError();
		const org = await trx.selectFrom('organizations').select('id').where('id', '=', opts.organizationId).executeTakeFirst();
		if (!org) throw new NotFoundError('organization');
		const sub = await trx.selectFrom('subscriptions').selectAll().where('organization_id', '=', opts.organizationId).forUpdate().executeTakeFirst();
		if (sub?.plan === 'subscription' && (sub.ends_on === null || sub.ends_on > today))
			throw new ConflictError('subscription_running', 'This organization already has a subscription. Change it or end it instead.');
		const unitPrice = input.unitPrice !== undefined ? Math.round(input.unitPrice * 100) : settings.prices[input.currency];
		const row = {
			plan: 'subscription' as const,
			trial_ends_on: null,
			trial_user_limit: null,
			currency: input.currency,
			unit_price_minor: unitPrice,
			period_start: start,
			period_end: addMonths(start, 12),
			ends_on: null,
			next_billing_on: start,
			updated_at: new Date()
		};
		if (sub) await trx.updateTable('subscriptions').set(row).where('organization_id', '=', opts.organizationId).execute();
		else
			await trx
				.insertInto('subscriptions')
				.values({ organization_id: opts.organizationId, ...row })
				.execute();
		await recordAudit(
			{
				organizationId: opts.organizationId,
				actor: opts.actor,
				action: 'subscription_started',
				details: { currency: input.currency, unitPrice, startsOn: start }
			},
			trx
		);
	});
	return runBilling({ organizationId: opts.organizationId, now: opts.now, actor: opts.actor }, executor);
}

export const changeInput = z.strictObject({
	/** The day a trial ends (extending or shortening it). */
	trialEndsOn: date.optional(),
	/** How many people a trial covers. */
	trialUserLimit: z.coerce.number().int('Whole numbers only').min(1, 'At least 1').max(100_000).optional(),
	/** The subscription's price per user and month, for invoices issued from now on. */
	unitPrice: z.coerce.number().positive('More than zero').max(100_000).optional(),
	/** End the subscription: at the end of the current period, today, or not at all (renews). */
	end: z.enum(['period_end', 'today', 'never']).optional()
});

/** The operator changes a trial's end, a subscription's price, or when it ends. */
export async function changeSubscription(opts: { actor: string; organizationId: string; input: unknown; now?: Date }, executor: Db = db()): Promise<void> {
	const input = parse(changeInput, opts.input);
	const today = dateIn(opts.now ?? new Date());
	await executor.transaction().execute(async (trx) => {
		const sub = await trx.selectFrom('subscriptions').selectAll().where('organization_id', '=', opts.organizationId).forUpdate().executeTakeFirst();
		if (!sub) throw new NotFoundError('subscription');
		const patch: Record<string, unknown> = {};
		if (input.trialEndsOn !== undefined || input.trialUserLimit !== undefined) {
			if (sub.plan !== 'trial') throw new ConflictError('not_a_trial', 'Only a trial has an end date and a user limit to change.');
			if (input.trialEndsOn !== undefined) patch.trial_ends_on = input.trialEndsOn;
			if (input.trialUserLimit !== undefined) patch.trial_user_limit = input.trialUserLimit;
		}
		if (input.unitPrice !== undefined || input.end !== undefined) {
			if (sub.plan !== 'subscription') throw new ConflictError('not_subscribed', 'Start a subscription first.');
			if (input.unitPrice !== undefined) patch.unit_price_minor = Math.round(input.unitPrice * 100);
			if (input.end === 'period_end') patch.ends_on = sub.period_end;
			if (input.end === 'today') patch.ends_on = today;
			if (input.end === 'never') patch.ends_on = null;
			if (input.end !== undefined) patch.next_billing_on = today; // the billing job works out when to look next
		}
		if (!Object.keys(patch).length) return;
		await trx.updateTable('subscriptions').set(patch).where('organization_id', '=', opts.organizationId).execute();
		const action =
			input.end === 'period_end' || input.end === 'today'
				? 'subscription_ended'
				: input.trialEndsOn || input.trialUserLimit
					? 'trial_changed'
					: 'subscription_changed';
		await recordAudit({ organizationId: opts.organizationId, actor: opts.actor, action, details: input }, trx);
	});
}
