import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { db } from '$lib/server/db';
import { useOwnDatabase } from '$tests/own-database';
import { addPeople, billedOrganization, on, removePeople, setUpBilling } from '$tests/billing';
import { organizationInvoices } from './queries';
import { runBilling } from './run';
import { startSubscription, changeSubscription } from './subscriptions';
import { creditInvoice, markInvoicePaid } from './documents';
import { nextInvoiceNumber } from './issue';
import { billingSettings } from './settings';
import { isRfReference, isOcrReference } from './reference';

// A database of its own: invoices are never deleted (other files delete their organizations), and the
// gapless sequence is checked across every invoice issued here.
let restoreDb: () => Promise<void>;
beforeAll(async () => {
	restoreDb = await useOwnDatabase('sos_billing');
	await setUpBilling();
});
afterAll(() => restoreDb());

const ACTOR = 'operator@sos.example';

describe('a subscription bills its users in advance, and the people added each month pro rata', () => {
	it('bills the minimum of 5 users for the year when fewer are there', async () => {
		const org = await billedOrganization();
		await addPeople(org.id, 3, '2026-12-01');
		const [first] = await startSubscription({ actor: ACTOR, organizationId: org.id, input: { currency: 'EUR' }, now: on('2027-01-10') });
		const [invoice] = await organizationInvoices(org.id);
		expect(invoice.id).toBe(first.id);
		expect(invoice.lines).toEqual([
			expect.objectContaining({ users: 5, fromOn: '2027-01-10', toOn: '2028-01-10', days: 365, periodDays: 365, amount: 5 * 4800 })
		]);
		expect(invoice).toMatchObject({ reason: 'period', netMinor: 24000, vatMinor: 6000, totalMinor: 30000, vatTreatment: 'standard', dueOn: '2027-02-09' });
		expect(isRfReference(invoice.paymentReference)).toBe(true);
	});

	it('bills the people added in a month pro rata at the next boundary, exactly once with two instances at it', async () => {
		const org = await billedOrganization({ country: 'DE', vatNumber: 'DE123456789' });
		await addPeople(org.id, 7, '2027-01-01');
		await startSubscription({ actor: ACTOR, organizationId: org.id, input: { currency: 'SEK' }, now: on('2027-01-15') });
		await addPeople(org.id, 2, '2027-03-20');
		// Nothing is due before the boundary of 15 April…
		expect(await runBilling({ organizationId: org.id, now: on('2027-04-14') })).toEqual([]);
		// …then two instances run the job at once: one invoice.
		const runs = await Promise.all([
			runBilling({ organizationId: org.id, now: on('2027-04-15') }),
			runBilling({ organizationId: org.id, now: on('2027-04-15') })
		]);
		expect(runs.flat()).toHaveLength(1);
		const [additions, first] = await organizationInvoices(org.id);
		expect(first.lines).toEqual([expect.objectContaining({ users: 7, amount: 7 * 39 * 12 * 100 })]);
		expect(additions).toMatchObject({ reason: 'additions', vatTreatment: 'reverse_charge', vatMinor: 0, currency: 'SEK' });
		const days = 301; // 20 March 2027 up to 15 January 2028
		expect(additions.lines).toEqual([
			expect.objectContaining({ users: 2, fromOn: '2027-03-20', days, periodDays: 365, amount: Math.round((2 * 3900 * 12 * days) / 365) })
		]);
		expect(isOcrReference(additions.paymentReference)).toBe(true);
	});

	it('gives no credit for people removed, counts a person who comes back once, and renews for the people then', async () => {
		const org = await billedOrganization({ country: 'US' });
		const team = await addPeople(org.id, 6, '2027-01-01');
		await startSubscription({ actor: ACTOR, organizationId: org.id, input: { currency: 'EUR', unitPrice: 5 }, now: on('2027-02-01') });
		await removePeople(org.id, team.slice(0, 3), '2027-05-01');
		const back = await addPeople(org.id, 1, '2027-06-10');
		await db().updateTable('billable_presence').set({ email: team[0] }).where('organization_id', '=', org.id).where('email', '=', back[0]).execute();
		await addPeople(org.id, 1, '2028-01-20');
		// The job did not run for a while: at renewal the last month's additions, then the new year.
		const issued = await runBilling({ organizationId: org.id, now: on('2028-02-01') });
		expect(issued).toHaveLength(2);
		const [renewal, additions] = await organizationInvoices(org.id);
		expect(additions.lines).toEqual([expect.objectContaining({ users: 1, fromOn: '2028-01-20', days: 12 })]);
		expect(renewal).toMatchObject({ reason: 'period', periodStart: '2028-02-01', periodEnd: '2029-02-01', vatTreatment: 'outside_eu', vatMinor: 0 });
		// 3 kept + the one who came back + the one added in January.
		expect(renewal.lines).toEqual([expect.objectContaining({ users: 5, unitPrice: 500, days: 366, periodDays: 366, amount: 5 * 500 * 12 })]);
	});
});

describe('invoice numbers', () => {
	it('stay gapless and unique under parallel issuing, credit notes and a rolled-back transaction', async () => {
		const orgs = await Promise.all(Array.from({ length: 8 }, () => billedOrganization()));
		for (const o of orgs) await addPeople(o.id, 6, '2027-01-01');
		const failed = db()
			.transaction()
			.execute(async (trx) => {
				await nextInvoiceNumber(trx);
				throw new Error('crash after taking a number');
			});
		await Promise.all([
			...orgs.map((o) => startSubscription({ actor: ACTOR, organizationId: o.id, input: { currency: 'EUR' }, now: on('2027-03-01') })),
			failed.catch(() => null)
		]);
		const some = await organizationInvoices(orgs[0].id);
		await Promise.all([creditInvoice({ actor: ACTOR, organizationId: orgs[0].id, invoiceId: some[0].id, now: on('2027-03-02') })]);
		const numbers = (await db().selectFrom('invoices').select('number').orderBy('number').execute()).map((r) => Number(r.number));
		expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
	});
});

describe('credit notes and payments', () => {
	it('a credit note negates a wrong invoice, which never changes; its seats are billed again with the corrected details', async () => {
		const org = await billedOrganization({ country: 'FI' });
		await addPeople(org.id, 10, '2027-01-01');
		await setUpBilling({ sekPerEur: '11.2345' });
		await startSubscription({ actor: ACTOR, organizationId: org.id, input: { currency: 'EUR' }, now: on('2027-02-01') });
		const [wrong] = await organizationInvoices(org.id);
		expect(wrong).toMatchObject({ vatTreatment: 'standard', vatMinor: 12000 }); // no VAT number yet: Swedish VAT
		// Swedish VAT in euros is kept in kronor too, at the rate of the day: 120.00 EUR × 11.2345 = 1 348.14 SEK.
		expect(wrong.vatSek).toEqual({ rateE4: 112_345, vatMinor: 134_814 });
		await setUpBilling({ sekPerEur: '12' }); // the credit note keeps the invoice's rate, not today's
		await expect(sql`UPDATE invoices SET total_minor = 0 WHERE id = ${wrong.id}`.execute(db())).rejects.toThrow(/never changed/);
		await expect(sql`DELETE FROM invoices WHERE id = ${wrong.id}`.execute(db())).rejects.toThrow(/never changed/);
		await creditInvoice({ actor: ACTOR, organizationId: org.id, invoiceId: wrong.id, now: on('2027-02-03') });
		await expect(creditInvoice({ actor: ACTOR, organizationId: org.id, invoiceId: wrong.id })).rejects.toThrow(/already credited/);
		await db().updateTable('billing_accounts').set({ vat_number: 'FI12345678' }).where('organization_id', '=', org.id).execute();
		await runBilling({ organizationId: org.id, now: on('2027-02-03'), actor: ACTOR });
		const [again, credit, original] = await organizationInvoices(org.id);
		expect(original).toMatchObject({ id: wrong.id, creditedBy: credit.number, totalMinor: wrong.totalMinor });
		expect(credit).toMatchObject({
			kind: 'credit_note',
			creditsNumber: wrong.number,
			netMinor: -wrong.netMinor,
			vatMinor: -wrong.vatMinor,
			vatSek: { rateE4: 112_345, vatMinor: -134_814 },
			vatTreatment: 'standard'
		});
		expect(again).toMatchObject({ kind: 'invoice', vatTreatment: 'reverse_charge', netMinor: wrong.netMinor, vatMinor: 0, vatSek: null });
		await setUpBilling({ sekPerEur: '' });
		expect((await billingSettings()).sekPerEurE4).toBeNull();
	});

	it('marks an invoice paid once; a credit note is not paid', async () => {
		const org = await billedOrganization();
		await addPeople(org.id, 5, '2027-01-01');
		await startSubscription({ actor: ACTOR, organizationId: org.id, input: { currency: 'SEK' }, now: on('2027-02-01') });
		const [inv] = await organizationInvoices(org.id);
		await markInvoicePaid({ actor: ACTOR, organizationId: org.id, invoiceId: inv.id, input: { paidOn: '2027-02-20' } });
		await expect(markInvoicePaid({ actor: ACTOR, organizationId: org.id, invoiceId: inv.id, input: {} })).rejects.toThrow(/already marked paid/);
		const audit = await db().selectFrom('audit_events').select('action').where('organization_id', '=', org.id).orderBy('id').execute();
		expect(audit.map((a) => a.action)).toEqual(['subscription_started', 'invoice_issued', 'invoice_paid']);
	});

	it('an ended subscription bills nothing more', async () => {
		const org = await billedOrganization();
		await addPeople(org.id, 5, '2027-01-01');
		await startSubscription({ actor: ACTOR, organizationId: org.id, input: { currency: 'EUR' }, now: on('2027-01-01') });
		await changeSubscription({ actor: ACTOR, organizationId: org.id, input: { end: 'period_end' }, now: on('2027-06-01') });
		await addPeople(org.id, 3, '2027-12-15');
		const issued = await runBilling({ organizationId: org.id, now: on('2028-03-01') });
		expect(issued).toHaveLength(1); // December's additions, no renewal
		expect(
			(await db().selectFrom('subscriptions').select('next_billing_on').where('organization_id', '=', org.id).executeTakeFirstOrThrow()).next_billing_on
		).toBeNull();
	});
});
