/**
 * Issued invoices and credit notes as an SIE 4 file (type 4i: vouchers for an accounting program to import),
 * in SIE's own encoding PC8 (code page 437, so å ä ö are the bytes Swedish programs expect).
 *
 * Accounts from the BAS chart of accounts (the plan almost every Swedish company keeps):
 *   1510 Kundfordringar — the amount to pay, debit;
 *   3001 Försäljning inom Sverige, 25 % moms (Swedish VAT) · 3308 Försäljning tjänster till annat EU-land
 *   (reverse charge) · 3305 Försäljning tjänster till land utanför EU — the net, credit;
 *   2611 Utgående moms på försäljning inom Sverige, 25 % — the VAT, credit.
 * A credit note books the same rows with its negative amounts, so it reverses its invoice.
 *
 * SIE 4 has one currency per file and no exchange rate per voucher. SEK documents are vouchers of series
 * "F" in SEK. EUR documents are kept apart in series "E" with their EUR amounts, and each voucher's text
 * says so: SOS keeps no exchange rates, so the bookkeeper converts them to SEK (at the rate of the day the
 * invoice was issued) before they are final. Nothing here pretends they are SEK.
 */
import iconv from 'iconv-lite';
import type { Seller, VatTreatment } from '$lib/billing';
import { ConflictError } from '$lib/server/errors';
import type { InvoiceDocument } from './queries';
import { decimal } from './money';
import { addDays } from './dates';

export const SIE_ACCOUNTS: Record<string, string> = {
	'1510': 'Kundfordringar',
	'2611': 'Utgående moms på försäljning inom Sverige, 25 %',
	'2621': 'Utgående moms på försäljning inom Sverige, 12 %',
	'2631': 'Utgående moms på försäljning inom Sverige, 6 %',
	'3001': 'Försäljning inom Sverige, 25 % moms',
	'3002': 'Försäljning inom Sverige, 12 % moms',
	'3003': 'Försäljning inom Sverige, 6 % moms',
	'3305': 'Försäljning tjänster till land utanför EU',
	'3308': 'Försäljning tjänster till annat EU-land'
};

/** Sales and output VAT accounts by Swedish VAT rate (SOS sells at 25 %; the others are Sweden's reduced rates). */
const DOMESTIC: Record<number, { sales: string; vat: string }> = {
	2500: { sales: '3001', vat: '2611' },
	1200: { sales: '3002', vat: '2621' },
	600: { sales: '3003', vat: '2631' }
};

function accounts(treatment: VatTreatment, rateBp: number): { sales: string; vat: string | null } {
	if (treatment === 'reverse_charge') return { sales: '3308', vat: null };
	if (treatment === 'outside_eu') return { sales: '3305', vat: null };
	const domestic = DOMESTIC[rateBp];
	if (!domestic) throw new ConflictError('vat_rate_unmapped', `No BAS accounts for a Swedish VAT rate of ${rateBp / 100} %.`);
	return domestic;
}

/** A quoted SIE field: a quote inside is escaped with a backslash, control characters are dropped. */
const quoted = (s: string) => `"${s.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/[\\"]/g, (c) => `\\${c}`)}"`;
const sieDate = (d: string) => d.replaceAll('-', '');

/** The voucher's text: which document, for whom, and (for EUR) that its amounts are not SEK. */
function voucherText(d: InvoiceDocument): string {
	const what =
		d.kind === 'credit_note'
			? `Kreditfaktura ${d.number} ${d.buyer.legalName} (krediterar faktura ${d.creditsNumber})`
			: `Faktura ${d.number} ${d.buyer.legalName}`;
	return d.currency === 'SEK' ? what : `${what}, belopp i ${d.currency}`;
}

export function invoicesSie(docs: InvoiceDocument[], opts: { from: string; to: string; generatedOn: string; seller: Seller; program?: string }): Buffer {
	// One financial year per file: the calendar year of the range (SOS's books follow the calendar year).
	const year = opts.from.slice(0, 4);
	if (addDays(opts.to, -1).slice(0, 4) !== year)
		throw new ConflictError('sie_one_year', 'An SIE file covers one financial year: export one calendar year at a time.');
	const vouchers: string[] = [];
	const used = new Set<string>();
	for (const d of docs) {
		const { sales, vat } = accounts(d.vatTreatment, d.vatRateBp);
		const rows: [string, number][] = [
			['1510', d.totalMinor],
			[sales, -d.netMinor]
		];
		if (vat && d.vatMinor !== 0) rows.push([vat, -d.vatMinor]);
		rows.forEach(([account]) => used.add(account));
		vouchers.push(
			`#VER ${quoted(d.currency === 'SEK' ? 'F' : 'E')} ${quoted(String(d.number))} ${sieDate(d.issuedOn)} ${quoted(voucherText(d))}`,
			'{',
			...rows.map(([account, minor]) => `\t#TRANS ${account} {} ${decimal(minor)}`),
			'}'
		);
	}
	const orgNumber = opts.seller.organizationNumber.replace(/[^\d-]/g, '');
	const lines = [
		'#FLAGGA 0',
		'#FORMAT PC8',
		'#SIETYP 4',
		`#PROGRAM ${quoted(opts.program ?? 'SOS')} "1.0"`,
		`#GEN ${sieDate(opts.generatedOn)}`,
		`#FNAMN ${quoted(opts.seller.name)}`,
		...(orgNumber ? [`#ORGNR ${orgNumber}`] : []),
		`#RAR 0 ${year}0101 ${year}1231`,
		...[...used].sort().map((a) => `#KONTO ${a} ${quoted(SIE_ACCOUNTS[a])}`),
		...vouchers
	];
	return iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp437');
}
