import type { Actions, PageServerLoad } from './$types';
import { requireOperatorPage } from '$lib/server/http/guards';
import { attempt, str } from '$lib/server/http/forms';
import { billingSettings, saveBillingSettings } from '$lib/server/billing/settings';
import { billingOverview } from '$lib/server/billing/overview';
import { revenueByMonth } from '$lib/server/billing/revenue';
import { invoicesIssued } from '$lib/server/billing/queries';
import { invoiceSummary } from '$lib/server/billing/present';
import { addDays, addMonths, dateIn } from '$lib/server/billing/dates';
import { invoiceActions } from './invoice-actions';

const isDate = (v: string | null): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

export const load: PageServerLoad = async (event) => {
	requireOperatorPage(event);
	const today = dateIn(new Date());
	// The invoice list and the exports: from its first day to its last, both included (the last month and this one by default).
	const q = event.url.searchParams;
	let from = isDate(q.get('from')) ? q.get('from')! : `${addMonths(today, -1).slice(0, 7)}-01`;
	let to = isDate(q.get('to')) ? q.get('to')! : today;
	if (to < from) [from, to] = [to, from];
	const [settings, organizations, revenue, invoices] = await Promise.all([
		billingSettings(),
		billingOverview(),
		revenueByMonth({ from: `${addMonths(today, -11).slice(0, 7)}-01`, to: addDays(today, 1) }),
		invoicesIssued({ from, to: addDays(to, 1) })
	]);
	return { settings, organizations, revenue, range: { from, to }, invoices: invoices.reverse().map((i) => invoiceSummary(i)) };
};

export const actions: Actions = {
	settings: async (event) => {
		const actor = requireOperatorPage(event);
		const data = await event.request.formData();
		const f = (name: string) => str(data.get(name)) ?? '';
		return attempt(data, async () => {
			await saveBillingSettings({
				actor: actor.label,
				input: {
					seller: {
						name: f('seller.name'),
						address: f('seller.address'),
						country: f('seller.country'),
						organizationNumber: f('seller.organizationNumber'),
						vatNumber: f('seller.vatNumber'),
						email: f('seller.email'),
						bankgiro: f('seller.bankgiro'),
						iban: f('seller.iban'),
						bic: f('seller.bic')
					},
					paymentTermsDays: f('paymentTermsDays'),
					minimumUsers: f('minimumUsers'),
					trialMonths: f('trialMonths'),
					trialUserLimit: f('trialUserLimit'),
					lapseAfterDays: f('lapseAfterDays'),
					prices: { EUR: f('prices.EUR'), SEK: f('prices.SEK') },
					sekPerEur: f('sekPerEur')
				}
			});
			return { done: 'settings' as const };
		});
	},
	...invoiceActions
};
