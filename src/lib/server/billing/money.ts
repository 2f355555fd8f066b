import { money } from '$lib/billing/format';

/**
 * Money is integers in minor units (cents, öre). One rounding rule everywhere: half away from zero, once
 * per invoice line and once for each VAT amount — never on sums, so totals are the sums of their parts.
 */

/** `num / den` rounded half away from zero; exact for integers up to 2^53. */
export function divideRounded(num: number, den: number): number {
	const sign = Math.sign(num) * Math.sign(den);
	const [n, d] = [Math.abs(num), Math.abs(den)];
	const q = Math.floor(n / d);
	return sign * (2 * (n - q * d) >= d ? q + 1 : q);
}

/**
 * A line's amount: `users` users at `unitPrice` per user and month, for `days` of a 12-month period of
 * `periodDays` days — users × unit price × 12 × days ÷ period days, rounded once.
 */
export const lineAmount = (users: number, unitPrice: number, days: number, periodDays: number): number =>
	divideRounded(users * unitPrice * 12 * days, periodDays);

/** VAT at `rateBp` basis points (2500 = 25 %) on a net amount, rounded once. */
export const vatOf = (net: number, rateBp: number): number => divideRounded(net * rateBp, 10_000);

/** A human amount: 1234.5 EUR as "1,234.50 EUR" (en) or "1 234,50 EUR" (sv) — the pages' own format. */
export const formatMoney = (minor: number, currency: string, language: 'en' | 'sv' = 'en'): string => money(minor, currency, language);

/** An amount for machines (CSV, SIE, UBL): "1234.50", "-12.00". */
export const decimal = (minor: number): string =>
	`${minor < 0 ? '-' : ''}${Math.floor(Math.abs(minor) / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')}`;
