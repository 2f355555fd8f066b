import { standingOf } from '$lib/server/billing/standing';
import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireOperatorPage } from '$lib/server/http/guards';
import { attempt, str } from '$lib/server/http/forms';
import { isUuid } from '$lib/server/validation';
import { billingSettings } from '$lib/server/billing/settings';
import { organizationBilling } from '$lib/server/billing/overview';
import { organizationInvoices } from '$lib/server/billing/queries';
import { countedUsers, invoicePreview } from '$lib/server/billing/preview';
import { invoiceSummary } from '$lib/server/billing/present';
import { changeSubscription, startSubscription } from '$lib/server/billing/subscriptions';
import { runBilling } from '$lib/server/billing/run';
import { NotFoundError } from '$lib/server/errors';
import { invoiceActions } from '../../../billing/invoice-actions';

function organizationId(params: { id: string }): string {
	if (!isUuid(params.id)) error(404, 'The organization was not found.');
	return params.id;
}

export const load: PageServerLoad = async (event) => {
	requireOperatorPage(event);
	const id = organizationId(event.params);
	const org = await organizationBilling(id).catch((e) => {
		if (e instanceof NotFoundError) error(404, e.message);
		throw e;
	});
	const [settings, invoices, previews, counted, standing] = await Promise.all([
		billingSettings(),
		organizationInvoices(id),
		invoicePreview(id),
		countedUsers(id),
		standingOf(id)
	]);
	return {
		org,
		prices: settings.prices,
		sellerSet: settings.seller !== null,
		trialUserLimit: standing.state === 'trial' ? standing.userLimit : settings.trialUserLimit,
		invoices: invoices.map((i) => invoiceSummary(i)),
		previews,
		counted: counted.users.length,
		minimum: counted.minimum
	};
};

/** Empty form fields are left out, so that "no change" stays no change. */
const filled = (data: FormData, ...names: string[]) => Object.fromEntries(names.map((n) => [n, str(data.get(n))?.trim()]).filter(([, v]) => v));

export const actions: Actions = {
	start: async (event) => {
		const actor = requireOperatorPage(event);
		const id = organizationId(event.params);
		const data = await event.request.formData();
		return attempt(data, async () => {
			const issued = await startSubscription({ actor: actor.label, organizationId: id, input: filled(data, 'currency', 'startsOn', 'unitPrice') });
			return { done: 'started' as const, issued: issued.length };
		});
	},
	change: async (event) => {
		const actor = requireOperatorPage(event);
		const id = organizationId(event.params);
		const data = await event.request.formData();
		return attempt(data, async () => {
			await changeSubscription({ actor: actor.label, organizationId: id, input: filled(data, 'trialEndsOn', 'unitPrice', 'end') });
			return { done: 'changed' as const };
		});
	},
	invoiceNow: async (event) => {
		const actor = requireOperatorPage(event);
		const id = organizationId(event.params);
		const data = await event.request.formData();
		return attempt(data, async () => {
			const issued = await runBilling({ organizationId: id, actor: actor.label });
			return { done: 'invoiced' as const, issued: issued.length };
		});
	},
	...invoiceActions
};
