import { z } from 'zod';
import { db, type Db } from '$lib/server/db';
import { fields, parse } from '$lib/server/validation';
import { recordAudit } from '$lib/server/audit/record';
import { currencies, type Currency, type Seller } from '$lib/billing';
import { normalizeVatNumber } from './vat';

export interface BillingSettings {
	seller: Seller | null;
	paymentTermsDays: number;
	minimumUsers: number;
	trialMonths: number;
	trialUserLimit: number;
	lapseAfterDays: number;
	vatRateBp: number;
	/** Kronor per euro × 10 000 (11.2345 → 112345), for stating Swedish VAT in SEK on invoices in EUR; null until set. */
	sekPerEurE4: number | null;
	prices: Record<Currency, number>;
}

/** The operator's billing settings and price list. */
export async function billingSettings(executor: Db = db()): Promise<BillingSettings> {
	const s = await executor.selectFrom('billing_settings').selectAll().executeTakeFirstOrThrow();
	const prices = await executor.selectFrom('price_lists').select(['currency', 'unit_price_minor']).execute();
	return {
		seller: s.seller,
		paymentTermsDays: s.payment_terms_days,
		minimumUsers: s.minimum_users,
		trialMonths: s.trial_months,
		trialUserLimit: s.trial_user_limit,
		lapseAfterDays: s.lapse_after_days,
		vatRateBp: s.vat_rate_bp,
		sekPerEurE4: s.sek_per_eur_e4,
		prices: Object.fromEntries(prices.map((p) => [p.currency, p.unit_price_minor])) as Record<Currency, number>
	};
}

const line = z.string().trim().max(200, 'At most 200 characters');
const sellerInput = z.strictObject({
	name: fields.name,
	address: z.string().trim().min(1, 'Required').max(500, 'At most 500 characters'),
	country: z
		.string()
		.trim()
		.toUpperCase()
		.regex(/^[A-Z]{2}$/, 'Use a two-letter country code, e.g. SE'),
	organizationNumber: line.min(1, 'Required'),
	vatNumber: line.min(1, 'Required').transform(normalizeVatNumber),
	email: fields.email,
	bankgiro: line.regex(/^(\d{3,4}-\d{4})?$/, 'Write a bankgiro number as 123-4567 or 1234-5678'),
	iban: line.transform((v) => v.replace(/\s/g, '').toUpperCase()).pipe(z.string().regex(/^([A-Z]{2}\d{2}[A-Z0-9]{10,30})?$/, 'Not an IBAN')),
	bic: line.transform((v) => v.toUpperCase()).pipe(z.string().regex(/^([A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?)?$/, 'Not a BIC'))
});

const minor = (max: number) => z.coerce.number().int('Whole numbers only').min(1, 'At least 1').max(max, `At most ${max}`);
const price = z.coerce
	.number()
	.positive('More than zero')
	.max(100_000, 'At most 100000')
	.transform((v) => Math.round(v * 100));

const exchangeRate = z
	.union([z.literal(''), z.null(), z.coerce.number().positive('More than zero').max(10_000, 'At most 10000')])
	.transform((v) => (v === '' || v === null ? null : Math.round(v * 10_000)));

export const settingsInput = z
	.strictObject({
		seller: sellerInput,
		paymentTermsDays: z.coerce.number().int().min(0).max(120, 'At most 120 days'),
		minimumUsers: minor(1000),
		trialMonths: z.coerce.number().int().min(0).max(12, 'At most 12 months'),
		trialUserLimit: minor(100_000),
		lapseAfterDays: z.coerce.number().int().min(0).max(365, 'At most 365 days'),
		prices: z.strictObject({ EUR: price, SEK: price }),
		sekPerEur: exchangeRate.optional()
	})
	.refine((s) => !s.seller.iban || !!s.seller.bic, { message: 'An IBAN needs its BIC', path: ['seller', 'bic'] })
	.refine((s) => !!s.seller.bankgiro || !!s.seller.iban, { message: 'Give a bankgiro number or an IBAN', path: ['seller', 'bankgiro'] });

/** The operator saves the seller's details, terms and prices (prices as decimal amounts per user and month). */
export async function saveBillingSettings(opts: { actor: string; input: unknown }, executor: Db = db()): Promise<void> {
	const input = parse(settingsInput, opts.input);
	await executor.transaction().execute(async (trx) => {
		await trx
			.updateTable('billing_settings')
			.set({
				seller: JSON.stringify(input.seller),
				payment_terms_days: input.paymentTermsDays,
				minimum_users: input.minimumUsers,
				trial_months: input.trialMonths,
				trial_user_limit: input.trialUserLimit,
				lapse_after_days: input.lapseAfterDays,
				...(input.sekPerEur !== undefined && { sek_per_eur_e4: input.sekPerEur }),
				updated_at: new Date(),
				updated_by: opts.actor
			})
			.execute();
		for (const currency of currencies)
			await trx
				.updateTable('price_lists')
				.set({ unit_price_minor: input.prices[currency], updated_at: new Date(), updated_by: opts.actor })
				.where('currency', '=', currency)
				.execute();
		await recordAudit(
			{
				organizationId: null,
				actor: opts.actor,
				action: 'billing_settings_changed',
				details: { prices: input.prices, terms: input.paymentTermsDays, sekPerEurE4: input.sekPerEur }
			},
			trx
		);
	});
}
