/**
 * An issued invoice or credit note as an A4 PDF in its own language (pdfkit with the standard Helvetica
 * fonts, as the reports: they print å ä ö, and every string goes through `winAnsi`). It prints only what the
 * document holds, so a PDF made today is the same as one made when the document was issued.
 */
import PDFDocument from 'pdfkit';
import type { InvoiceDocument, InvoiceLine } from './queries';
import { addDays, daysBetween } from './dates';
import { formatMoney } from './money';
import { addressLines, countryName, exchangeRate, invoiceText, vatPercent, type InvoiceText } from './invoice-text';
import { CONTENT_WIDTH, INK, LEFT, PAGE, RIGHT, heightOf, onEveryPage, textAt, winAnsi, type Doc, type TextStyle } from '$lib/server/reports/pdf-layout';

const FOOTER_Y = PAGE.height - 58;
const BOTTOM = FOOTER_Y - 24;
const SHADE = '#f3f4f6';
const META_X = 330;

type Ctx = { pdf: Doc; doc: InvoiceDocument; txt: InvoiceText; money: (minor: number) => string };

export async function invoicePdf(doc: InvoiceDocument): Promise<Buffer> {
	const txt = invoiceText(doc.language);
	const title = doc.kind === 'credit_note' ? txt.creditNote : txt.invoice;
	const pdf: Doc = new PDFDocument({
		size: 'A4',
		margins: { top: 50, bottom: PAGE.height - BOTTOM, left: PAGE.margin, right: PAGE.margin },
		bufferPages: true,
		lang: doc.language === 'sv' ? 'sv-SE' : 'en-GB',
		displayTitle: true,
		info: { Title: winAnsi(`${title} ${doc.number}`), Author: winAnsi(doc.seller.name), Creator: 'SOS', CreationDate: new Date(`${doc.issuedOn}T12:00:00Z`) }
	});
	const done = collect(pdf);
	const ctx: Ctx = { pdf, doc, txt, money: (minor) => formatMoney(minor, doc.currency, doc.language) };
	const top = header(ctx, title);
	pdf.y = lines(ctx, top + 28);
	pdf.y = totals(ctx, pdf.y + 10);
	vatStatement(ctx);
	settlement(ctx);
	onEveryPage(pdf, (i, count) => footer(ctx, i, count));
	pdf.end();
	return done;
}

function collect(doc: Doc): Promise<Buffer> {
	const chunks: Buffer[] = [];
	return new Promise((resolve, reject) => {
		doc.on('data', (c: Buffer) => chunks.push(c));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
}

/** The last day of a period [from, to): the day before `to`. */
const lastDay = (toOn: string) => addDays(toOn, -1);
/** An IBAN in groups of four, as printed. */
const grouped = (iban: string) => iban.replace(/(.{4})(?=.)/g, '$1 ');
const period = (fromOn: string, toOn: string) => `${fromOn} – ${lastDay(toOn)}`;

/** Lines of text one under the other; returns the y below them. */
function stack(pdf: Doc, rows: { text: string; style?: TextStyle }[], x: number, y: number, width: number): number {
	for (const r of rows) if (r.text) y += textAt(pdf, r.text, x, y, width, { size: 8.5, ...r.style }) + 1.5;
	return y;
}

/** Seller (top left), title and the document's facts (top right), buyer (below): returns the y below all. */
function header({ pdf, doc, txt }: Ctx, title: string): number {
	const { seller, buyer } = doc;
	textAt(pdf, seller.name, LEFT, 50, 260, { size: 15, font: 'bold' });
	let left = stack(
		pdf,
		[...addressLines(seller.address), countryName(seller.country, doc.language)].map((text) => ({ text, style: { color: INK.muted } })),
		LEFT,
		72,
		260
	);
	left = stack(
		pdf,
		[`${txt.orgNumber} ${seller.organizationNumber}`, `${txt.vatNumber} ${seller.vatNumber}`, seller.email].map((text) => ({
			text,
			style: { color: INK.muted }
		})),
		LEFT,
		left + 3,
		260
	);

	textAt(pdf, title, META_X, 46, RIGHT - META_X, { size: 24, font: 'bold', align: 'right' });
	const facts: [string, string][] = [
		[txt.number, String(doc.number)],
		[txt.issued, doc.issuedOn],
		...(doc.kind === 'invoice' ? ([[txt.due, doc.dueOn]] as [string, string][]) : []),
		[doc.currency === 'SEK' ? txt.ocr : txt.reference, doc.paymentReference],
		[txt.period, period(doc.periodStart, doc.periodEnd)],
		...(doc.paidOn ? ([[txt.paidOn, doc.paidOn]] as [string, string][]) : [])
	];
	let right = 84;
	for (const [label, value] of facts) {
		textAt(pdf, label, META_X, right, 95, { size: 8.5, color: INK.muted });
		right += textAt(pdf, value, META_X + 95, right, RIGHT - META_X - 95, { size: 8.5, font: 'bold', align: 'right' }) + 3;
	}
	const note = doc.creditsNumber !== null ? txt.credits(doc.creditsNumber) : doc.creditedBy !== null ? txt.creditedBy(doc.creditedBy) : '';
	if (note) right += textAt(pdf, note, META_X, right + 4, RIGHT - META_X, { size: 8.5, font: 'bold', align: 'right', color: '#b91c1c' }) + 4;

	const y = Math.max(left, 140) + 18;
	textAt(pdf, txt.billTo.toUpperCase(), LEFT, y, 260, { size: 7, font: 'bold', color: INK.muted });
	const below = stack(
		pdf,
		[
			{ text: buyer.legalName, style: { size: 10.5, font: 'bold' } },
			...addressLines(buyer.address).map((text) => ({ text })),
			{ text: countryName(buyer.country, doc.language) },
			{ text: buyer.vatNumber ? `${txt.vatNumber} ${buyer.vatNumber}` : '', style: { color: INK.muted } },
			{ text: buyer.contactName ? `${txt.contact}: ${buyer.contactName}` : '', style: { color: INK.muted } },
			{ text: buyer.contactEmail, style: { color: INK.muted } }
		],
		LEFT,
		y + 11,
		260
	);
	return Math.max(below, right);
}

interface Col {
	header: string;
	width: number;
	cell: (l: InvoiceLine) => string;
}

/** The lines' table (its header repeated on a new page); returns the y below it. */
function lines({ pdf, doc, txt, money }: Ctx, y: number): number {
	const cols: Col[] = [
		{ header: txt.description, width: 170, cell: () => txt.service },
		{ header: txt.users, width: 65, cell: (l) => String(l.users) },
		{ header: txt.unitPrice, width: 95, cell: (l) => money(l.unitPrice) },
		{ header: txt.days, width: 70, cell: (l) => txt.daysOf(l.days, l.periodDays) },
		{ header: txt.amount, width: CONTENT_WIDTH - 400, cell: (l) => money(l.amount) }
	];
	const pad = 6;
	const head = (at: number) => {
		const h = Math.max(...cols.map((c) => heightOf(pdf, c.header, c.width - 2 * pad, { size: 7.5, font: 'bold' }))) + 12;
		pdf.rect(LEFT, at, CONTENT_WIDTH, h).fill(SHADE);
		let x = LEFT;
		cols.forEach((c, i) => {
			textAt(pdf, c.header, x + pad, at + 6, c.width - 2 * pad, { size: 7.5, font: 'bold', color: INK.muted, align: i ? 'right' : 'left' });
			x += c.width;
		});
		return at + h;
	};
	y = head(y);
	for (const l of doc.lines) {
		const h = 34;
		if (y + h > BOTTOM) {
			pdf.addPage();
			y = head(50);
		}
		let x = LEFT;
		cols.forEach((c, i) => {
			textAt(pdf, c.cell(l), x + pad, y + 7, c.width - 2 * pad, { size: 9, font: i === cols.length - 1 ? 'bold' : 'regular', align: i ? 'right' : 'left' });
			x += c.width;
		});
		textAt(pdf, period(l.fromOn, l.toOn), LEFT + pad, y + 19, cols[0].width - 2 * pad, { size: 7.5, color: INK.muted });
		pdf
			.moveTo(LEFT, y + h)
			.lineTo(RIGHT, y + h)
			.lineWidth(0.4)
			.strokeColor(INK.line)
			.stroke();
		y += h;
	}
	return y;
}

/** Net, VAT and the total at the right; returns the y below them. */
function totals({ pdf, doc, txt, money }: Ctx, y: number): number {
	// Values end where the table's amounts end (its cell padding before the right edge).
	const x = RIGHT - 250;
	if (y + 84 > BOTTOM) {
		pdf.addPage();
		y = 50;
	}
	const row = (label: string, value: string, s: TextStyle = {}) => {
		textAt(pdf, label, x + 6, y, 150, { size: 9, ...s });
		y += textAt(pdf, value, x + 140, y, 104, { size: 9, align: 'right', ...s }) + 5;
	};
	row(txt.net, money(doc.netMinor));
	row(txt.vatAt(vatPercent(doc.vatRateBp, doc.language)), money(doc.vatMinor));
	pdf.moveTo(x, y).lineTo(RIGHT, y).lineWidth(1).strokeColor(INK.text).stroke();
	y += 6;
	row(doc.kind === 'credit_note' ? txt.totalCredited : txt.total, money(doc.totalMinor), { size: 11.5, font: 'bold' });
	// Swedish VAT on an invoice in euros is stated in kronor too (at the rate kept on the invoice).
	if (doc.vatSek)
		row(txt.vatInSek(exchangeRate(doc.vatSek.rateE4, doc.language)), formatMoney(doc.vatSek.vatMinor, 'SEK', doc.language), { size: 8, color: INK.muted });
	return y + 8;
}

/** Why no VAT is charged, for reverse charge and buyers outside the EU. */
function vatStatement({ pdf, doc, txt }: Ctx): void {
	if (doc.vatTreatment === 'standard') return;
	const text = doc.vatTreatment === 'reverse_charge' ? txt.reverseCharge : txt.outsideEu;
	// Reverse charge names both parties' VAT numbers next to the statement.
	const numbers = doc.vatTreatment === 'reverse_charge' ? `${txt.sellerVat}: ${doc.seller.vatNumber}    ${txt.buyerVat}: ${doc.buyer.vatNumber}` : '';
	const s: TextStyle = { size: 8.5 };
	box(pdf, CONTENT_WIDTH, (x, y, w, draw) => {
		const h = draw ? textAt(pdf, text, x, y, w, { ...s, font: 'bold' }) : heightOf(pdf, text, w, { ...s, font: 'bold' });
		if (!numbers) return h;
		return h + 4 + (draw ? textAt(pdf, numbers, x, y + h + 4, w, s) : heightOf(pdf, numbers, w, s));
	});
}

/** How to pay (an invoice), or which invoice a credit note cancels. */
function settlement({ pdf, doc, txt, money }: Ctx): void {
	if (doc.kind === 'credit_note') {
		const text = txt.cancels(doc.creditsNumber ?? 0);
		box(pdf, CONTENT_WIDTH, (x, y, w, draw) =>
			draw ? textAt(pdf, text, x, y, w, { size: 9, font: 'bold' }) : heightOf(pdf, text, w, { size: 9, font: 'bold' })
		);
		return;
	}
	const s = doc.seller;
	const rows: [string, string][] = [
		[txt.total, money(doc.totalMinor)],
		[txt.due, doc.dueOn],
		[doc.currency === 'SEK' ? txt.ocr : txt.reference, doc.paymentReference],
		...(s.bankgiro && doc.currency === 'SEK' ? ([[txt.bankgiro, s.bankgiro]] as [string, string][]) : []),
		...(s.iban ? ([[txt.iban, grouped(s.iban)]] as [string, string][]) : []),
		...(s.iban && s.bic ? ([[txt.bic, s.bic]] as [string, string][]) : []),
		...(!s.iban && doc.currency !== 'SEK' && s.bankgiro ? ([[txt.bankgiro, s.bankgiro]] as [string, string][]) : [])
	];
	const note = `${txt.terms(daysBetween(doc.issuedOn, doc.dueOn))} ${txt.stateReference}`;
	box(pdf, CONTENT_WIDTH, (x, y, w, draw) => {
		let h = (draw ? textAt(pdf, txt.payment.toUpperCase(), x, y, w, { size: 7, font: 'bold', color: INK.muted }) : 9) + 5;
		// Two columns: what to pay and by when at the left, where to pay at the right (an IBAN is long).
		const half = 3;
		rows.forEach(([label, value], i) => {
			const [cx, labelWidth] = i < half ? [x, 95] : [x + 215, 60];
			const cy = y + h + (i % half) * 15;
			if (!draw) return;
			textAt(pdf, label, cx, cy, labelWidth, { size: 8.5, color: INK.muted });
			textAt(pdf, value, cx + labelWidth, cy, i < half ? 215 - labelWidth - 10 : w - 215 - labelWidth, { size: 9, font: 'bold', lines: 1 });
		});
		h += half * 15 + 3;
		return h + (draw ? textAt(pdf, note, x, y + h, w, { size: 8, color: INK.muted }) : heightOf(pdf, note, w, { size: 8 }));
	});
}

/** A shaded box with an accent bar at the cursor, its content drawn by `content` (which returns its height). */
function box(pdf: Doc, width: number, content: (x: number, y: number, w: number, draw: boolean) => number): void {
	const pad = 10;
	const h = content(LEFT + pad + 3, 0, width - 2 * pad - 3, false) + 2 * pad;
	if (pdf.y + h > BOTTOM) pdf.addPage();
	const y = pdf.y + 6;
	pdf.rect(LEFT, y, width, h).fill(SHADE);
	pdf.rect(LEFT, y, 3, h).fill(INK.text);
	content(LEFT + pad + 3, y + pad, width - 2 * pad - 3, true);
	pdf.y = y + h + 8;
}

/** The seller's details in three columns under a rule, and the page number when there are several pages. */
function footer({ pdf, doc, txt }: Ctx, index: number, count: number): void {
	const s = doc.seller;
	pdf.moveTo(LEFT, FOOTER_Y).lineTo(RIGHT, FOOTER_Y).lineWidth(0.4).strokeColor(INK.line).stroke();
	const cols = [
		[s.name, addressLines(s.address).join(', '), countryName(s.country, doc.language)],
		[`${txt.orgNumber} ${s.organizationNumber}`, `${txt.vatNumber} ${s.vatNumber}`, s.email],
		[s.bankgiro ? `${txt.bankgiro} ${s.bankgiro}` : '', s.iban ? `${txt.iban} ${grouped(s.iban)}` : '', s.bic ? `${txt.bic} ${s.bic}` : '']
	];
	const w = CONTENT_WIDTH / 3;
	cols.forEach((c, i) => {
		const text = c.filter(Boolean).join('\n');
		textAt(pdf, text, LEFT + i * w, FOOTER_Y + 6, w - 8, { size: 6.5, color: INK.muted, lines: 4 });
	});
	if (count > 1) textAt(pdf, txt.page(index + 1, count), RIGHT - 100, FOOTER_Y - 12, 100, { size: 6.5, color: INK.muted, align: 'right' });
}
