import { z } from 'zod';
import { db, type Db } from '$lib/server/db';
import { isUuid, parse } from '$lib/server/validation';
import { ConflictError, NotFoundError } from '$lib/server/errors';
import { addDays } from './dates';
import { invoicePdf } from './pdf';
import { invoiceUbl } from './ubl';
import { invoicesCsv } from './csv';
import { invoicesSie } from './sie';
import { loadInvoice, invoicesIssued, type InvoiceDocument } from './queries';
import { billingSettings } from './settings';

export interface Download {
	fileName: string;
	contentType: string;
	body: Uint8Array | string;
}

const label = (doc: InvoiceDocument) =>
	doc.kind === 'credit_note' ? (doc.language === 'sv' ? 'kreditfaktura' : 'credit-note') : doc.language === 'sv' ? 'faktura' : 'invoice';

/** One organization's invoice or credit note as a PDF, or as its Peppol BIS 3.0 e-invoice (`xml`, for buyers that require one). */
export async function invoiceDownload(opts: { organizationId: string; invoiceId: string; format: 'pdf' | 'xml' }, executor: Db = db()): Promise<Download> {
	if (!isUuid(opts.invoiceId)) throw new NotFoundError('invoice');
	const doc = await loadInvoice(opts.organizationId, opts.invoiceId, executor);
	const name = `${label(doc)}-${doc.number}`;
	if (opts.format === 'pdf') return { fileName: `${name}.pdf`, contentType: 'application/pdf', body: new Uint8Array(await invoicePdf(doc)) };
	return { fileName: `${name}.xml`, contentType: 'application/xml; charset=utf-8', body: invoiceUbl(doc) };
}

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2027-01-31');
const rangeInput = z.strictObject({ from: date, to: date }).refine((r) => r.from <= r.to, { message: 'The first day comes before the last', path: ['to'] });

/**
 * The invoices and credit notes issued from `from` through `to` (both days included), for the accounts:
 * CSV, or SIE 4 (one calendar year per file, as the format's financial year).
 */
export async function accountsExport(opts: { input: unknown; format: 'csv' | 'sie'; today: string }, executor: Db = db()): Promise<Download> {
	const { from, to } = parse(rangeInput, opts.input);
	const docs = await invoicesIssued({ from, to: addDays(to, 1) }, executor);
	const name = `sos-invoices-${from}-${to}`;
	if (opts.format === 'csv') return { fileName: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body: invoicesCsv(docs) };
	const { seller } = await billingSettings(executor);
	if (!seller) throw new ConflictError('seller_missing', 'Set the seller’s details in the billing settings first.');
	return {
		fileName: `${name}.se`,
		contentType: 'application/octet-stream',
		body: new Uint8Array(invoicesSie(docs, { from, to, generatedOn: opts.today, seller }))
	};
}
