import type { RequestEvent } from '@sveltejs/kit';
import { requireOperatorPage } from '$lib/server/http/guards';
import { attempt, str } from '$lib/server/http/forms';
import { isUuid } from '$lib/server/validation';
import { NotFoundError } from '$lib/server/errors';
import { creditInvoice, markInvoicePaid } from '$lib/server/billing/documents';

/** Which invoice a form names: both ids must be ids (else 404, as for one of another organization). */
function target(data: FormData) {
	const organizationId = str(data.get('organizationId'));
	const invoiceId = str(data.get('invoiceId'));
	if (!isUuid(organizationId) || !isUuid(invoiceId)) throw new NotFoundError('invoice');
	return { organizationId, invoiceId };
}

/** The operator's invoice actions, shared by the billing page and an organization's billing page. */
export const invoiceActions = {
	paid: async (event: RequestEvent) => {
		const actor = requireOperatorPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			await markInvoicePaid({ actor: actor.label, ...target(data), input: {} });
			return { done: 'paid' as const };
		});
	},
	credit: async (event: RequestEvent) => {
		const actor = requireOperatorPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			const note = await creditInvoice({ actor: actor.label, ...target(data) });
			return { done: 'credited' as const, number: note.number };
		});
	}
};
