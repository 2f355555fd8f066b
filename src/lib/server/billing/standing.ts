import { db, type Db } from '$lib/server/db';
import { ConflictError } from '$lib/server/errors';
import type { Standing } from '$lib/billing';
import { addDays, dateIn } from './dates';
import { billingSettings } from './settings';
import { notCredited } from './credited';

/**
 * Where an organization stands at `now`: lapsed when its trial ended without a subscription, its
 * subscription ended, or an invoice is unpaid `lapseAfterDays` after its due date (a credited invoice is
 * owed no more). Computed each time, so marking the invoice paid lifts a lapse at once.
 */
export async function standingOf(organizationId: string, now = new Date(), executor: Db = db()): Promise<Standing> {
	const today = dateIn(now);
	const sub = await executor.selectFrom('subscriptions').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
	if (!sub) return { state: 'not_billed' };
	if (sub.plan === 'trial')
		return sub.trial_ends_on! > today
			? { state: 'trial', trialEndsOn: sub.trial_ends_on!, userLimit: sub.trial_user_limit! }
			: { state: 'lapsed', reason: 'trial_ended', since: sub.trial_ends_on! };
	if (sub.ends_on !== null && sub.ends_on <= today) return { state: 'lapsed', reason: 'ended', since: sub.ends_on };
	const { lapseAfterDays } = await billingSettings(executor);
	const overdue = await earliestOverdue(organizationId, addDays(today, -lapseAfterDays), executor);
	if (overdue) return { state: 'lapsed', reason: 'unpaid', since: addDays(overdue.due_on, lapseAfterDays + 1) };
	return { state: 'active' };
}

/** A lapsed organization cannot start a round: why, and what to do (the admin sees this message). */
export class LapsedError extends ConflictError {
	constructor(
		readonly reason: 'trial_ended' | 'ended' | 'unpaid',
		lapseAfterDays = 30
	) {
		super(
			'subscription_lapsed',
			{
				trial_ended:
					'Your trial has ended, so no new round can start. Results, actions and exports stay available. Ask us to start a subscription (see Billing in the menu).',
				ended:
					'Your subscription has ended, so no new round can start. Results, actions and exports stay available. Ask us to start a new subscription (see Billing in the menu).',
				unpaid: `An invoice is more than ${lapseAfterDays} days overdue, so no new round can start. Results, actions and exports stay available. Pay the invoice (see Billing in the menu) and rounds can start again as soon as we have registered the payment.`
			}[reason]
		);
	}
}

/** Throws LapsedError when the organization is lapsed at `now` (launching or opening a round). */
export async function assertNotLapsed(organizationId: string, now = new Date(), executor: Db = db()): Promise<void> {
	const s = await standingOf(organizationId, now, executor);
	if (s.state !== 'lapsed') return;
	throw new LapsedError(s.reason, s.reason === 'unpaid' ? (await billingSettings(executor)).lapseAfterDays : undefined);
}

/** The earliest invoice of the organization past its due date, unpaid and not credited, if any. */
export async function earliestOverdue(organizationId: string, today: string, executor: Db = db()) {
	return executor
		.selectFrom('invoices as i')
		.select(['i.id', 'i.number', 'i.due_on'])
		.where('i.organization_id', '=', organizationId)
		.where('i.kind', '=', 'invoice')
		.where('i.paid_on', 'is', null)
		.where('i.due_on', '<', today)
		.where(notCredited)
		.orderBy('i.due_on')
		.executeTakeFirst();
}
