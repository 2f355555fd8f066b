/**
 * Page geometry and text helpers of the PDF report. The standard Helvetica fonts only know WinAnsi, so
 * every string goes through `winAnsi` on its way into the document (user text included).
 */
import type { Status } from '$lib/results/colour';
import { chartColours } from '$lib/charts/colours';
import { statusFill } from './report-text';

export type Doc = PDFKit.PDFDocument;

export const PAGE = { width: 595.28, height: 841.89, margin: 50, top: 64, bottom: 64 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const LEFT = PAGE.margin;
export const RIGHT = PAGE.width - PAGE.margin;
export const BOTTOM = PAGE.height - PAGE.bottom;
export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };
export const SIZE = { h1: 22, h2: 15, h3: 11, body: 9.5, small: 8, tiny: 7 };
export const INK = { text: chartColours.text, muted: chartColours.muted, line: chartColours.rule, faint: chartColours.track };

// The characters of Windows-1252 beyond Latin-1 that the standard fonts can print.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = {
	'\u2212': '-',
	'\u2010': '-',
	'\u2011': '-',
	'≥': '>=',
	'≤': '<=',
	'\u2009': ' ',
	'\u202f': '\u00a0',
	'→': '->',
	'←': '<-',
	'\t': ' '
};

/** The text with every character the standard fonts cannot show replaced (by a look-alike, or '?'). */
export function winAnsi(text: string): string {
	let out = '';
	for (const ch of text.normalize('NFC')) {
		const code = ch.codePointAt(0)!;
		if (ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
		else if (ch in REPLACEMENTS) out += REPLACEMENTS[ch];
		else if (code >= 0x300 && code <= 0x36f) continue;
		else if (code >= 0x20) out += '?';
	}
	return out;
}

export interface TextStyle {
	size?: number;
	font?: keyof typeof FONT;
	color?: string;
}

export function style(doc: Doc, s: TextStyle = {}): Doc {
	return doc
		.font(FONT[s.font ?? 'regular'])
		.fontSize(s.size ?? SIZE.body)
		.fillColor(s.color ?? INK.text);
}

/** Text in a box at (x, y), wrapped to `width`; returns the height it took. */
export function textAt(
	doc: Doc,
	text: string,
	x: number,
	y: number,
	width: number,
	s: TextStyle & { align?: 'left' | 'right' | 'center'; lines?: number } = {}
): number {
	const height = heightOf(doc, text, width, s);
	doc.text(winAnsi(text), x, y, { width, align: s.align ?? 'left', height: s.lines ? height + 1 : undefined, ellipsis: s.lines ? '…' : undefined });
	return height;
}

/** The height `textAt` will take (at most `lines` lines when given). */
export function heightOf(doc: Doc, text: string, width: number, s: TextStyle & { lines?: number } = {}): number {
	style(doc, s);
	const h = doc.heightOfString(winAnsi(text), { width });
	return s.lines ? Math.min(h, s.lines * doc.currentLineHeight(true)) : h;
}

/** One line cut to `width` with an ellipsis. */
export function fitLine(doc: Doc, text: string, width: number, s: TextStyle = {}): string {
	style(doc, s);
	let t = winAnsi(text);
	if (doc.widthOfString(t) <= width) return t;
	while (t.length > 1 && doc.widthOfString(t + '…') > width) t = t.slice(0, -1);
	return t.trimEnd() + '…';
}

/** Starts a new page when fewer than `height` points are left on this one. */
export function ensure(doc: Doc, height: number): void {
	if (doc.y + height > BOTTOM) doc.addPage();
}

/** A section title: always on a fresh page when `newPage`, else with room for `keep` points below it. */
export function heading(doc: Doc, title: string, opts: { newPage?: boolean; intro?: string; keep?: number } = {}): void {
	if (opts.newPage) doc.addPage();
	else ensure(doc, 40 + (opts.keep ?? 80));
	const y = doc.y;
	doc.y = y + textAt(doc, title, LEFT, y, CONTENT_WIDTH, { size: SIZE.h2, font: 'bold' }) + 4;
	doc
		.moveTo(LEFT, doc.y)
		.lineTo(LEFT + 36, doc.y)
		.lineWidth(2)
		.strokeColor(INK.text)
		.stroke();
	doc.y += 8;
	if (opts.intro) paragraph(doc, opts.intro, { color: INK.muted });
}

export function subheading(doc: Doc, title: string, keep = 40): void {
	ensure(doc, 18 + keep);
	doc.y += textAt(doc, title, LEFT, doc.y, CONTENT_WIDTH, { size: SIZE.h3, font: 'bold' }) + 4;
}

/** Text across the content width at the cursor, moving the cursor below it. */
export function paragraph(doc: Doc, text: string, s: TextStyle & { indent?: number; gap?: number } = {}): void {
	const x = LEFT + (s.indent ?? 0);
	const width = CONTENT_WIDTH - (s.indent ?? 0);
	ensure(doc, Math.min(heightOf(doc, text, width, s), 60));
	doc.y += textAt(doc, text, x, doc.y, width, s) + (s.gap ?? 6);
}

/** A bulleted list item. */
export function bullet(doc: Doc, text: string, s: TextStyle & { indent?: number } = {}): void {
	const indent = s.indent ?? 0;
	const width = CONTENT_WIDTH - indent - 12;
	ensure(doc, Math.min(heightOf(doc, text, width, s), 40));
	const y = doc.y;
	doc
		.circle(LEFT + indent + 3, y + 4.5, 1.6)
		.fillColor(s.color ?? INK.text)
		.fill();
	doc.y = y + textAt(doc, text, LEFT + indent + 12, y, width, s) + 3;
}

/**
 * The status shape (▲ high, ● at or above, ▼ below, ○ no benchmark) in its colour, centred at (x, y),
 * so a status reads without colour vision even in a black-and-white print.
 */
export function statusMark(doc: Doc, status: Status | null, x: number, y: number, r = 3.6): void {
	if (status === null) return;
	const c = statusFill(status);
	doc.save();
	if (status === 'green')
		doc
			.polygon([x - r, y + r * 0.8], [x + r, y + r * 0.8], [x, y - r])
			.fillColor(c)
			.fill();
	else if (status === 'red')
		doc
			.polygon([x - r, y - r * 0.8], [x + r, y - r * 0.8], [x, y + r])
			.fillColor(c)
			.fill();
	else if (status === 'yellow')
		doc
			.circle(x, y, r * 0.85)
			.fillColor(c)
			.fill();
	else
		doc
			.circle(x, y, r * 0.8)
			.lineWidth(1.2)
			.strokeColor(c)
			.stroke();
	doc.restore();
}

/**
 * Draws on every buffered page once the page count is known (`first`: the first page), with the bottom
 * margin lifted meanwhile: writing into it must not start a new page.
 */
export function onEveryPage(doc: Doc, draw: (index: number, count: number, first: boolean) => void): void {
	const { start, count } = doc.bufferedPageRange();
	for (let i = start; i < start + count; i++) {
		doc.switchToPage(i);
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		draw(i, count, i === start);
		doc.page.margins.bottom = bottom;
	}
}

/** A page's footer at `y`: a rule `gap` above it, `text` at the left and the page label at the right. */
export function pageFooter(doc: Doc, opts: { y: number; gap: number; text: string; pageLabel: string }): void {
	const { y, gap } = opts;
	doc
		.moveTo(LEFT, y - gap)
		.lineTo(RIGHT, y - gap)
		.lineWidth(0.4)
		.strokeColor(INK.line)
		.stroke();
	textAt(doc, fitLine(doc, opts.text, CONTENT_WIDTH - 90, { size: SIZE.tiny }), LEFT, y, CONTENT_WIDTH - 90, { size: SIZE.tiny, color: INK.muted });
	textAt(doc, opts.pageLabel, RIGHT - 90, y, 90, { size: SIZE.tiny, color: INK.muted, align: 'right' });
}
