import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { billingDocument, SELLER } from '$tests/billing-documents';
import type { InvoiceDocument } from './queries';
import { SIE_ACCOUNTS, invoicesSie } from './sie';
import { decimal } from './money';

const OPTS = { from: '2027-01-01', to: '2028-01-01', generatedOn: '2027-03-01', seller: SELLER };

/** An SIE line's fields: words, quoted strings (with \" inside) and {} object lists; throws on an unclosed quote. */
function fields(line: string): string[] {
	const out: string[] = [];
	const re = /\s*("((?:\\.|[^"\\])*)"|\{[^}]*\}|[^\s"{}]+)/y;
	let m: RegExpExecArray | null;
	while ((m = re.exec(line))) {
		out.push(m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[1]);
		if (re.lastIndex === line.length) return out;
	}
	if (line.slice(re.lastIndex).trim()) throw new Error(`Not SIE: ${line}`);
	return out;
}

const validDate = (d: string) =>
	/^\d{8}$/.test(d) && new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T00:00:00Z`).toISOString().slice(0, 10).replaceAll('-', '') === d;

interface Voucher {
	series: string;
	number: string;
	date: string;
	text: string;
	trans: { account: string; cents: number }[];
}

/** The file decoded as PC8 and checked line by line against SIE 4's rules; its vouchers and accounts. */
function read(file: Buffer) {
	const text = iconv.decode(file, 'cp437');
	expect(text.endsWith('\r\n')).toBe(true);
	const lines = text.slice(0, -2).split('\r\n');
	expect(lines[0]).toBe('#FLAGGA 0');
	const labels = new Map<string, string[]>();
	const accounts = new Map<string, string>();
	const vouchers: Voucher[] = [];
	let open: Voucher | null = null;
	for (const [i, line] of lines.entries()) {
		if (line === '{') {
			expect(lines[i - 1].startsWith('#VER'), 'a block follows a voucher').toBe(true);
			continue;
		}
		if (line === '}') {
			expect(open).not.toBeNull();
			// Each voucher balances: debit equals credit.
			expect(open!.trans.reduce((s, t) => s + t.cents, 0)).toBe(0);
			vouchers.push(open!);
			open = null;
			continue;
		}
		const [label, ...rest] = fields(line.trim());
		expect(['#FLAGGA', '#FORMAT', '#SIETYP', '#PROGRAM', '#GEN', '#FNAMN', '#ORGNR', '#RAR', '#KONTO', '#VER', '#TRANS']).toContain(label);
		if (label === '#TRANS') {
			expect(lines.slice(0, i).lastIndexOf('{')).toBeGreaterThan(lines.slice(0, i).lastIndexOf('}'));
			const [account, objects, amount] = rest;
			expect(objects).toBe('{}');
			expect(amount).toMatch(/^-?\d+\.\d{2}$/);
			open!.trans.push({ account, cents: Math.round(Number(amount) * 100) });
			continue;
		}
		if (label === '#VER') {
			const [series, number, date, vtext] = rest;
			expect(validDate(date), date).toBe(true);
			open = { series, number, date, text: vtext, trans: [] };
			expect(lines[i + 1]).toBe('{');
			continue;
		}
		if (label === '#KONTO') accounts.set(rest[0], rest[1]);
		else labels.set(label, rest);
	}
	expect(open).toBeNull();
	return { text, labels, accounts, vouchers };
}

const docs = (): InvoiceDocument[] => [
	billingDocument({ treatment: 'standard', number: 1001 }),
	billingDocument({ treatment: 'reverse_charge', number: 1002 }),
	billingDocument({ treatment: 'standard', kind: 'credit_note', number: 1001 }),
	billingDocument({ treatment: 'outside_eu', number: 1004 })
];

describe('the SIE 4 export', () => {
	it('writes the identification posts, one #KONTO per account used, and balanced vouchers', () => {
		const { labels, accounts, vouchers } = read(invoicesSie(docs(), OPTS));
		expect(labels.get('#FORMAT')).toEqual(['PC8']);
		expect(labels.get('#SIETYP')).toEqual(['4']);
		expect(labels.get('#PROGRAM')?.[0]).toBe('SOS');
		expect(labels.get('#GEN')).toEqual(['20270301']);
		expect(labels.get('#ORGNR')).toEqual(['556677-8899']);
		expect(labels.get('#RAR')).toEqual(['0', '20270101', '20271231']);
		const used = new Set(vouchers.flatMap((v) => v.trans.map((t) => t.account)));
		expect([...accounts.keys()].sort()).toEqual([...used].sort());
		for (const [account, name] of accounts) expect(name).toBe(SIE_ACCOUNTS[account]);
		expect(vouchers).toHaveLength(4);
		for (const v of vouchers) expect(v.date >= '20270101' && v.date <= '20271231').toBe(true);
	});

	it('books an invoice with Swedish VAT: receivable debit, sales and VAT credit', () => {
		const [inv, , credit] = docs();
		const { vouchers } = read(invoicesSie(docs(), OPTS));
		const v = vouchers.find((x) => x.series === 'F' && x.number === '1001')!;
		expect(v.date).toBe('20270101');
		expect(v.text).toBe('Faktura 1001 Ängby Försäljning AB');
		expect(v.trans).toEqual([
			{ account: '1510', cents: inv.totalMinor },
			{ account: '3001', cents: -inv.netMinor },
			{ account: '2611', cents: -inv.vatMinor }
		]);
		// The credit note reverses it, in the same series and sequence.
		const c = vouchers.find((x) => x.number === '1003')!;
		expect(c.series).toBe('F');
		expect(c.text).toBe('Kreditfaktura 1003 Ängby Försäljning AB (krediterar faktura 1001)');
		expect(c.trans).toEqual([
			{ account: '1510', cents: credit.totalMinor },
			{ account: '3001', cents: -credit.netMinor },
			{ account: '2611', cents: -credit.vatMinor }
		]);
		expect(c.trans[0].cents).toBe(-inv.totalMinor);
	});

	it('keeps EUR documents in their own series, says their amounts are EUR, and books them without VAT', () => {
		const [, rc, , outside] = docs();
		const { vouchers, text } = read(invoicesSie(docs(), OPTS));
		const eu = vouchers.find((x) => x.number === '1002')!;
		expect(eu.series).toBe('E');
		expect(eu.text).toBe('Faktura 1002 Müller & Söhne <GmbH>, belopp i EUR');
		expect(eu.trans).toEqual([
			{ account: '1510', cents: rc.totalMinor },
			{ account: '3308', cents: -rc.netMinor }
		]);
		const us = vouchers.find((x) => x.number === '1004')!;
		expect(us.series).toBe('E');
		expect(us.trans).toEqual([
			{ account: '1510', cents: outside.totalMinor },
			{ account: '3305', cents: -outside.netMinor }
		]);
		expect(text).toContain(`#TRANS 3305 {} -${decimal(outside.netMinor)}`);
	});

	it('encodes å ä ö as code page 437 and escapes quotes in texts', () => {
		const doc = billingDocument();
		const file = invoicesSie([{ ...doc, buyer: { ...doc.buyer, legalName: 'Åre "Bästa" Sälj\\AB\n' } }], OPTS);
		// Ö 0x99, å 0x86, ä 0x84 (not UTF-8's two bytes, not Latin-1's 0xd6 0xe5 0xe4).
		expect(file.includes(Buffer.from([0x23, 0x46, 0x4e, 0x41, 0x4d, 0x4e, 0x20, 0x22, 0x99]))).toBe(true);
		expect(file.includes(Buffer.from('Ã', 'latin1'))).toBe(false);
		const { labels, accounts, vouchers } = read(file);
		expect(labels.get('#FNAMN')).toEqual(['Öresund Säljledning AB']);
		expect(accounts.get('2611')).toBe('Utgående moms på försäljning inom Sverige, 25 %');
		expect(vouchers[0].text).toBe('Faktura 1001 Åre "Bästa" Sälj\\AB ');
		expect(iconv.decode(file, 'cp437')).toContain('"Faktura 1001 Åre \\"Bästa\\" Sälj\\\\AB "');
	});

	it('writes an empty export as identification posts only, and refuses a range across two years', () => {
		const { vouchers, accounts } = read(invoicesSie([], OPTS));
		expect(vouchers).toEqual([]);
		expect(accounts.size).toBe(0);
		expect(() => invoicesSie([], { ...OPTS, from: '2027-12-01', to: '2028-02-01' })).toThrow(/one financial year/);
	});
});
