/**
 * Payment references a bank checks: a Swedish OCR number for SEK invoices (bankgiro), an ISO 11649 RF
 * creditor reference for EUR invoices (SEPA). Both carry the invoice number and check digits.
 */

/** The Luhn (mod 10) check digit of a digit string. */
export function luhnDigit(digits: string): number {
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let d = Number(digits[digits.length - 1 - i]);
		if (i % 2 === 0) d *= 2;
		sum += d > 9 ? d - 9 : d;
	}
	return (10 - (sum % 10)) % 10;
}

/** OCR with a length digit and a check digit (bankgiro's "hard check"): number, length mod 10, Luhn. */
export function ocrReference(invoiceNumber: number): string {
	const base = String(invoiceNumber);
	const withLength = base + String((base.length + 2) % 10);
	return withLength + luhnDigit(withLength);
}

/** Whether `ref` is a valid OCR reference (its Luhn check digit and length digit hold). */
export function isOcrReference(ref: string): boolean {
	return /^\d{3,25}$/.test(ref) && luhnDigit(ref.slice(0, -1)) === Number(ref.at(-1)) && Number(ref.at(-2)) === ref.length % 10;
}

/** ISO 7064 mod 97 of a string of digits and capital letters (A = 10 … Z = 35). */
function mod97(s: string): number {
	let rem = 0;
	for (const ch of s) {
		const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
		for (const digit of v) rem = (rem * 10 + Number(digit)) % 97;
	}
	return rem;
}

/** RF creditor reference (ISO 11649): "RF" + two check digits + the invoice number. */
export function rfReference(invoiceNumber: number): string {
	const ref = String(invoiceNumber);
	const check = 98 - mod97(`${ref}RF00`);
	return `RF${String(check).padStart(2, '0')}${ref}`;
}

export const isRfReference = (ref: string): boolean => /^RF\d{2}[0-9A-Z]{1,21}$/.test(ref) && mod97(ref.slice(4) + ref.slice(0, 4)) === 1;

export const paymentReference = (invoiceNumber: number, currency: 'EUR' | 'SEK'): string =>
	currency === 'SEK' ? ocrReference(invoiceNumber) : rfReference(invoiceNumber);
