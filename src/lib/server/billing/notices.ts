import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import { sendEmail } from '$lib/server/email/send';
import { billingNoticeEmail, type BillingNotice } from '$lib/server/email/billing-templates';
import { addDays, dateIn } from './dates';

/** Days before a trial ends and before a subscription renews that the admins are told. */
export const TRIAL_NOTICE_DAYS = 14;
export const RENEWAL_NOTICE_DAYS = 30;

/** The notice due for one subscription at `today`, with the key that makes it go out once. */
function dueNotice(
	sub: { plan: string; trial_ends_on: string | null; period_end: string | null; ends_on: string | null; currency: string | null },
	today: string
): { key: string; notice: BillingNotice } | null {
	if (sub.plan === 'trial' && today < sub.trial_ends_on! && today >= addDays(sub.trial_ends_on!, -TRIAL_NOTICE_DAYS))
		return { key: `trial_ends:${sub.trial_ends_on}`, notice: { kind: 'trial_ends', on: sub.trial_ends_on! } };
	if (sub.plan === 'subscription' && sub.ends_on === null && today < sub.period_end! && today >= addDays(sub.period_end!, -RENEWAL_NOTICE_DAYS))
		return { key: `renewal:${sub.period_end}`, notice: { kind: 'renewal', on: sub.period_end! } };
	return null;
}

/**
 * Emails one organization's admins, once, that its trial ends in 14 days or its subscription renews in
 * 30: the notice is recorded in the transaction that sends it, so a failed send is tried again and a
 * second job (or instance) finds it recorded.
 */
export async function sendBillingNotices(opts: { organizationId: string; origin: string; now?: Date }, executor: Db = db()): Promise<number> {
	const today = dateIn(opts.now ?? new Date());
	return executor.transaction().execute(async (trx) => {
		const sub = await trx.selectFrom('subscriptions').selectAll().where('organization_id', '=', opts.organizationId).executeTakeFirst();
		const due = sub && dueNotice(sub, today);
		if (!due) return 0;
		const recorded = await trx
			.insertInto('billing_notices')
			.values({ organization_id: opts.organizationId, key: due.key })
			.onConflict((oc) => oc.doNothing())
			.returning('key')
			.executeTakeFirst();
		if (!recorded) return 0;
		const org = await trx.selectFrom('organizations').select('name').where('id', '=', opts.organizationId).executeTakeFirstOrThrow();
		const admins = await trx
			.selectFrom('users')
			.select(['email', 'language'])
			.where('organization_id', '=', opts.organizationId)
			.where('access', '=', 'admin')
			.where('deactivated_at', 'is', null)
			.execute();
		const link = `${opts.origin}/app/billing`;
		for (const a of admins) await sendEmail({ to: a.email, link, ...billingNoticeEmail(a.language, { ...due.notice, organization: org.name, link }) });
		return admins.length;
	});
}

/** Organizations with a billing notice due at `now` (the jobs' fan-out: one emails job each). */
export async function organizationsWithBillingNotices(now = new Date(), executor: Db = db()): Promise<string[]> {
	const today = dateIn(now);
	const rows = await executor
		.selectFrom('subscriptions as s')
		.select('s.organization_id')
		.where((eb) =>
			eb.or([
				eb.and([eb('s.plan', '=', 'trial'), eb('s.trial_ends_on', '>', today), eb('s.trial_ends_on', '<=', addDays(today, TRIAL_NOTICE_DAYS))]),
				eb.and([
					eb('s.plan', '=', 'subscription'),
					eb('s.ends_on', 'is', null),
					eb('s.period_end', '>', today),
					eb('s.period_end', '<=', addDays(today, RENEWAL_NOTICE_DAYS))
				])
			])
		)
		.where(
			(eb) =>
				sql<boolean>`NOT EXISTS (SELECT 1 FROM billing_notices n WHERE n.organization_id = ${eb.ref('s.organization_id')}
					AND n.key IN ('trial_ends:' || ${eb.ref('s.trial_ends_on')}, 'renewal:' || ${eb.ref('s.period_end')}))`
		)
		.execute();
	return rows.map((r) => r.organization_id);
}
