import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { db } from '$lib/server/db';
import { useOwnDatabase } from '$tests/own-database';
import { addPeople, billedOrganization, on, setUpBilling } from '$tests/billing';
import { createTestActor } from '$tests/fixtures';
import { emailsTo } from '../../../../tests/support/mailbox';
import { createRound } from '$lib/server/rounds/create';
import { advanceDueRounds } from '$lib/server/rounds/advance';
import { createUser } from '$lib/server/users/mutations';
import { organizationInvoices } from './queries';
import { standingOf } from './standing';
import { startSubscription, startTrial, changeSubscription } from './subscriptions';
import { creditInvoice, markInvoicePaid } from './documents';
import { sendBillingNotices, organizationsWithBillingNotices } from './notices';
import { billingBanner } from './banner';
import { trialRoom } from './limits';

let restoreDb: () => Promise<void>;
beforeAll(async () => {
	process.env.SMTP_URL = inject('smtpUrl');
	restoreDb = await useOwnDatabase('sos_lapse');
	await setUpBilling();
});
afterAll(() => restoreDb());

const ACTOR = 'operator@sos.example';

async function onTrial(from: string, people = 0) {
	const org = await billedOrganization();
	await startTrial({ organizationId: org.id, today: from });
	if (people) await addPeople(org.id, people, from);
	return org;
}

describe('where an organization stands', () => {
	it.each([
		['a trial that runs', '2027-01-10', { state: 'trial', trialEndsOn: '2027-03-10', userLimit: 30 }],
		['the trial’s last day', '2027-03-09', { state: 'trial', trialEndsOn: '2027-03-10', userLimit: 30 }],
		['a trial that ended without a subscription', '2027-03-10', { state: 'lapsed', reason: 'trial_ended', since: '2027-03-10' }]
	])('%s', async (_, today, expected) => {
		const org = await onTrial('2027-01-10');
		expect(await standingOf(org.id, on(today))).toEqual(expected);
	});

	it('an invoice unpaid 30 days after its due date lapses the organization; paying lifts it at once', async () => {
		const org = await billedOrganization();
		await addPeople(org.id, 5, '2027-01-01');
		await startSubscription({ actor: ACTOR, organizationId: org.id, input: { currency: 'EUR' }, now: on('2027-01-01') });
		const [inv] = await organizationInvoices(org.id);
		expect(inv.dueOn).toBe('2027-01-31');
		expect(await standingOf(org.id, on('2027-03-02'))).toEqual({ state: 'active' }); // 30 days after
		expect(await standingOf(org.id, on('2027-03-03'))).toEqual({ state: 'lapsed', reason: 'unpaid', since: '2027-03-03' });
		await markInvoicePaid({ actor: ACTOR, organizationId: org.id, invoiceId: inv.id, input: {} });
		expect(await standingOf(org.id, on('2027-03-03'))).toEqual({ state: 'active' });
	});

	it('a credited invoice is owed no more; an ended subscription lapses; none at all is not billed', async () => {
		const org = await billedOrganization();
		await addPeople(org.id, 5, '2027-01-01');
		await startSubscription({ actor: ACTOR, organizationId: org.id, input: { currency: 'EUR' }, now: on('2027-01-01') });
		const [inv] = await organizationInvoices(org.id);
		await creditInvoice({ actor: ACTOR, organizationId: org.id, invoiceId: inv.id, now: on('2027-01-05') });
		expect(await standingOf(org.id, on('2027-06-01'))).toEqual({ state: 'active' });
		await changeSubscription({ actor: ACTOR, organizationId: org.id, input: { end: 'today' }, now: on('2027-06-01') });
		expect(await standingOf(org.id, on('2027-06-01'))).toEqual({ state: 'lapsed', reason: 'ended', since: '2027-06-01' });
		expect(await standingOf((await billedOrganization()).id)).toEqual({ state: 'not_billed' });
	});
});

describe('a lapsed organization', () => {
	it('cannot launch a round and is told why; its scheduled round does not open; results stay', async () => {
		const org = await onTrial('2026-01-01', 3); // ended long ago
		const admin = await createTestActor(org.id, 'admin');
		const input = { name: 'Spring', participants: { mode: 'all' } };
		await expect(createRound({ organizationId: org.id, actor: admin, input })).rejects.toThrow(/trial has ended, so no new round can start/);
		// A round scheduled while it was still on trial does not open once the trial is over.
		await changeSubscription({ actor: ACTOR, organizationId: org.id, input: { trialEndsOn: '2099-01-01' } });
		const unit = await db().insertInto('units').values({ organization_id: org.id, name: 'Team' }).returning('id').executeTakeFirstOrThrow();
		await db()
			.updateTable('users')
			.set({ unit_id: unit.id, job_role: 'sales_person' })
			.where('organization_id', '=', org.id)
			.where('access', '=', 'participant')
			.execute();
		const round = await createRound({ organizationId: org.id, actor: admin, input: { ...input, startsAt: new Date(Date.now() + 3600_000).toISOString() } });
		await changeSubscription({ actor: ACTOR, organizationId: org.id, input: { trialEndsOn: '2026-06-01' } });
		await advanceDueRounds({ organizationId: org.id, now: new Date(Date.now() + 7200_000) });
		const after = await db().selectFrom('rounds').select('status').where('organization_id', '=', org.id).where('id', '=', round.id).executeTakeFirstOrThrow();
		expect(after.status).toBe('scheduled');
		// The trial extended again: it opens.
		await changeSubscription({ actor: ACTOR, organizationId: org.id, input: { trialEndsOn: '2099-01-01' } });
		await advanceDueRounds({ organizationId: org.id, now: new Date(Date.now() + 7200_000) });
		const opened = await db().selectFrom('rounds').select('status').where('organization_id', '=', org.id).where('id', '=', round.id).executeTakeFirstOrThrow();
		expect(opened.status).toBe('open');
	});
});

describe('a trial', () => {
	it('covers up to its user limit: adding one more asks to subscribe, and adds nobody', async () => {
		const org = await onTrial('2026-12-01', 29);
		const admin = await createTestActor(org.id, 'admin'); // the 30th
		const input = (email: string) => ({ name: 'One more', email, access: 'participant', language: 'en' });
		await expect(createUser({ organizationId: org.id, actor: admin, input: input('one.more@example.test') })).rejects.toThrow(/trial covers up to 30 people/);
		const { count } = await db()
			.selectFrom('users')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.where('organization_id', '=', org.id)
			.executeTakeFirstOrThrow();
		expect(Number(count)).toBe(30);
		await changeSubscription({ actor: ACTOR, organizationId: org.id, input: { trialUserLimit: 31 } });
		await createUser({ organizationId: org.id, actor: admin, input: input('one.more@example.test') });
	});

	it('gives its last place to one of two people added at once', async () => {
		const org = await onTrial('2026-12-01', 28);
		const admin = await createTestActor(org.id, 'admin'); // the 29th
		expect(await trialRoom({ organizationId: org.id })).toEqual({ limit: 30, users: 29 });
		const add = (email: string) => createUser({ organizationId: org.id, actor: admin, input: { name: email, email, access: 'participant', language: 'en' } });
		const results = await Promise.allSettled([add('first@example.test'), add('second@example.test')]);
		expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
		expect(await trialRoom({ organizationId: org.id })).toEqual({ limit: 30, users: 30 });
	});

	it('emails the admins 14 days before it ends, once', async () => {
		const org = await onTrial('2027-01-10');
		const admin = await addPeople(org.id, 1, '2027-01-10', 'admin');
		expect(await organizationsWithBillingNotices(on('2027-02-23'))).not.toContain(org.id);
		expect(await organizationsWithBillingNotices(on('2027-02-24'))).toContain(org.id);
		expect(await sendBillingNotices({ organizationId: org.id, origin: 'http://sos.test', now: on('2027-02-24') })).toBe(1);
		expect(await sendBillingNotices({ organizationId: org.id, origin: 'http://sos.test', now: on('2027-02-25') })).toBe(0);
		expect(await organizationsWithBillingNotices(on('2027-02-25'))).not.toContain(org.id);
		await expect.poll(() => emailsTo(admin[0]).map((m) => m.subject)).toEqual(['Your SOS trial ends on 2027-03-10']);
	});
});

describe('the banner above every page for admins', () => {
	it('says nothing early in a trial, then counts down its last 14 days, then says it lapsed', async () => {
		const org = await onTrial('2027-01-10');
		expect(await billingBanner(org.id, on('2027-02-23'))).toBeNull();
		expect(await billingBanner(org.id, on('2027-02-24'))).toEqual({ kind: 'trial_ending', endsOn: '2027-03-10', days: 14 });
		expect(await billingBanner(org.id, on('2027-03-09'))).toEqual({ kind: 'trial_ending', endsOn: '2027-03-10', days: 1 });
		expect(await billingBanner(org.id, on('2027-03-10'))).toEqual({ kind: 'lapsed', reason: 'trial_ended', since: '2027-03-10' });
	});

	it('warns of an overdue invoice and the day the lapse would begin; paying clears it', async () => {
		const org = await billedOrganization();
		await addPeople(org.id, 5, '2027-01-01');
		await startSubscription({ actor: ACTOR, organizationId: org.id, input: { currency: 'EUR' }, now: on('2027-01-01') });
		const [inv] = await organizationInvoices(org.id);
		expect(await billingBanner(org.id, on('2027-01-31'))).toBeNull(); // due today
		expect(await billingBanner(org.id, on('2027-02-01'))).toEqual({ kind: 'overdue', number: inv.number, dueOn: '2027-01-31', lapsesOn: '2027-03-03' });
		expect(await billingBanner(org.id, on('2027-03-03'))).toEqual({ kind: 'lapsed', reason: 'unpaid', since: '2027-03-03' });
		await markInvoicePaid({ actor: ACTOR, organizationId: org.id, invoiceId: inv.id, input: {} });
		expect(await billingBanner(org.id, on('2027-03-03'))).toBeNull();
	});
});
