/** Billing's amounts and dates on pages (browser-safe; the server's documents format through it too, billing/money.ts). */

/** 1234.5 EUR as "1,234.50 EUR" (en) or "1 234,50 EUR" (sv). */
export function money(minor: number, currency: string, locale: string): string {
	const n = new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100);
	return `${n} ${currency}`;
}

/** A plain date ('2027-01-31') as "31 Jan 2027" (en) or "31 jan. 2027" (sv), never shifted by a time zone. */
export function day(date: string, locale: string): string {
	return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** A month ('2027-01') as "Jan 2027" / "jan. 2027". */
export function monthLabel(month: string, locale: string): string {
	return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(`${month}-01T00:00:00Z`)
	);
}

/** A VAT rate in basis points as a percentage: 2500 → "25 %". */
export const percent = (bp: number, locale: string): string =>
	`${new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2 }).format(bp / 100)} %`;
