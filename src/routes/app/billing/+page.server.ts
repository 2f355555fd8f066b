import type { Actions, PageServerLoad } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { attempt, str } from '$lib/server/http/forms';
import { billingSettings } from '$lib/server/billing/settings';
import { standingOf } from '$lib/server/billing/standing';
import { subscriptionOf } from '$lib/server/billing/overview';
import { countedUsers, invoicePreview } from '$lib/server/billing/preview';
import { organizationInvoices } from '$lib/server/billing/queries';
import { invoiceSummary } from '$lib/server/billing/present';
import { billingAccount, saveBillingAccount, vatStatus } from '$lib/server/billing/accounts';
import { EU_COUNTRIES } from '$lib/server/billing/vat';

export const load: PageServerLoad = async (event) => {
	const { organizationId } = requireAdminPage(event);
	const [settings, standing, subscription, counted, previews, invoices, { account, saved }] = await Promise.all([
		billingSettings(),
		standingOf(organizationId),
		subscriptionOf(organizationId),
		countedUsers(organizationId),
		invoicePreview(organizationId),
		organizationInvoices(organizationId),
		billingAccount(organizationId)
	]);
	return {
		standing,
		subscription,
		trialUserLimit: standing.state === 'trial' ? standing.userLimit : settings.trialUserLimit,
		counted,
		previews,
		invoices: invoices.map((i) => invoiceSummary(i)),
		account,
		saved,
		vat: vatStatus(account.country, account.vatNumber, settings.vatRateBp),
		euCountries: [...EU_COUNTRIES].filter((c) => c !== 'SE').sort()
	};
};

const FIELDS = ['legalName', 'address', 'country', 'vatNumber', 'contactName', 'contactEmail', 'language', 'peppolId'] as const;

export const actions: Actions = {
	details: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			const vat = await saveBillingAccount({ actor: actor.label, organizationId, input: Object.fromEntries(FIELDS.map((f) => [f, str(data.get(f)) ?? ''])) });
			return { saved: true, vat };
		});
	}
};
