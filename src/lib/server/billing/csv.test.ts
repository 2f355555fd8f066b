import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { billingDocument } from '$tests/billing-documents';
import { INVOICE_CSV_COLUMNS, invoicesCsv } from './csv';

const rows = (csv: string): Record<string, string>[] => parse(csv, { bom: true, columns: true, skip_empty_lines: true });

describe('the invoices CSV', () => {
	it('writes one row per document with its figures as decimals', () => {
		const inv = { ...billingDocument({ treatment: 'standard' }), paidOn: '2027-01-20' };
		const credit = billingDocument({ treatment: 'standard', kind: 'credit_note' });
		const eu = billingDocument({ treatment: 'reverse_charge', number: 1002 });
		const csv = invoicesCsv([inv, eu, credit]);
		expect(csv.startsWith('\uFEFFnumber,kind,')).toBe(true);
		expect(csv.split('\r\n')[0].replace('\uFEFF', '').split(',')).toEqual([...INVOICE_CSV_COLUMNS]);
		const [a, b, c] = rows(csv);
		expect(a).toEqual({
			number: '1001',
			kind: 'invoice',
			credits_number: '',
			issued_on: '2027-01-01',
			due_on: '2027-01-31',
			organization: 'Ängby',
			legal_name: 'Ängby Försäljning AB',
			country: 'SE',
			vat_number: 'SE556000000101',
			vat_treatment: 'standard',
			currency: 'SEK',
			net: '2811.85',
			vat: '702.96',
			total: '3514.81',
			paid_on: '2027-01-20',
			reference: inv.paymentReference,
			vat_sek: '',
			sek_per_eur: ''
		});
		expect(Number(a.net) + Number(a.vat)).toBeCloseTo(Number(a.total), 2);
		expect(b).toMatchObject({ legal_name: 'Müller & Söhne <GmbH>', vat_treatment: 'reverse_charge', currency: 'EUR', vat: '0.00', total: '288.39' });
		expect(c).toMatchObject({ number: '1003', kind: 'credit_note', credits_number: '1001', net: '-2811.85', vat: '-702.96', total: '-3514.81', paid_on: '' });
		// Swedish VAT in EUR: also in SEK, at the rate used (72.10 EUR × 11.2345 = 810.01 SEK).
		const [eur] = rows(invoicesCsv([billingDocument({ treatment: 'standard', currency: 'EUR' })]));
		expect(eur).toMatchObject({ currency: 'EUR', vat: '72.10', vat_sek: '810.01', sek_per_eur: '11.2345' });
	});

	it('quotes separators and line breaks, and keeps text from being run as a formula', () => {
		const doc = billingDocument();
		const csv = invoicesCsv([
			{ ...doc, buyer: { ...doc.buyer, organizationName: '=HYPERLINK("http://x.example","Click")', legalName: 'Acme, "Nordic"\nAB', vatNumber: '+46' } }
		]);
		const [row] = rows(csv);
		expect(row.organization).toBe(`'=HYPERLINK("http://x.example","Click")`);
		expect(row.legal_name).toBe('Acme, "Nordic"\nAB');
		expect(row.vat_number).toBe(`'+46`);
		// Amounts are numbers, written as they are (a negative number is not a formula).
		expect(invoicesCsv([billingDocument({ kind: 'credit_note' })])).toContain(',-3514.81,');
	});

	it('writes only the header for no documents', () => {
		expect(invoicesCsv([])).toBe(`\uFEFF${INVOICE_CSV_COLUMNS.join(',')}\r\n`);
	});
});
