/**
 * The texts of an invoice or credit note in its own language (the buyer's invoice language, fixed when it
 * was issued) — kept here rather than in messages/*.json because a document speaks the buyer's language,
 * not the reader's, and the PDF and the e-invoice must say exactly the same.
 */
import type { InvoiceLanguage } from '$lib/billing';

export interface InvoiceText {
	invoice: string;
	creditNote: string;
	number: string;
	issued: string;
	due: string;
	reference: string;
	/** The reference's label for a bankgiro payment (an OCR number). */
	ocr: string;
	period: string;
	paidOn: string;
	credits: (n: number) => string;
	creditedBy: (n: number) => string;
	from: string;
	billTo: string;
	orgNumber: string;
	vatNumber: string;
	sellerVat: string;
	buyerVat: string;
	contact: string;
	description: string;
	service: string;
	users: string;
	unitPrice: string;
	days: string;
	daysOf: (days: number, periodDays: number) => string;
	amount: string;
	net: string;
	vatAt: (percent: string) => string;
	/** Swedish VAT on an invoice in EUR, stated in SEK too, with the rate used. */
	vatInSek: (rate: string) => string;
	total: string;
	totalCredited: string;
	reverseCharge: string;
	reverseChargeReason: string;
	outsideEu: string;
	outsideEuReason: string;
	payment: string;
	bankgiro: string;
	iban: string;
	bic: string;
	terms: (days: number) => string;
	stateReference: string;
	cancels: (n: number) => string;
	page: (page: number, pages: number) => string;
}

const en: InvoiceText = {
	invoice: 'Invoice',
	creditNote: 'Credit note',
	number: 'Number',
	issued: 'Issue date',
	due: 'Due date',
	reference: 'Payment reference',
	ocr: 'OCR number',
	period: 'Subscription period',
	paidOn: 'Paid',
	credits: (n) => `Credits invoice ${n}`,
	creditedBy: (n) => `Cancelled by credit note ${n}`,
	from: 'From',
	billTo: 'Bill to',
	orgNumber: 'Org. no.',
	vatNumber: 'VAT no.',
	sellerVat: "Seller's VAT no.",
	buyerVat: "Buyer's VAT no.",
	contact: 'Contact',
	description: 'Description',
	service: 'SOS subscription',
	users: 'Users',
	unitPrice: 'Price per user and month',
	days: 'Days',
	daysOf: (days, periodDays) => `${days} of ${periodDays}`,
	amount: 'Amount',
	net: 'Amount excluding VAT',
	vatAt: (percent) => `VAT ${percent} %`,
	vatInSek: (rate) => `VAT in SEK (1 EUR = ${rate} SEK)`,
	total: 'Total to pay',
	totalCredited: 'Total credited',
	reverseCharge: 'Reverse charge: the buyer accounts for the VAT on this supply (Article 196 of Council Directive 2006/112/EC). No Swedish VAT is charged.',
	reverseChargeReason: 'Reverse charge',
	outsideEu:
		'VAT: not applicable. The service is supplied to a business established outside the EU; it is supplied outside Sweden and no Swedish VAT is charged.',
	outsideEuReason: 'Service supplied to a business outside the EU',
	payment: 'Payment',
	bankgiro: 'Bankgiro',
	iban: 'IBAN',
	bic: 'BIC',
	terms: (days) => (days > 0 ? `Payment within ${days} days of the issue date.` : 'Payment on receipt.'),
	stateReference: 'Please state the payment reference with your payment.',
	cancels: (n) => `This credit note cancels invoice ${n} in full.`,
	page: (page, pages) => `Page ${page} of ${pages}`
};

const sv: InvoiceText = {
	invoice: 'Faktura',
	creditNote: 'Kreditfaktura',
	number: 'Nummer',
	issued: 'Fakturadatum',
	due: 'Förfallodatum',
	reference: 'Betalningsreferens',
	ocr: 'OCR-nummer',
	period: 'Abonnemangsperiod',
	paidOn: 'Betald',
	credits: (n) => `Krediterar faktura ${n}`,
	creditedBy: (n) => `Krediterad genom kreditfaktura ${n}`,
	from: 'Från',
	billTo: 'Faktureras till',
	orgNumber: 'Org.nr',
	vatNumber: 'Momsreg.nr',
	sellerVat: 'Säljarens momsreg.nr',
	buyerVat: 'Köparens momsreg.nr',
	contact: 'Kontaktperson',
	description: 'Beskrivning',
	service: 'SOS-abonnemang',
	users: 'Användare',
	unitPrice: 'Pris per användare och månad',
	days: 'Dagar',
	daysOf: (days, periodDays) => `${days} av ${periodDays}`,
	amount: 'Belopp',
	net: 'Belopp exklusive moms',
	vatAt: (percent) => `Moms ${percent} %`,
	vatInSek: (rate) => `Moms i SEK (1 EUR = ${rate} SEK)`,
	total: 'Att betala',
	totalCredited: 'Krediterat belopp',
	reverseCharge: 'Omvänd skattskyldighet: köparen redovisar momsen för denna tjänst (artikel 196 i rådets direktiv 2006/112/EG). Ingen svensk moms debiteras.',
	reverseChargeReason: 'Omvänd skattskyldighet',
	outsideEu: 'Moms: ej tillämplig. Tjänsten tillhandahålls ett företag etablerat utanför EU och är omsatt utomlands; ingen svensk moms debiteras.',
	outsideEuReason: 'Tjänst till företag utanför EU',
	payment: 'Betalning',
	bankgiro: 'Bankgiro',
	iban: 'IBAN',
	bic: 'BIC',
	terms: (days) => (days > 0 ? `Betalning inom ${days} dagar från fakturadatum.` : 'Betalning vid mottagandet.'),
	stateReference: 'Ange betalningsreferensen när du betalar.',
	cancels: (n) => `Denna kreditfaktura krediterar faktura ${n} i sin helhet.`,
	page: (page, pages) => `Sida ${page} av ${pages}`
};

const TEXTS: Record<InvoiceLanguage, InvoiceText> = { en, sv };

export const invoiceText = (language: InvoiceLanguage): InvoiceText => TEXTS[language];

/** A VAT rate in basis points as a percentage: 2500 → "25", 1250 → "12.5" (en) or "12,5" (sv). */
export const vatPercent = (rateBp: number, language: InvoiceLanguage = 'en'): string => {
	const s = String(rateBp / 100);
	return language === 'sv' ? s.replace('.', ',') : s;
};

/** A country's name in the document's language ("DE" → "Germany" / "Tyskland"), or the code itself. */
export function countryName(code: string, language: InvoiceLanguage): string {
	try {
		return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
	} catch {
		return code;
	}
}

/** An address as its lines: the lines as written, a line with commas split at them. */
export const addressLines = (address: string): string[] =>
	address
		.split(/\r?\n|,\s*(?=\S)/)
		.map((l) => l.trim())
		.filter(Boolean);

/** An exchange rate kept × 10 000 as four decimals: 112345 → "11.2345" (en) or "11,2345" (sv). */
export const exchangeRate = (rateE4: number, language: InvoiceLanguage = 'en'): string => {
	const text = (rateE4 / 10_000).toFixed(4);
	return language === 'sv' ? text.replace('.', ',') : text;
};
