import type { InvoiceDocument } from './queries';
import { dateIn } from './dates';

/** Where an invoice stands for the one reading it: a credit note, credited, paid, open, or overdue (past its due date). */
export type InvoiceStatus = 'credit_note' | 'credited' | 'paid' | 'open' | 'overdue';

/** An invoice or credit note as lists show it: no lines, and of the buyer only the organization's name. */
export function invoiceSummary(d: InvoiceDocument, now = new Date()) {
	const status: InvoiceStatus =
		d.kind === 'credit_note' ? 'credit_note' : d.creditedBy !== null ? 'credited' : d.paidOn ? 'paid' : d.dueOn < dateIn(now) ? 'overdue' : 'open';
	return {
		id: d.id,
		organizationId: d.organizationId,
		organizationName: d.buyer.organizationName,
		number: d.number,
		kind: d.kind,
		reason: d.reason,
		status,
		issuedOn: d.issuedOn,
		dueOn: d.dueOn,
		periodStart: d.periodStart,
		periodEnd: d.periodEnd,
		currency: d.currency,
		netMinor: d.netMinor,
		vatMinor: d.vatMinor,
		totalMinor: d.totalMinor,
		vatTreatment: d.vatTreatment,
		paymentReference: d.paymentReference,
		paidOn: d.paidOn,
		creditsNumber: d.creditsNumber,
		creditedBy: d.creditedBy,
		eInvoice: d.eInvoice
	};
}

export type InvoiceSummary = ReturnType<typeof invoiceSummary>;
