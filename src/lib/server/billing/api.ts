import { db, type Db } from '$lib/server/db';
import { isUuid } from '$lib/server/validation';
import { NotFoundError } from '$lib/server/errors';
import { billingSettings } from './settings';
import { standingOf } from './standing';
import { subscriptionOf } from './overview';
import { countedUsers, invoicePreview } from './preview';
import { loadInvoice, organizationInvoices } from './queries';
import { invoiceSummary } from './present';

/** GET /api/v1/billing: where the organization stands, how many users count, and the next invoice(s). */
export async function billingStatus(organizationId: string, now = new Date(), executor: Db = db()) {
	const [settings, standing, subscription, counted, nextInvoices] = await Promise.all([
		billingSettings(executor),
		standingOf(organizationId, now, executor),
		subscriptionOf(organizationId, executor),
		countedUsers(organizationId, now, executor),
		invoicePreview(organizationId, now, executor)
	]);
	return {
		standing,
		subscription,
		countedUsers: counted.users.length,
		minimumUsers: settings.minimumUsers,
		trialUserLimit: standing.state === 'trial' ? standing.userLimit : settings.trialUserLimit,
		nextInvoices
	};
}

/** The organization's invoices and credit notes, newest first, without lines or parties. */
export async function invoiceList(organizationId: string, executor: Db = db()) {
	return (await organizationInvoices(organizationId, executor)).map((d) => {
		const { organizationName: _n, organizationId: _o, ...s } = invoiceSummary(d);
		return s;
	});
}

/** One invoice or credit note in full, as printed: its parties and lines. 404 for another organization's or a malformed id. */
export async function invoiceDetail(organizationId: string, invoiceId: string, executor: Db = db()) {
	if (!isUuid(invoiceId)) throw new NotFoundError('invoice');
	const d = await loadInvoice(organizationId, invoiceId, executor);
	const { organizationName: _n, organizationId: _o, ...s } = invoiceSummary(d);
	return { ...s, language: d.language, vatRateBp: d.vatRateBp, seller: { ...d.seller }, buyer: { ...d.buyer }, lines: d.lines };
}
