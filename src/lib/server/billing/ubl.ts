/**
 * An issued invoice or credit note as a Peppol BIS Billing 3.0 e-invoice (UBL 2.1, EN 16931): an Invoice
 * (type 380) or a CreditNote (type 381). Built as a small element tree written out with every text and
 * attribute escaped; elements without content are left out (Peppol allows no empty elements).
 *
 * A credit note carries positive amounts in UBL (its type says it credits), so the stored negative amounts
 * are negated. VAT categories: S (Swedish VAT), AE (reverse charge, VATEX-EU-AE) and G for buyers outside
 * the EU (VATEX-EU-G: Peppol's "O" would forbid the VAT numbers every SOS invoice carries).
 */
import type { InvoiceDocument, InvoiceLine } from './queries';
import { addDays, daysBetween } from './dates';
import { decimal, formatMoney } from './money';
import { addressLines, invoiceText } from './invoice-text';

export const CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';
const NS = {
	cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
	cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2'
};

type Node = { name: string; attrs: Record<string, string>; body: string | Node[] } | null;

const el = (name: string, body: string | number | Node[] | undefined, attrs: Record<string, string> = {}): Node => {
	const b = typeof body === 'number' ? String(body) : (body ?? '');
	return (typeof b === 'string' ? b.trim() === '' : b.every((c) => c === null)) ? null : { name, attrs, body: b };
};

/** Text for XML 1.0: the five special characters escaped, characters XML cannot hold dropped. */
export const escapeXml = (s: string): string =>
	s
		.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
		.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

function write(node: Node, indent = ''): string {
	if (!node) return '';
	const attrs = Object.entries(node.attrs)
		.map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
		.join('');
	if (typeof node.body === 'string') return `${indent}<${node.name}${attrs}>${escapeXml(node.body)}</${node.name}>\n`;
	const inner = node.body.map((c) => write(c, `${indent}  `)).join('');
	return `${indent}<${node.name}${attrs}>\n${inner}${indent}</${node.name}>\n`;
}

/** A unit price in major units with up to six decimals (a part-period price is rarely whole cents). */
function price(l: InvoiceLine): string {
	const micro = (BigInt(l.unitPrice) * 12n * BigInt(l.days) * 1_000_000n * 2n + BigInt(l.periodDays) * 100n) / (BigInt(l.periodDays) * 100n * 2n);
	const [whole, frac] = [
		micro / 1_000_000n,
		String(micro % 1_000_000n)
			.padStart(6, '0')
			.replace(/0+$/, '')
	];
	return `${whole}.${frac.padEnd(2, '0')}`;
}

/** A postal address from free text: street first, then further lines, then "postcode city" when it reads so. */
function address(text: string, country: string): Node {
	const lines = addressLines(text);
	const last = lines.length > 1 ? lines[lines.length - 1] : '';
	const lead = last.match(/^((?:[A-Z]{1,2}-)?\d{3}\s?\d{2}|\d{4,5})\s+(.+)$/);
	const trail = last.match(/^(.+?)\s+(\d{5}(?:-\d{4})?)$/);
	const [postal, city] = lead ? [lead[1], lead[2]] : trail ? [trail[2], trail[1]] : ['', last];
	return el('cac:PostalAddress', [
		el('cbc:StreetName', lines[0]),
		el('cbc:AdditionalStreetName', lines.slice(1, last ? -1 : undefined).join(', ')),
		el('cbc:CityName', city),
		// A Swedish postcode as e-invoices write it: five digits.
		el('cbc:PostalZone', country === 'SE' ? postal.replace(/\s/g, '') : postal),
		el('cac:Country', [el('cbc:IdentificationCode', country)])
	]);
}

const taxScheme = el('cac:TaxScheme', [el('cbc:ID', 'VAT')]);
const partyTax = (vatNumber: string) => (/^[A-Z]{2}/.test(vatNumber) ? el('cac:PartyTaxScheme', [el('cbc:CompanyID', vatNumber), taxScheme]) : null);
/** "0007:5567321707" → its scheme and identifier (Peppol's electronic address). */
const peppol = (id: string) => id.match(/^(\d{4}):(.+)$/)?.slice(1, 3) as [string, string] | undefined;
/** A buyer's Peppol address: the one they gave, else a Swedish company's organization number (scheme 0007) from its VAT number. */
function buyerAddress(b: InvoiceDocument['buyer']): [string, string] | undefined {
	const swedish = b.country === 'SE' ? b.vatNumber.match(/^SE(\d{10})01$/) : null;
	return peppol(b.peppolId) ?? (swedish ? ['0007', swedish[1]] : undefined);
}

export function invoiceUbl(doc: InvoiceDocument): string {
	const credit = doc.kind === 'credit_note';
	const root = credit ? 'CreditNote' : 'Invoice';
	const txt = invoiceText(doc.language);
	const sign = credit ? -1 : 1;
	const cur = { currencyID: doc.currency };
	const amount = (name: string, minor: number) => el(name, decimal(sign * minor), cur);
	const { seller, buyer } = doc;
	const sellerId = seller.organizationNumber.replace(/\D/g, '');
	const buyerId = buyerAddress(buyer);

	const [categoryId, percent, exemption] =
		doc.vatTreatment === 'standard'
			? ['S', String(doc.vatRateBp / 100), null]
			: doc.vatTreatment === 'reverse_charge'
				? ['AE', '0', ['VATEX-EU-AE', txt.reverseChargeReason]]
				: ['G', '0', ['VATEX-EU-G', txt.outsideEuReason]];
	const category = (name: string, full: boolean) =>
		el(name, [
			el('cbc:ID', categoryId),
			el('cbc:Percent', percent),
			...(full && exemption ? [el('cbc:TaxExemptionReasonCode', exemption[0]), el('cbc:TaxExemptionReason', exemption[1])] : []),
			taxScheme
		]);
	const note = [
		credit && doc.creditsNumber !== null ? txt.credits(doc.creditsNumber) : '',
		doc.vatTreatment === 'reverse_charge' ? txt.reverseCharge : doc.vatTreatment === 'outside_eu' ? txt.outsideEu : ''
	]
		.filter(Boolean)
		.join('. ');

	const paymentMeans = (account: string, branch: string) =>
		el('cac:PaymentMeans', [
			el('cbc:PaymentMeansCode', '30', { name: 'Credit transfer' }),
			el('cbc:PaymentID', doc.paymentReference),
			el('cac:PayeeFinancialAccount', [el('cbc:ID', account), el('cbc:Name', seller.name), el('cac:FinancialInstitutionBranch', [el('cbc:ID', branch)])])
		]);
	// Bankgiro (Sweden's rule: the number's digits, branch "SE:BANKGIRO") for SEK; the IBAN for any currency.
	const bankgiro = seller.bankgiro && (doc.currency === 'SEK' || !seller.iban) ? paymentMeans(seller.bankgiro.replace(/\D/g, ''), 'SE:BANKGIRO') : null;
	const iban = seller.iban ? paymentMeans(seller.iban, seller.bic) : null;

	const line = (l: InvoiceLine) =>
		el(credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine', [
			el('cbc:ID', l.position),
			el(credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity', l.users, { unitCode: 'C62' }),
			amount('cbc:LineExtensionAmount', l.amount),
			el('cac:InvoicePeriod', [el('cbc:StartDate', l.fromOn), el('cbc:EndDate', addDays(l.toOn, -1))]),
			el('cac:Item', [
				el('cbc:Description', `${txt.unitPrice}: ${formatMoney(l.unitPrice, doc.currency, doc.language)}; ${txt.days}: ${txt.daysOf(l.days, l.periodDays)}`),
				el('cbc:Name', txt.service),
				category('cac:ClassifiedTaxCategory', false)
			]),
			el('cac:Price', [el('cbc:PriceAmount', price(l), cur), el('cbc:BaseQuantity', 1, { unitCode: 'C62' })])
		]);

	const tree = el(root, [
		el('cbc:CustomizationID', CUSTOMIZATION_ID),
		el('cbc:ProfileID', PROFILE_ID),
		el('cbc:ID', doc.number),
		el('cbc:IssueDate', doc.issuedOn),
		credit ? null : el('cbc:DueDate', doc.dueOn),
		el(credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode', credit ? '381' : '380'),
		el('cbc:Note', note),
		el('cbc:DocumentCurrencyCode', doc.currency),
		// Swedish VAT on an invoice in EUR is accounted in SEK too (BT-6, with its total BT-111 below).
		doc.vatSek ? el('cbc:TaxCurrencyCode', 'SEK') : null,
		el('cbc:BuyerReference', buyer.contactName || doc.paymentReference),
		el('cac:InvoicePeriod', [el('cbc:StartDate', doc.periodStart), el('cbc:EndDate', addDays(doc.periodEnd, -1))]),
		credit && doc.creditsNumber !== null ? el('cac:BillingReference', [el('cac:InvoiceDocumentReference', [el('cbc:ID', doc.creditsNumber)])]) : null,
		el('cac:AccountingSupplierParty', [
			el('cac:Party', [
				el('cbc:EndpointID', sellerId, { schemeID: '0007' }),
				el('cac:PartyName', [el('cbc:Name', seller.name)]),
				address(seller.address, seller.country),
				partyTax(seller.vatNumber),
				el('cac:PartyLegalEntity', [el('cbc:RegistrationName', seller.name), el('cbc:CompanyID', sellerId, { schemeID: '0007' })]),
				el('cac:Contact', [el('cbc:ElectronicMail', seller.email)])
			])
		]),
		el('cac:AccountingCustomerParty', [
			el('cac:Party', [
				// Without a Peppol id the document is still well formed, but cannot travel on the Peppol network.
				buyerId ? el('cbc:EndpointID', buyerId[1], { schemeID: buyerId[0] }) : null,
				el('cac:PartyName', [el('cbc:Name', buyer.organizationName || buyer.legalName)]),
				address(buyer.address, buyer.country),
				partyTax(buyer.vatNumber),
				el('cac:PartyLegalEntity', [
					el('cbc:RegistrationName', buyer.legalName),
					buyerId?.[0] === '0007' ? el('cbc:CompanyID', buyerId[1], { schemeID: '0007' }) : null
				]),
				el('cac:Contact', [el('cbc:Name', buyer.contactName), el('cbc:ElectronicMail', buyer.contactEmail)])
			])
		]),
		...(credit ? [] : [bankgiro, iban, el('cac:PaymentTerms', [el('cbc:Note', txt.terms(daysBetween(doc.issuedOn, doc.dueOn)))])]),
		el('cac:TaxTotal', [
			amount('cbc:TaxAmount', doc.vatMinor),
			el('cac:TaxSubtotal', [amount('cbc:TaxableAmount', doc.netMinor), amount('cbc:TaxAmount', doc.vatMinor), category('cac:TaxCategory', true)])
		]),
		doc.vatSek ? el('cac:TaxTotal', [el('cbc:TaxAmount', decimal(sign * doc.vatSek.vatMinor), { currencyID: 'SEK' })]) : null,
		el('cac:LegalMonetaryTotal', [
			amount(
				'cbc:LineExtensionAmount',
				doc.lines.reduce((s, l) => s + l.amount, 0)
			),
			amount('cbc:TaxExclusiveAmount', doc.netMinor),
			amount('cbc:TaxInclusiveAmount', doc.totalMinor),
			amount('cbc:PayableAmount', doc.totalMinor)
		]),
		...doc.lines.map(line)
	]);
	const xmlns = ` xmlns="urn:oasis:names:specification:ubl:schema:xsd:${root}-2" xmlns:cac="${NS.cac}" xmlns:cbc="${NS.cbc}"`;
	return `<?xml version="1.0" encoding="UTF-8"?>\n${write(tree).replace(`<${root}>`, `<${root}${xmlns}>`)}`;
}
