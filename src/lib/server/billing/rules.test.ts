import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, monthsSince } from './dates';
import { decimal, divideRounded, formatMoney, lineAmount, vatOf } from './money';
import { isOcrReference, isRfReference, ocrReference, rfReference } from './reference';
import { isValidVatFormat, normalizeVatNumber, vatTreatment } from './vat';

describe('VAT by buyer', () => {
	it.each([
		['a Swedish company', 'SE', 'SE556677889901', 'standard', 2500],
		['a Swedish company without a VAT number', 'SE', '', 'standard', 2500],
		['a German business with a VAT number', 'DE', 'DE123456789', 'reverse_charge', 0],
		['a Greek business (EL prefix)', 'GR', 'EL123456789', 'reverse_charge', 0],
		['a Dutch business, number written with spaces and dots', 'NL', 'nl 1234.56789.B01', 'reverse_charge', 0],
		['a German business whose number has a wrong format', 'DE', 'DE12345', 'standard', 2500],
		['a German buyer with a French number', 'DE', 'FRXX123456789', 'standard', 2500],
		['an EU buyer without a VAT number', 'FI', '', 'standard', 2500],
		['a Norwegian business (outside the EU)', 'NO', 'NO123456789MVA', 'outside_eu', 0],
		['a British business (outside the EU)', 'GB', 'GB123456789', 'outside_eu', 0],
		['a US business', 'US', '', 'outside_eu', 0]
	])('%s', (_, country, vat, treatment, rate) => {
		expect(vatTreatment(country, vat, 2500)).toEqual({ treatment, rateBp: rate });
	});

	it('normalises and checks formats per member state', () => {
		expect(normalizeVatNumber(' se 556677-8899 01 ')).toBe('SE556677889901');
		expect(isValidVatFormat('SE', 'SE556677889901')).toBe(true);
		expect(isValidVatFormat('SE', 'SE5566778899')).toBe(false);
		expect(isValidVatFormat('AT', 'ATU12345678')).toBe(true);
		expect(isValidVatFormat('FR', 'FR12345678901')).toBe(true);
		expect(isValidVatFormat('US', 'US123')).toBe(false);
	});
});

describe('money', () => {
	it('rounds half away from zero, the same for credits', () => {
		expect(divideRounded(5, 2)).toBe(3);
		expect(divideRounded(-5, 2)).toBe(-3);
		expect(divideRounded(4, 3)).toBe(1);
		expect(divideRounded(-4, 3)).toBe(-1);
	});

	it('bills a whole period at exactly 12 months and a part pro rata by days', () => {
		expect(lineAmount(7, 400, 365, 365)).toBe(7 * 400 * 12);
		expect(lineAmount(1, 400, 100, 365)).toBe(1315); // 4800 × 100 / 365 = 1315.07
		expect(lineAmount(1, 3900, 183, 366)).toBe(23400); // half a leap year
		expect(vatOf(1315, 2500)).toBe(329); // 328.75
		expect(vatOf(-1315, 2500)).toBe(-329);
	});

	it('writes amounts for people and for machines', () => {
		expect(formatMoney(123456, 'EUR', 'en')).toBe('1,234.56 EUR');
		expect(formatMoney(123456, 'SEK', 'sv').replace(/\s/g, ' ')).toBe('1 234,56 SEK');
		expect(decimal(-1205)).toBe('-12.05');
		expect(decimal(7)).toBe('0.07');
	});
});

describe('calendar', () => {
	it('counts months and days as a calendar does', () => {
		expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
		expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
		expect(addMonths('2027-03-15', 12)).toBe('2028-03-15');
		expect(daysBetween('2027-03-15', '2028-03-15')).toBe(366);
		expect(monthsSince('2027-01-15', '2027-02-14')).toBe(0);
		expect(monthsSince('2027-01-15', '2027-02-15')).toBe(1);
	});
});

describe('payment references', () => {
	it('makes OCR numbers a bank accepts (length and Luhn check digits)', () => {
		expect(ocrReference(1234)).toBe('123463'); // 1234, length 6, Luhn 3
		for (const n of [1, 17, 999, 123456, 98765432]) expect(isOcrReference(ocrReference(n))).toBe(true);
		expect(isOcrReference('123461')).toBe(false);
	});

	it('makes RF creditor references (ISO 11649)', () => {
		expect(rfReference(539007547034)).toBe('RF18539007547034'); // the standard's own example
		for (const n of [1, 42, 1234567]) expect(isRfReference(rfReference(n))).toBe(true);
		expect(isRfReference('RF19539007547034')).toBe(false);
	});
});
