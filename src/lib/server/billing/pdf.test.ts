import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { billingDocument } from '$tests/billing-documents';
import type { InvoiceDocument } from './queries';
import { invoicePdf } from './pdf';
import { formatMoney, vatOf } from './money';
import { invoiceText } from './invoice-text';
import { winAnsi } from '$lib/server/reports/pdf-layout';

/** Text without any white space: a wrapped line or a split cell reads the same. */
const squash = (s: string) => winAnsi(s).replace(/\s+/g, '');

async function pdfText(doc: InvoiceDocument) {
	const pdf = await invoicePdf(doc);
	// INVOICE_OUT=/tmp keeps the PDFs to look at.
	if (process.env.INVOICE_OUT) writeFileSync(`${process.env.INVOICE_OUT}/invoice-${doc.number}-${doc.vatTreatment}-${doc.language}.pdf`, pdf);
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	const proxy = await getDocumentProxy(new Uint8Array(pdf));
	const { text } = await extractText(proxy, { mergePages: true });
	return squash(text);
}

const money = (doc: InvoiceDocument, minor: number) => squash(formatMoney(minor, doc.currency, doc.language));

describe('the invoice PDF', () => {
	it('shows the number, the dates, the reference, both parties, every line and the totals', async () => {
		const doc = billingDocument({ treatment: 'standard', language: 'en' });
		const text = await pdfText(doc);
		for (const s of ['Invoice', '1001', '2027-01-01', '2027-01-31', doc.paymentReference, 'BILL TO', 'Payment within 30 days'])
			expect(text).toContain(squash(s));
		// The parties: the seller's name, numbers and payment details, the buyer's legal name, VAT number and contact.
		for (const s of [doc.seller.name, doc.seller.organizationNumber, doc.seller.vatNumber, doc.seller.bankgiro, doc.seller.email])
			expect(text).toContain(squash(s));
		for (const s of [doc.buyer.legalName, doc.buyer.vatNumber, doc.buyer.contactName, 'Vällingby', 'Sweden']) expect(text).toContain(squash(s));
		// Lines: the period's last day is the day before its exclusive end; days of the period; unit price and amount.
		expect(text).toContain(squash('2027-01-01 – 2027-12-31'));
		expect(text).toContain(squash('2027-07-01 – 2027-12-31'));
		expect(text).toContain(squash('184 of 365'));
		for (const l of doc.lines) expect(text).toContain(money(doc, l.amount));
		expect(text).toContain(money(doc, doc.lines[0].unitPrice));
		expect(text).toContain(squash(`VAT 25 %${formatMoney(doc.vatMinor, 'SEK', 'en')}`));
		expect(text).toContain(squash(`Amount excluding VAT${formatMoney(doc.netMinor, 'SEK', 'en')}`));
		expect(text).toContain(squash(`Total to pay${formatMoney(doc.totalMinor, 'SEK', 'en')}`));
		expect(doc.totalMinor).toBe(doc.netMinor + doc.vatMinor);
	});

	it('states reverse charge with Article 196 and both VAT numbers, and charges no VAT', async () => {
		const doc = billingDocument({ treatment: 'reverse_charge' });
		const text = await pdfText(doc);
		expect(text).toContain(squash(invoiceText('en').reverseCharge));
		expect(text).toContain(squash('Article 196 of Council Directive 2006/112/EC'));
		expect(text).toContain(squash(`Seller's VAT no.: ${doc.seller.vatNumber}`));
		expect(text).toContain(squash(`Buyer's VAT no.: ${doc.buyer.vatNumber}`));
		expect(text).toContain(squash(`VAT 0 %${formatMoney(0, 'EUR', 'en')}`));
		// Buyer text with characters that mean something elsewhere (& < " ü) prints as written.
		expect(text).toContain(squash('Müller & Söhne <GmbH>'));
		// EUR: IBAN and BIC, an RF reference.
		expect(text).toContain(squash(doc.seller.iban));
		expect(text).toContain(doc.seller.bic);
		expect(doc.paymentReference).toMatch(/^RF/);
		expect(text).toContain(doc.paymentReference);
	});

	it('states Swedish VAT on an invoice in euros in kronor too, with the rate used (and only then)', async () => {
		for (const language of ['en', 'sv'] as const) {
			const doc = billingDocument({ treatment: 'standard', currency: 'EUR', language });
			expect(doc.vatSek).toEqual({ rateE4: 112_345, vatMinor: Math.round((doc.vatMinor * 112_345) / 10_000) });
			const label = language === 'en' ? 'VAT in SEK (1 EUR = 11.2345 SEK)' : 'Moms i SEK (1 EUR = 11,2345 SEK)';
			expect(await pdfText(doc)).toContain(squash(`${label}${formatMoney(doc.vatSek!.vatMinor, 'SEK', language)}`));
		}
		expect(billingDocument({ treatment: 'standard', currency: 'SEK' }).vatSek).toBeNull();
		expect(billingDocument({ treatment: 'reverse_charge' }).vatSek).toBeNull();
		expect(await pdfText(billingDocument({ treatment: 'reverse_charge' }))).not.toContain(squash('VAT in SEK'));
	});

	it('says VAT does not apply to a buyer outside the EU', async () => {
		const doc = billingDocument({ treatment: 'outside_eu' });
		const text = await pdfText(doc);
		expect(text).toContain(squash(invoiceText('en').outsideEu));
		expect(text).not.toContain(squash('Reverse charge'));
		expect(text).toContain(squash('United States'));
		expect(text).toContain(squash(`Total to pay${formatMoney(doc.netMinor, 'EUR', 'en')}`));
	});

	it('is in Swedish for a Swedish document, å ä ö included', async () => {
		const doc = billingDocument({ treatment: 'standard', language: 'sv' });
		const text = await pdfText(doc);
		for (const s of [
			'Faktura',
			'Fakturadatum',
			'Förfallodatum',
			'OCR-nummer',
			'FAKTURERAS TILL',
			'Användare',
			'Moms 25 %',
			'Att betala',
			'Åkergatan 5',
			'Ängby Försäljning AB',
			'Sverige',
			'184 av 365'
		])
			expect(text).toContain(squash(s));
		expect(text).toContain(money(doc, doc.totalMinor));
		const rc = await pdfText(billingDocument({ treatment: 'reverse_charge', language: 'sv' }));
		expect(rc).toContain(squash('Omvänd skattskyldighet'));
		expect(rc).toContain(squash('artikel 196 i rådets direktiv 2006/112/EG'));
		const outside = await pdfText(billingDocument({ treatment: 'outside_eu', language: 'sv' }));
		expect(outside).toContain(squash(invoiceText('sv').outsideEu));
	});

	it('titles a credit note, names the invoice it cancels, and shows its negative amounts', async () => {
		const doc = billingDocument({ treatment: 'standard', kind: 'credit_note', language: 'sv' });
		const text = await pdfText(doc);
		expect(text).toContain(squash('Kreditfaktura'));
		expect(text).toContain(squash('Krediterar faktura 1001'));
		expect(text).toContain(squash('Denna kreditfaktura krediterar faktura 1001 i sin helhet.'));
		expect(text).toContain('1003');
		expect(doc.totalMinor).toBeLessThan(0);
		expect(text).toContain(squash(`Krediterat belopp${formatMoney(doc.totalMinor, 'SEK', 'sv')}`));
		expect(text).not.toContain(squash('Förfallodatum'));
		const en = await pdfText(billingDocument({ treatment: 'reverse_charge', kind: 'credit_note' }));
		expect(en).toContain(squash('Credit note'));
		expect(en).toContain(squash('Credits invoice 1001'));
	});

	it('continues a long list of lines on a second page', async () => {
		const doc = billingDocument();
		const many = Array.from({ length: 30 }, (_, i) => ({ ...doc.lines[1], position: i + 1 }));
		const net = many.reduce((s, l) => s + l.amount, 0);
		const vat = vatOf(net, doc.vatRateBp);
		const text = await pdfText({ ...doc, number: 1999, lines: many, netMinor: net, vatMinor: vat, totalMinor: net + vat });
		expect(text).toContain(squash('Sida 1 av'));
		expect(text).toContain(squash('Sida 2 av'));
		// The table's header is repeated on the page it continues on.
		expect(text.split(squash('BeskrivningAnvändare')).length).toBe(3);
		expect(text).toContain(squash(`Att betala${formatMoney(net + vat, 'SEK', 'sv')}`));
	});
});
