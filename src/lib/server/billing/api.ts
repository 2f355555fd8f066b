import { z } from 'zod';
import { db, type Db } from '$lib/server/db';
import { isUuid, parse } from '$lib/server/validation';
import { NotFoundError, ValidationError } from '$lib/server/errors';
import { addDays, addMonths, dateIn } from './dates';
import { billingSettings } from './settings';
import { standingOf } from './standing';
import { subscriptionOf } from './overview';
import { countedUsers, invoicePreview } from './preview';
import { invoicesIssued, loadInvoice, organizationInvoices } from './queries';
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
	return {
		...s,
		language: d.language,
		vatRateBp: d.vatRateBp,
		vatSek: d.vatSek && { ...d.vatSek },
		seller: { ...d.seller },
		buyer: { ...d.buyer },
		lines: d.lines
	};
}

/** ?from=&to= of the operator's invoice list: days, both included; the last month and this one by default. */
export const invoiceRangeQuery = z.strictObject({
	from: z.iso.date('Use a date such as 2027-01-31').optional(),
	to: z.iso.date('Use a date such as 2027-01-31').optional()
});

/** The operator's invoices and credit notes issued in a range (both days included), by number. */
export async function operatorInvoices(query: unknown, now = new Date(), executor: Db = db()) {
	const q = parse(invoiceRangeQuery, query);
	const today = dateIn(now);
	const from = q.from ?? `${addMonths(today, -1).slice(0, 7)}-01`;
	const to = q.to ?? today;
	if (to < from) throw new ValidationError('`to` is before `from`.', [{ path: 'to', message: 'Before from' }]);
	const docs = await invoicesIssued({ from, to: addDays(to, 1) }, executor);
	return { from, to, invoices: docs.map((d) => invoiceSummary(d, now)) };
}
