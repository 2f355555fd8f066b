import { db, type Db } from '$lib/server/db';
import { NotFoundError } from '$lib/server/errors';
import type { Buyer, Currency, InvoiceKind, InvoiceLanguage, InvoiceReason, Seller, VatTreatment } from '$lib/billing';

export interface InvoiceLine {
	position: number;
	fromOn: string;
	toOn: string;
	days: number;
	periodDays: number;
	users: number;
	/** Per user and month, minor units. */
	unitPrice: number;
	amount: number;
}

/** An issued invoice or credit note as every document (page, PDF, e-invoice, SIE, CSV) reads it. */
export interface InvoiceDocument {
	id: string;
	organizationId: string;
	number: number;
	kind: InvoiceKind;
	reason: InvoiceReason;
	/** The number of the invoice a credit note cancels. */
	creditsNumber: number | null;
	/** The number of the credit note that cancelled this invoice. */
	creditedBy: number | null;
	issuedOn: string;
	dueOn: string;
	periodStart: string;
	periodEnd: string;
	currency: Currency;
	language: InvoiceLanguage;
	seller: Seller;
	buyer: Buyer;
	vatTreatment: VatTreatment;
	vatRateBp: number;
	netMinor: number;
	vatMinor: number;
	/** Swedish VAT on an invoice in EUR, also in SEK (öre) at the rate it was issued with (SEK per EUR × 10 000). */
	vatSek: { rateE4: number; vatMinor: number } | null;
	totalMinor: number;
	paymentReference: string;
	eInvoice: boolean;
	paidOn: string | null;
	lines: InvoiceLine[];
}

function documents(executor: Db) {
	return executor
		.selectFrom('invoices as i')
		.leftJoin('invoices as o', (j) => j.onRef('o.organization_id', '=', 'i.organization_id').onRef('o.id', '=', 'i.credits_id'))
		.leftJoin('invoices as c', (j) => j.onRef('c.organization_id', '=', 'i.organization_id').onRef('c.credits_id', '=', 'i.id'))
		.selectAll('i')
		.select(['o.number as credits_number', 'c.number as credited_by']);
}

type Row = Awaited<ReturnType<ReturnType<typeof documents>['execute']>>[number];

async function withLines(rows: Row[], executor: Db): Promise<InvoiceDocument[]> {
	if (!rows.length) return [];
	const lines = await executor
		.selectFrom('invoice_lines')
		.selectAll()
		.where((eb) => eb.or(rows.map((r) => eb.and([eb('organization_id', '=', r.organization_id), eb('invoice_id', '=', r.id)]))))
		.orderBy('position')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		organizationId: r.organization_id,
		number: Number(r.number),
		kind: r.kind,
		reason: r.reason,
		creditsNumber: r.credits_number === null ? null : Number(r.credits_number),
		creditedBy: r.credited_by === null ? null : Number(r.credited_by),
		issuedOn: r.issued_on,
		dueOn: r.due_on,
		periodStart: r.period_start,
		periodEnd: r.period_end,
		currency: r.currency,
		language: r.language,
		seller: r.seller,
		buyer: r.buyer,
		vatTreatment: r.vat_treatment,
		vatRateBp: r.vat_rate_bp,
		netMinor: Number(r.net_minor),
		vatMinor: Number(r.vat_minor),
		vatSek: r.sek_per_eur_e4 === null ? null : { rateE4: r.sek_per_eur_e4, vatMinor: Number(r.vat_sek_minor) },
		totalMinor: Number(r.total_minor),
		paymentReference: r.payment_reference,
		eInvoice: r.e_invoice,
		paidOn: r.paid_on,
		lines: lines
			.filter((l) => l.invoice_id === r.id)
			.map((l) => ({
				position: l.position,
				fromOn: l.from_on,
				toOn: l.to_on,
				days: l.days,
				periodDays: l.period_days,
				users: l.users,
				unitPrice: l.unit_price_minor,
				amount: Number(l.amount_minor)
			}))
	}));
}

/** One organization's invoice or credit note. */
export async function loadInvoice(organizationId: string, invoiceId: string, executor: Db = db()): Promise<InvoiceDocument> {
	const rows = await documents(executor).where('i.organization_id', '=', organizationId).where('i.id', '=', invoiceId).execute();
	if (!rows.length) throw new NotFoundError('invoice');
	return (await withLines(rows, executor))[0];
}

/** One organization's invoices and credit notes, newest first. */
export async function organizationInvoices(organizationId: string, executor: Db = db()): Promise<InvoiceDocument[]> {
	const rows = await documents(executor).where('i.organization_id', '=', organizationId).orderBy('i.number', 'desc').execute();
	return withLines(rows, executor);
}

/** Every organization's invoices and credit notes issued in [from, to) (the operator's list and the accounts' exports), by number. */
export async function invoicesIssued(range: { from: string; to: string }, executor: Db = db()): Promise<InvoiceDocument[]> {
	const rows = await documents(executor).where('i.issued_on', '>=', range.from).where('i.issued_on', '<', range.to).orderBy('i.number').execute();
	return withLines(rows, executor);
}
