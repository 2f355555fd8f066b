import type { VatTreatment } from '$lib/billing';

/**
 * VAT on SOS's invoices. SOS is a Swedish seller of an electronic service to businesses:
 * - a Swedish buyer pays Swedish VAT;
 * - a business elsewhere in the EU with a VAT number of valid format is invoiced without VAT, the buyer
 *   accounting for it (reverse charge, Article 196 of the VAT Directive 2006/112/EC);
 * - an EU buyer without one pays Swedish VAT (the seller cannot show it sells to a business);
 * - a buyer outside the EU pays no VAT (the service is supplied where the buyer is).
 * Only the format of a VAT number is checked here, not whether the number is registered (VIES).
 */

/** The VAT number formats of the EU member states, after their prefix (Greece's is EL). */
const FORMATS: Record<string, RegExp> = {
	AT: /^U\d{8}$/,
	BE: /^[01]\d{9}$/,
	BG: /^\d{9,10}$/,
	CY: /^\d{8}[A-Z]$/,
	CZ: /^\d{8,10}$/,
	DE: /^\d{9}$/,
	DK: /^\d{8}$/,
	EE: /^\d{9}$/,
	EL: /^\d{9}$/,
	ES: /^[0-9A-Z]\d{7}[0-9A-Z]$/,
	FI: /^\d{8}$/,
	FR: /^[0-9A-HJ-NP-Z]{2}\d{9}$/,
	HR: /^\d{11}$/,
	HU: /^\d{8}$/,
	IE: /^(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$/,
	IT: /^\d{11}$/,
	LT: /^(\d{9}|\d{12})$/,
	LU: /^\d{8}$/,
	LV: /^\d{11}$/,
	MT: /^\d{8}$/,
	NL: /^\d{9}B\d{2}$/,
	PL: /^\d{10}$/,
	PT: /^\d{9}$/,
	RO: /^\d{2,10}$/,
	SE: /^\d{10}01$/,
	SI: /^\d{8}$/,
	SK: /^\d{10}$/
};

/** The EU member states by ISO 3166 code (Greece is GR here, EL in VAT numbers). */
export const EU_COUNTRIES = new Set(Object.keys(FORMATS).map((c) => (c === 'EL' ? 'GR' : c)));

const vatPrefix = (country: string) => (country === 'GR' ? 'EL' : country);

/** A VAT number as written on invoices: capitals, no spaces, dots or dashes ("se 556677-8899 01" → "SE556677889901"). */
export const normalizeVatNumber = (v: string): string => v.toUpperCase().replace(/[\s.-]/g, '');

/** Whether `vatNumber` has the valid format of a VAT number of `country` (an EU member state), its prefix included. */
export function isValidVatFormat(country: string, vatNumber: string): boolean {
	const prefix = vatPrefix(country);
	const format = FORMATS[prefix];
	const v = normalizeVatNumber(vatNumber);
	return !!format && v.startsWith(prefix) && format.test(v.slice(prefix.length));
}

/** How VAT applies to a buyer in `country` with `vatNumber` (possibly empty), and its rate in basis points. */
export function vatTreatment(country: string, vatNumber: string, swedishRateBp: number): { treatment: VatTreatment; rateBp: number } {
	if (country === 'SE') return { treatment: 'standard', rateBp: swedishRateBp };
	if (!EU_COUNTRIES.has(country)) return { treatment: 'outside_eu', rateBp: 0 };
	if (isValidVatFormat(country, vatNumber)) return { treatment: 'reverse_charge', rateBp: 0 };
	return { treatment: 'standard', rateBp: swedishRateBp };
}
