/** Issued invoices and credit notes built in memory, for the tests of the documents made from them (PDF, UBL, SIE, CSV). */
import type { Buyer, Currency, InvoiceLanguage, Seller, VatTreatment } from '$lib/billing';
import type { InvoiceDocument, InvoiceLine } from '$lib/server/billing/queries';
import { lineAmount, vatOf } from '$lib/server/billing/money';
import { vatInSek } from '$lib/server/billing/issue';
import { paymentReference } from '$lib/server/billing/reference';

export const SELLER: Seller = {
	name: 'Öresund Säljledning AB',
	address: 'Åkergatan 5\n111 22 Stockholm',
	country: 'SE',
	organizationNumber: '556677-8899',
	vatNumber: 'SE556677889901',
	email: 'faktura@oresund.example',
	bankgiro: '123-4567',
	iban: 'SE4550000000058398257466',
	bic: 'ESSESESS'
};

export const BUYERS: Record<VatTreatment, Buyer> = {
	standard: {
		organizationName: 'Ängby',
		legalName: 'Ängby Försäljning AB',
		address: 'Box 12\n162 11 Vällingby',
		country: 'SE',
		vatNumber: 'SE556000000101',
		contactName: 'Åsa Öberg',
		contactEmail: 'asa@angby.example',
		peppolId: '0007:5560000001'
	},
	reverse_charge: {
		organizationName: 'Müller',
		legalName: 'Müller & Söhne <GmbH>',
		address: 'Hauptstraße 1\n10115 Berlin',
		country: 'DE',
		vatNumber: 'DE123456789',
		contactName: 'Jörg "JM" Müller',
		contactEmail: 'jm@mueller.example',
		peppolId: '9930:DE123456789'
	},
	outside_eu: {
		organizationName: 'Acme',
		legalName: 'Acme Inc.',
		address: '1 Main Street\nNew York NY 10001',
		country: 'US',
		vatNumber: '',
		contactName: '',
		contactEmail: 'ap@acme.example',
		peppolId: ''
	}
};

const line = (position: number, fromOn: string, toOn: string, days: number, users: number, unitPrice: number): InvoiceLine => ({
	position,
	fromOn,
	toOn,
	days,
	periodDays: 365,
	users,
	unitPrice,
	amount: lineAmount(users, unitPrice, days, 365)
});

/**
 * An invoice for 2027 (5 users for the year, 2 more from 1 July: 184 of 365 days), or the credit note
 * (number + 2) that cancels it, with the VAT of `treatment` (in EUR with Swedish VAT: also in SEK at 11.2345).
 */
export function billingDocument(
	opts: { treatment?: VatTreatment; kind?: 'invoice' | 'credit_note'; language?: InvoiceLanguage; currency?: Currency; number?: number } = {}
): InvoiceDocument {
	const treatment = opts.treatment ?? 'standard';
	const currency = opts.currency ?? (treatment === 'standard' ? 'SEK' : 'EUR');
	const unit = currency === 'SEK' ? 3900 : 400;
	const credit = opts.kind === 'credit_note';
	const invoiceNumber = opts.number ?? 1001;
	const number = credit ? invoiceNumber + 2 : invoiceNumber;
	const sign = credit ? -1 : 1;
	const lines = [line(1, '2027-01-01', '2028-01-01', 365, 5, unit), line(2, '2027-07-01', '2028-01-01', 184, 2, unit)].map((l) => ({
		...l,
		amount: sign * l.amount
	}));
	const vatRateBp = treatment === 'standard' ? 2500 : 0;
	const net = lines.reduce((s, l) => s + l.amount, 0);
	const vat = vatOf(net, vatRateBp);
	const issuedOn = credit ? '2027-02-10' : '2027-01-01';
	return {
		id: `00000000-0000-4000-8000-${String(number).padStart(12, '0')}`,
		organizationId: '00000000-0000-4000-8000-000000000001',
		number,
		kind: credit ? 'credit_note' : 'invoice',
		reason: credit ? 'credit' : 'period',
		creditsNumber: credit ? invoiceNumber : null,
		creditedBy: null,
		issuedOn,
		dueOn: credit ? issuedOn : '2027-01-31',
		periodStart: '2027-01-01',
		periodEnd: '2028-01-01',
		currency,
		language: opts.language ?? (treatment === 'standard' ? 'sv' : 'en'),
		seller: SELLER,
		buyer: BUYERS[treatment],
		vatTreatment: treatment,
		vatRateBp,
		netMinor: net,
		vatMinor: vat,
		vatSek: vatInSek(currency, vat, 112_345),
		totalMinor: net + vat,
		paymentReference: paymentReference(number, currency),
		eInvoice: BUYERS[treatment].peppolId !== '',
		paidOn: null,
		lines
	};
}
