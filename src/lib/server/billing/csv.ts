/**
 * Invoices and credit notes as CSV for the operator's accounts, one row per document. UTF-8 with a byte-order
 * mark (Excel then reads å ä ö), ',' between fields, amounts with a decimal point; text that a spreadsheet
 * could run as a formula gets the reports' leading apostrophe (`safeText`). Swedish VAT on a document in EUR is
 * also given in SEK (`vat_sek`, at `sek_per_eur`), as the VAT return needs it.
 */
import type { InvoiceDocument } from './queries';
import { decimal } from './money';
import { exchangeRate } from './invoice-text';
import { safeText } from '$lib/server/reports/safe-cell';

export const INVOICE_CSV_COLUMNS = [
	'number',
	'kind',
	'credits_number',
	'issued_on',
	'due_on',
	'organization',
	'legal_name',
	'country',
	'vat_number',
	'vat_treatment',
	'currency',
	'net',
	'vat',
	'total',
	'paid_on',
	'reference',
	'vat_sek',
	'sek_per_eur'
] as const;

/** A text field: formula-safe, quoted when it holds a separator, a quote or a line break. */
const text = (s: string) => {
	const safe = safeText(s);
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function invoicesCsv(docs: InvoiceDocument[]): string {
	const rows = docs.map((d) =>
		[
			String(d.number),
			d.kind,
			d.creditsNumber === null ? '' : String(d.creditsNumber),
			d.issuedOn,
			d.dueOn,
			text(d.buyer.organizationName),
			text(d.buyer.legalName),
			d.buyer.country,
			text(d.buyer.vatNumber),
			d.vatTreatment,
			d.currency,
			decimal(d.netMinor),
			decimal(d.vatMinor),
			decimal(d.totalMinor),
			d.paidOn ?? '',
			text(d.paymentReference),
			d.vatSek ? decimal(d.vatSek.vatMinor) : '',
			d.vatSek ? exchangeRate(d.vatSek.rateE4) : ''
		].join(',')
	);
	return `\uFEFF${[INVOICE_CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
