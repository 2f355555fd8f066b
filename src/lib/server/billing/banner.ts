import { db, type Db } from '$lib/server/db';
import type { BillingBanner } from '$lib/billing';
import { addDays, dateIn, daysBetween } from './dates';
import { TRIAL_NOTICE_DAYS } from './notices';
import { billingSettings } from './settings';
import { earliestOverdue, standingOf } from './standing';

/**
 * The billing banner an organization's admins see on every page, or null when there is nothing to act
 * on: lapsed (why), a trial in its last 14 days (the same window as the e-mail), or an invoice past its
 * due date (when the lapse would begin). Computed from the same rules as the lapse itself.
 */
export async function billingBanner(organizationId: string, now = new Date(), executor: Db = db()): Promise<BillingBanner | null> {
	const standing = await standingOf(organizationId, now, executor);
	const today = dateIn(now);
	if (standing.state === 'lapsed') return { kind: 'lapsed', reason: standing.reason, since: standing.since };
	if (standing.state === 'trial') {
		const days = daysBetween(today, standing.trialEndsOn);
		return days <= TRIAL_NOTICE_DAYS ? { kind: 'trial_ending', endsOn: standing.trialEndsOn, days } : null;
	}
	if (standing.state !== 'active') return null;
	const overdue = await earliestOverdue(organizationId, today, executor);
	if (!overdue) return null;
	const { lapseAfterDays } = await billingSettings(executor);
	return { kind: 'overdue', number: overdue.number, dueOn: overdue.due_on, lapsesOn: addDays(overdue.due_on, lapseAfterDays + 1) };
}
