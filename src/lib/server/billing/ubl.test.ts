import { describe, expect, it } from 'vitest';
import { SaxesParser } from 'saxes';
import { billingDocument } from '$tests/billing-documents';
import type { VatTreatment } from '$lib/billing';
import { CUSTOMIZATION_ID, PROFILE_ID, escapeXml, invoiceUbl } from './ubl';
import { decimal } from './money';

interface El {
	name: string;
	uri: string;
	attrs: Record<string, string>;
	children: El[];
	text: string;
}

/** The XML parsed strictly (well formed, every prefix bound) into a tree. */
function parse(xml: string): El {
	const parser = new SaxesParser({ xmlns: true });
	const stack: El[] = [];
	let root: El | null = null;
	parser.on('opentag', (tag) => {
		const el: El = {
			name: tag.name,
			uri: tag.uri ?? '',
			attrs: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value])),
			children: [],
			text: ''
		};
		stack.at(-1)?.children.push(el);
		root ??= el;
		stack.push(el);
	});
	parser.on('text', (t) => {
		if (stack.length) stack[stack.length - 1].text += t;
	});
	parser.on('closetag', () => stack.pop());
	parser.on('error', (e) => {
		throw e;
	});
	parser.write(xml).close();
	return root!;
}

/** Elements along a path of names below `el` ("cac:Party/cbc:EndpointID"). */
function all(el: El, path: string): El[] {
	return path.split('/').reduce<El[]>((found, name) => found.flatMap((e) => e.children.filter((c) => c.name === name)), [el]);
}
const one = (el: El, path: string) => {
	const found = all(el, path);
	expect(found, path).toHaveLength(1);
	return found[0];
};
const text = (el: El, path: string) => one(el, path).text;
const num = (el: El, path: string) => Number(text(el, path));
const walk = (el: El): El[] => [el, ...el.children.flatMap(walk)];
const cents = (v: number) => Math.round(v * 100);

/** UBL 2.1's order of the Invoice's children that SOS writes (a schema sequence: order matters). */
const ORDER = [
	'cbc:CustomizationID',
	'cbc:ProfileID',
	'cbc:ID',
	'cbc:IssueDate',
	'cbc:DueDate',
	'cbc:InvoiceTypeCode',
	'cbc:CreditNoteTypeCode',
	'cbc:Note',
	'cbc:DocumentCurrencyCode',
	'cbc:TaxCurrencyCode',
	'cbc:BuyerReference',
	'cac:InvoicePeriod',
	'cac:BillingReference',
	'cac:AccountingSupplierParty',
	'cac:AccountingCustomerParty',
	'cac:PaymentMeans',
	'cac:PaymentTerms',
	'cac:TaxTotal',
	'cac:LegalMonetaryTotal',
	'cac:InvoiceLine',
	'cac:CreditNoteLine'
];

describe('the Peppol BIS 3.0 e-invoice', () => {
	it('carries the mandatory business terms of an invoice, in the schema order', () => {
		const doc = billingDocument({ treatment: 'standard' });
		const x = parse(invoiceUbl(doc));
		expect(x.name).toBe('Invoice');
		expect(x.uri).toBe('urn:oasis:names:specification:ubl:schema:xsd:Invoice-2');
		expect(text(x, 'cbc:CustomizationID')).toBe(CUSTOMIZATION_ID);
		expect(text(x, 'cbc:ProfileID')).toBe(PROFILE_ID);
		expect(text(x, 'cbc:ID')).toBe('1001');
		expect(text(x, 'cbc:IssueDate')).toBe('2027-01-01');
		expect(text(x, 'cbc:DueDate')).toBe('2027-01-31');
		expect(text(x, 'cbc:InvoiceTypeCode')).toBe('380');
		expect(text(x, 'cbc:DocumentCurrencyCode')).toBe('SEK');
		expect(text(x, 'cbc:BuyerReference')).toBe('Åsa Öberg');
		expect(text(x, 'cac:InvoicePeriod/cbc:EndDate')).toBe('2027-12-31');
		const indices = x.children.map((c) => ORDER.indexOf(c.name));
		expect(indices).not.toContain(-1);
		expect(indices).toEqual([...indices].sort((a, b) => a - b));

		const seller = one(x, 'cac:AccountingSupplierParty/cac:Party');
		expect(one(seller, 'cbc:EndpointID').attrs.schemeID).toBe('0007');
		expect(text(seller, 'cbc:EndpointID')).toBe('5566778899');
		expect(text(seller, 'cac:PartyLegalEntity/cbc:RegistrationName')).toBe('Öresund Säljledning AB');
		expect(text(seller, 'cac:PartyLegalEntity/cbc:CompanyID')).toBe('5566778899');
		expect(text(seller, 'cac:PartyTaxScheme/cbc:CompanyID')).toBe('SE556677889901');
		expect(text(seller, 'cac:PartyTaxScheme/cac:TaxScheme/cbc:ID')).toBe('VAT');
		expect(text(seller, 'cac:PostalAddress/cbc:StreetName')).toBe('Åkergatan 5');
		expect(text(seller, 'cac:PostalAddress/cbc:PostalZone')).toBe('11122');
		expect(text(seller, 'cac:PostalAddress/cbc:CityName')).toBe('Stockholm');
		expect(text(seller, 'cac:PostalAddress/cac:Country/cbc:IdentificationCode')).toBe('SE');

		const buyer = one(x, 'cac:AccountingCustomerParty/cac:Party');
		expect(one(buyer, 'cbc:EndpointID').attrs.schemeID).toBe('0007');
		expect(text(buyer, 'cbc:EndpointID')).toBe('5560000001');
		expect(text(buyer, 'cac:PartyLegalEntity/cbc:RegistrationName')).toBe('Ängby Försäljning AB');
		expect(text(buyer, 'cac:PartyTaxScheme/cbc:CompanyID')).toBe('SE556000000101');
		expect(text(buyer, 'cac:PostalAddress/cbc:CityName')).toBe('Vällingby');
		expect(text(buyer, 'cac:PostalAddress/cac:Country/cbc:IdentificationCode')).toBe('SE');

		// SEK: bankgiro (Sweden's way of naming it) and the IBAN, both by credit transfer with the OCR reference.
		const means = all(x, 'cac:PaymentMeans');
		expect(means.map((m) => text(m, 'cbc:PaymentMeansCode'))).toEqual(['30', '30']);
		expect(means.map((m) => text(m, 'cbc:PaymentID'))).toEqual([doc.paymentReference, doc.paymentReference]);
		expect(means.map((m) => text(m, 'cac:PayeeFinancialAccount/cbc:ID'))).toEqual(['1234567', doc.seller.iban]);
		expect(means.map((m) => text(m, 'cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID'))).toEqual(['SE:BANKGIRO', 'ESSESESS']);
		expect(text(x, 'cac:PaymentTerms/cbc:Note')).toContain('30');
	});

	it.each<[VatTreatment, string]>([
		['standard', 'SEK'],
		['reverse_charge', 'EUR'],
		['outside_eu', 'EUR']
	])('adds up: lines to the total, net and VAT to the amount payable (%s, %s)', (treatment, currency) => {
		const doc = billingDocument({ treatment });
		const x = parse(invoiceUbl(doc));
		const lines = all(x, 'cac:InvoiceLine');
		expect(lines).toHaveLength(doc.lines.length);
		const total = one(x, 'cac:LegalMonetaryTotal');
		expect(lines.reduce((s, l) => s + cents(num(l, 'cbc:LineExtensionAmount')), 0)).toBe(cents(num(total, 'cbc:LineExtensionAmount')));
		const tax = cents(num(x, 'cac:TaxTotal/cbc:TaxAmount'));
		expect(cents(num(total, 'cbc:TaxExclusiveAmount')) + tax).toBe(cents(num(total, 'cbc:TaxInclusiveAmount')));
		expect(num(total, 'cbc:PayableAmount')).toBe(num(total, 'cbc:TaxInclusiveAmount'));
		expect(text(total, 'cbc:PayableAmount')).toBe(decimal(doc.totalMinor));
		const sub = one(x, 'cac:TaxTotal/cac:TaxSubtotal');
		expect(num(sub, 'cbc:TaxableAmount')).toBe(num(total, 'cbc:TaxExclusiveAmount'));
		expect(cents(num(sub, 'cbc:TaxAmount'))).toBe(Math.round((cents(num(sub, 'cbc:TaxableAmount')) * num(sub, 'cac:TaxCategory/cbc:Percent')) / 100));
		for (const l of lines) {
			// Peppol's line rule: quantity × price = line amount, to within 0.02.
			const product = num(l, 'cbc:InvoicedQuantity') * num(l, 'cac:Price/cbc:PriceAmount');
			expect(Math.abs(product - num(l, 'cbc:LineExtensionAmount'))).toBeLessThanOrEqual(0.02);
			expect(one(l, 'cbc:InvoicedQuantity').attrs.unitCode).toBe('C62');
			expect(text(l, 'cac:Item/cbc:Name')).toBeTruthy();
		}
		// Every amount in the document's currency, with two decimals.
		for (const e of walk(x).filter((e) => 'currencyID' in e.attrs)) {
			expect(e.attrs.currencyID).toBe(currency);
			if (e.name !== 'cbc:PriceAmount') expect(e.text).toMatch(/^-?\d+\.\d{2}$/);
		}
	});

	it('names the VAT category of each treatment, with the exemption reason where no VAT is charged', () => {
		const cases: [VatTreatment, string, number, string | null][] = [
			['standard', 'S', 25, null],
			['reverse_charge', 'AE', 0, 'VATEX-EU-AE'],
			['outside_eu', 'G', 0, 'VATEX-EU-G']
		];
		for (const [treatment, id, percent, reason] of cases) {
			const x = parse(invoiceUbl(billingDocument({ treatment })));
			const category = one(x, 'cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory');
			expect(text(category, 'cbc:ID')).toBe(id);
			expect(num(category, 'cbc:Percent')).toBe(percent);
			expect(text(category, 'cac:TaxScheme/cbc:ID')).toBe('VAT');
			expect(all(category, 'cbc:TaxExemptionReasonCode').map((e) => e.text)).toEqual(reason ? [reason] : []);
			for (const line of all(x, 'cac:InvoiceLine')) {
				expect(text(line, 'cac:Item/cac:ClassifiedTaxCategory/cbc:ID')).toBe(id);
				expect(num(line, 'cac:Item/cac:ClassifiedTaxCategory/cbc:Percent')).toBe(percent);
			}
			if (treatment === 'standard') expect(num(x, 'cac:TaxTotal/cbc:TaxAmount')).toBeGreaterThan(0);
			else expect(num(x, 'cac:TaxTotal/cbc:TaxAmount')).toBe(0);
		}
		// Reverse charge: both VAT numbers, the statement as the note, the buyer's Peppol address as given.
		const rc = parse(invoiceUbl(billingDocument({ treatment: 'reverse_charge' })));
		expect(text(rc, 'cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID')).toBe('SE556677889901');
		expect(text(rc, 'cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID')).toBe('DE123456789');
		expect(text(rc, 'cbc:Note')).toContain('Article 196');
		const endpoint = one(rc, 'cac:AccountingCustomerParty/cac:Party/cbc:EndpointID');
		expect([endpoint.attrs.schemeID, endpoint.text]).toEqual(['9930', 'DE123456789']);
		// EUR: the IBAN only (bankgiro is for SEK), with the RF reference.
		const means = one(rc, 'cac:PaymentMeans');
		expect(text(means, 'cac:PayeeFinancialAccount/cbc:ID')).toBe('SE4550000000058398257466');
		expect(text(means, 'cbc:PaymentID')).toMatch(/^RF\d{2}1001$/);
	});

	it('accounts Swedish VAT on an invoice in euros in kronor too: BT-6 and its one TaxTotal, BT-111 (BR-53)', () => {
		for (const kind of ['invoice', 'credit_note'] as const) {
			const doc = billingDocument({ treatment: 'standard', currency: 'EUR', kind });
			const x = parse(invoiceUbl(doc));
			expect(text(x, 'cbc:TaxCurrencyCode')).toBe('SEK');
			const totals = all(x, 'cac:TaxTotal');
			expect(totals).toHaveLength(2);
			const [inEur, inSek] = totals;
			expect(one(inEur, 'cbc:TaxAmount').attrs.currencyID).toBe('EUR');
			expect(all(inSek, 'cac:TaxSubtotal')).toHaveLength(0);
			expect(one(inSek, 'cbc:TaxAmount').attrs.currencyID).toBe('SEK');
			const sign = kind === 'credit_note' ? -1 : 1;
			expect(text(inSek, 'cbc:TaxAmount')).toBe(decimal(sign * doc.vatSek!.vatMinor));
			expect(cents(num(inSek, 'cbc:TaxAmount'))).toBe(Math.round((cents(num(inEur, 'cbc:TaxAmount')) * 112_345) / 10_000));
			const indices = x.children.map((c) => ORDER.indexOf(c.name));
			expect(indices).toEqual([...indices].sort((a, b) => a - b));
		}
		// Without VAT, or in SEK, neither is written.
		for (const doc of [billingDocument({ treatment: 'reverse_charge' }), billingDocument({ treatment: 'standard' })]) {
			const x = parse(invoiceUbl(doc));
			expect(all(x, 'cbc:TaxCurrencyCode')).toHaveLength(0);
			expect(all(x, 'cac:TaxTotal')).toHaveLength(1);
		}
	});

	it('makes a credit note a CreditNote with positive amounts that references the invoice it cancels', () => {
		const doc = billingDocument({ treatment: 'standard', kind: 'credit_note' });
		expect(doc.totalMinor).toBeLessThan(0);
		const x = parse(invoiceUbl(doc));
		expect(x.name).toBe('CreditNote');
		expect(x.uri).toBe('urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2');
		expect(text(x, 'cbc:CreditNoteTypeCode')).toBe('381');
		expect(text(x, 'cbc:ID')).toBe('1003');
		expect(all(x, 'cbc:DueDate')).toHaveLength(0);
		expect(all(x, 'cac:PaymentMeans')).toHaveLength(0);
		expect(text(x, 'cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID')).toBe('1001');
		const indices = x.children.map((c) => ORDER.indexOf(c.name));
		expect(indices).toEqual([...indices].sort((a, b) => a - b));
		for (const e of walk(x).filter((e) => 'currencyID' in e.attrs)) expect(Number(e.text)).toBeGreaterThanOrEqual(0);
		expect(text(x, 'cac:LegalMonetaryTotal/cbc:PayableAmount')).toBe(decimal(-doc.totalMinor));
		expect(text(x, 'cac:TaxTotal/cbc:TaxAmount')).toBe(decimal(-doc.vatMinor));
		const lines = all(x, 'cac:CreditNoteLine');
		expect(lines.map((l) => text(l, 'cbc:CreditedQuantity'))).toEqual(['5', '2']);
		expect(lines.map((l) => text(l, 'cbc:LineExtensionAmount'))).toEqual(doc.lines.map((l) => decimal(-l.amount)));
	});

	it('escapes text and writes no empty element', () => {
		const doc = billingDocument({ treatment: 'reverse_charge' });
		const xml = invoiceUbl(doc);
		expect(xml).toContain('Müller &amp; Söhne &lt;GmbH&gt;');
		const x = parse(xml);
		expect(text(x, 'cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName')).toBe('Müller & Söhne <GmbH>');
		expect(text(x, 'cac:AccountingCustomerParty/cac:Party/cac:Contact/cbc:Name')).toBe('Jörg "JM" Müller');
		expect(text(x, 'cbc:BuyerReference')).toBe('Jörg "JM" Müller');
		for (const e of walk(x)) expect(e.children.length > 0 || e.text.trim() !== '', e.name).toBe(true);
		expect(escapeXml('a\u0001b\'"')).toBe('ab&apos;&quot;');
		// A buyer without a contact is referenced by the payment reference; outside the EU there is no buyer VAT scheme.
		const us = parse(invoiceUbl(billingDocument({ treatment: 'outside_eu' })));
		expect(text(us, 'cbc:BuyerReference')).toMatch(/^RF/);
		expect(all(us, 'cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme')).toHaveLength(0);
		expect(text(us, 'cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:PostalZone')).toBe('10001');
		expect(text(us, 'cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:CityName')).toBe('New York NY');
	});
});
