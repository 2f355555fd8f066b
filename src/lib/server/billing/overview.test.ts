import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganization } from '$tests/fixtures';
import { useOwnDatabase } from '$tests/own-database';
import { peopleSince, setSeller } from '$tests/billing';
import { NotFoundError } from '$lib/server/errors';
import { addDays, addMonths, dateIn } from './dates';
import { creditInvoice, markInvoicePaid } from './documents';
import { billingOverview, organizationBilling, subscriptionOf } from './overview';
import { loadInvoice } from './queries';
import { monthsOf, revenueByMonth } from './revenue';
import { changeSubscription, startSubscription, startTrial } from './subscriptions';

// A database of its own: revenue and the overview read every organization, and invoices are never deleted.
let restoreDb: () => Promise<void>;
beforeAll(async () => {
	restoreDb = await useOwnDatabase('sos_billing_overview');
	await setSeller();
});
afterAll(() => restoreDb());

const today = dateIn(new Date());

describe('the operator’s overview and revenue', () => {
	it('show each organization’s plan, standing and what it owes, and revenue per month net of credit notes', async () => {
		const subscribed = await createTestOrganization();
		await peopleSince(subscribed.id, 6, addDays(today, -40));
		const [first] = await startSubscription({ actor: 'operator', organizationId: subscribed.id, input: { currency: 'EUR' } });
		const sek = await createTestOrganization();
		await peopleSince(sek.id, 2, addDays(today, -40));
		const [sekInvoice] = await startSubscription({ actor: 'operator', organizationId: sek.id, input: { currency: 'SEK', unitPrice: 35 } });
		const trial = await createTestOrganization();
		await startTrial({ organizationId: trial.id, today });
		const lapsed = await createTestOrganization();
		await startTrial({ organizationId: lapsed.id, today: addDays(today, -70) });
		await changeSubscription({ actor: 'operator', organizationId: lapsed.id, input: { trialEndsOn: addDays(today, -1) } });
		const none = await createTestOrganization();

		const byId = new Map((await billingOverview()).map((o) => [o.id, o]));
		expect(byId.get(subscribed.id)).toMatchObject({
			standing: { state: 'active' },
			subscription: { plan: 'subscription', currency: 'EUR', unitPriceMinor: 400, periodStart: today, periodEnd: addMonths(today, 12), endsOn: null },
			open: [{ currency: 'EUR', amountMinor: first.totalMinor }]
		});
		expect(byId.get(sek.id)).toMatchObject({
			subscription: { currency: 'SEK', unitPriceMinor: 3500 },
			open: [{ currency: 'SEK', amountMinor: sekInvoice.totalMinor }]
		});
		expect(byId.get(trial.id)).toMatchObject({ standing: { state: 'trial', trialEndsOn: addMonths(today, 2) }, open: [] });
		expect(byId.get(lapsed.id)!.standing).toEqual({ state: 'lapsed', reason: 'trial_ended', since: addDays(today, -1) });
		expect(byId.get(none.id)).toMatchObject({ standing: { state: 'not_billed' }, subscription: null, open: [] });
		expect(await subscriptionOf(none.id)).toBeNull();

		// Paid: owed no more. Credited: owed no more, and revenue nets it out in the month of the credit note.
		await markInvoicePaid({ actor: 'operator', organizationId: subscribed.id, invoiceId: first.id, input: {} });
		await creditInvoice({ actor: 'operator', organizationId: sek.id, invoiceId: sekInvoice.id });
		expect((await organizationBilling(subscribed.id)).open).toEqual([]);
		expect((await organizationBilling(sek.id)).open).toEqual([]);

		const range = { from: `${addMonths(today, -2).slice(0, 7)}-01`, to: addDays(today, 1) };
		const revenue = await revenueByMonth(range);
		expect(revenue.months).toEqual(monthsOf(range));
		expect(revenue.months).toHaveLength(3);
		const eur = (await loadInvoice(subscribed.id, first.id)).netMinor;
		expect(revenue.series).toEqual([
			{ currency: 'EUR', values: [0, 0, eur], totalMinor: eur },
			{ currency: 'SEK', values: [0, 0, 0], totalMinor: 0 }
		]);
		// A range before anything was issued has no series.
		expect((await revenueByMonth({ from: '2020-01-01', to: '2020-03-01' })).series).toEqual([]);
	});

	it('answers 404 for an unknown organization', async () => {
		await expect(organizationBilling('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('monthsOf', () => {
	it('lists the months of a range, its end excluded', () => {
		expect(monthsOf({ from: '2026-11-15', to: '2027-02-01' })).toEqual(['2026-11', '2026-12', '2027-01']);
		expect(monthsOf({ from: '2026-11-15', to: '2027-02-02' })).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
		expect(monthsOf({ from: '2027-01-01', to: '2027-01-01' })).toEqual([]);
	});
});
