import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { recordAudit } from '$lib/server/audit/record';
import { ConflictError } from '$lib/server/errors';
import type { Buyer, Currency, InvoiceLanguage, InvoiceReason, Seller, VatTreatment } from '$lib/billing';
import { addDays } from './dates';
import { divideRounded, vatOf } from './money';
import { paymentReference } from './reference';
import { billingSettings, type BillingSettings } from './settings';
import { buyerOf } from './buyer';
import { vatTreatment } from './vat';
import type { Line, Period } from './seats';

type Trx = Transaction<Database>;

export interface IssuedInvoice {
	id: string;
	number: number;
	totalMinor: number;
}

/** The seller's details are missing: no invoice can be issued until the operator sets them. */
export class SellerMissingError extends ConflictError {
	constructor() {
		super('seller_missing', 'Set the seller’s details in the billing settings before any invoice is issued.');
	}
}

/** Who an invoice is from and to, in which language, with which VAT. */
export interface Parties {
	seller: Seller;
	buyer: Buyer;
	language: InvoiceLanguage;
	vat: { treatment: VatTreatment; rateBp: number };
}

async function partiesToday(trx: Trx, organizationId: string, settings: BillingSettings): Promise<Parties> {
	if (!settings.seller) throw new SellerMissingError();
	const { buyer, language } = await buyerOf(organizationId, trx);
	return { seller: settings.seller, buyer, language, vat: vatTreatment(buyer.country, buyer.vatNumber, settings.vatRateBp) };
}

/**
 * Swedish VAT on an invoice in euros is also stated in kronor, at the operator's rate (kept on the
 * invoice): VAT in cents × SEK per EUR = VAT in öre, rounded once. Null when there is no VAT, the invoice
 * is in SEK, or no rate is set.
 */
export function vatInSek(currency: Currency, vatMinor: number, rateE4: number | null): { rateE4: number; vatMinor: number } | null {
	if (currency !== 'EUR' || vatMinor === 0 || rateE4 === null) return null;
	return { rateE4, vatMinor: divideRounded(vatMinor * rateE4, 10_000) };
}

/** The next number of the one sequence of invoices and credit notes: taken in `trx`, so a rollback leaves no gap. */
export async function nextInvoiceNumber(trx: Trx): Promise<number> {
	const r = await sql<{ last_number: number }>`UPDATE invoice_counter SET last_number = last_number + 1 RETURNING last_number`.execute(trx);
	return Number(r.rows[0].last_number);
}

/**
 * Issues one invoice (lines billing seats) or credit note (`credits`: the invoice it cancels, lines
 * negated) in `trx`, with the buyer's details and VAT as they are today, and records it in the audit log.
 */
export async function issueDocument(
	trx: Trx,
	opts: {
		organizationId: string;
		reason: InvoiceReason;
		period: Period;
		currency: Currency;
		lines: Line[];
		today: string;
		actor: string;
		/** A credit note: the invoice it cancels, whose parties, language, VAT and exchange rate it repeats. */
		credits?: Parties & { id: string; sekPerEurE4: number | null };
	}
): Promise<IssuedInvoice> {
	const settings = await billingSettings(trx);
	const parties = opts.credits ?? (await partiesToday(trx, opts.organizationId, settings));
	const { seller, buyer, language, vat } = parties;
	const number = await nextInvoiceNumber(trx);
	const net = opts.lines.reduce((s, l) => s + l.amount, 0);
	const vatMinor = vatOf(net, vat.rateBp);
	const credit = opts.credits !== undefined;
	const sek = vatInSek(opts.currency, vatMinor, credit ? opts.credits!.sekPerEurE4 : settings.sekPerEurE4);
	const invoice = await trx
		.insertInto('invoices')
		.values({
			organization_id: opts.organizationId,
			number,
			kind: credit ? 'credit_note' : 'invoice',
			reason: opts.reason,
			credits_id: opts.credits?.id ?? null,
			issued_on: opts.today,
			due_on: credit ? opts.today : addDays(opts.today, settings.paymentTermsDays),
			period_start: opts.period.start,
			period_end: opts.period.end,
			currency: opts.currency,
			language,
			seller: JSON.stringify(seller),
			buyer: JSON.stringify(buyer),
			vat_treatment: vat.treatment,
			vat_rate_bp: vat.rateBp,
			net_minor: net,
			vat_minor: vatMinor,
			total_minor: net + vatMinor,
			sek_per_eur_e4: sek?.rateE4 ?? null,
			vat_sek_minor: sek?.vatMinor ?? null,
			payment_reference: paymentReference(number, opts.currency),
			e_invoice: buyer.peppolId !== '',
			created_by: opts.actor
		})
		.returning(['id'])
		.executeTakeFirstOrThrow();
	await trx
		.insertInto('invoice_lines')
		.values(
			opts.lines.map((l, i) => ({
				organization_id: opts.organizationId,
				invoice_id: invoice.id,
				position: i + 1,
				from_on: l.fromOn,
				to_on: l.toOn,
				days: l.days,
				period_days: l.periodDays,
				users: l.users,
				unit_price_minor: l.unitPrice,
				amount_minor: l.amount
			}))
		)
		.execute();
	await recordAudit(
		{
			organizationId: opts.organizationId,
			actor: opts.actor,
			action: credit ? 'credit_note_issued' : 'invoice_issued',
			target: `${number}`,
			details: { total: net + vatMinor, currency: opts.currency, reason: opts.reason }
		},
		trx
	);
	return { id: invoice.id, number, totalMinor: net + vatMinor };
}
