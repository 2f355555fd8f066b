/**
 * A table that splits across pages: rows are never cut, and the header row is repeated on every page
 * the table continues on.
 */
import type { Status } from '$lib/results/colour';
import { BOTTOM, INK, LEFT, SIZE, heightOf, statusMark, textAt, type Doc, type TextStyle } from './pdf-layout';

export interface Cell {
	text: string;
	/** A second, smaller line under the text (e.g. an action's reason). */
	sub?: string;
	/** Draws the status shape before the text. */
	status?: Status | null;
	fill?: string;
	color?: string;
	bold?: boolean;
}

export interface Column<T> {
	header: string;
	width: number;
	align?: 'left' | 'right' | 'center';
	cell: (row: T) => Cell | string;
}

const PAD = { x: 5, y: 4 };
const MARK = 11;

const asCell = (c: Cell | string): Cell => (typeof c === 'string' ? { text: c } : c);

export function table<T>(doc: Doc, columns: Column<T>[], rows: T[], opts: { size?: number } = {}): void {
	const size = opts.size ?? SIZE.small;
	const textStyle = (c: Cell): TextStyle => ({ size, font: c.bold ? 'bold' : 'regular', color: c.color ?? INK.text });
	const inner = (col: Column<T>, c: Cell) => col.width - 2 * PAD.x - (c.status ? MARK : 0);
	const cellHeight = (col: Column<T>, c: Cell) =>
		heightOf(doc, c.text, inner(col, c), textStyle(c)) + (c.sub ? heightOf(doc, c.sub, inner(col, c), { size: size - 1 }) + 1 : 0);

	const header = () => {
		const h = Math.max(...columns.map((col) => heightOf(doc, col.header, col.width - 2 * PAD.x, { size, font: 'bold' }))) + 2 * PAD.y;
		let x = LEFT;
		const y = doc.y;
		for (const col of columns) {
			textAt(doc, col.header, x + PAD.x, y + PAD.y, col.width - 2 * PAD.x, { size, font: 'bold', color: INK.muted, align: col.align });
			x += col.width;
		}
		doc
			.moveTo(LEFT, y + h)
			.lineTo(x, y + h)
			.lineWidth(0.8)
			.strokeColor(INK.text)
			.stroke();
		doc.y = y + h;
	};

	header();
	for (const row of rows) {
		const cells = columns.map((col) => asCell(col.cell(row)));
		const h = Math.max(...cells.map((c, i) => cellHeight(columns[i], c))) + 2 * PAD.y;
		if (doc.y + h > BOTTOM) {
			doc.addPage();
			header();
		}
		drawRow(doc, columns, cells, h, size);
	}
	doc.y += 10;
}

function drawRow<T>(doc: Doc, columns: Column<T>[], cells: Cell[], h: number, size: number): void {
	const y = doc.y;
	let x = LEFT;
	cells.forEach((c, i) => {
		const col = columns[i];
		if (c.fill) doc.rect(x, y, col.width, h).fillColor(c.fill).fill();
		let tx = x + PAD.x;
		const width = col.width - 2 * PAD.x - (c.status ? MARK : 0);
		if (c.status) {
			statusMark(doc, c.status, tx + 3.5, y + PAD.y + size * 0.55);
			tx += MARK;
		}
		const th = textAt(doc, c.text, tx, y + PAD.y, width, { size, font: c.bold ? 'bold' : 'regular', color: c.color ?? INK.text, align: col.align });
		if (c.sub) textAt(doc, c.sub, tx, y + PAD.y + th + 1, width, { size: size - 1, color: INK.muted, align: col.align });
		x += col.width;
	});
	doc
		.moveTo(LEFT, y + h)
		.lineTo(x, y + h)
		.lineWidth(0.4)
		.strokeColor(INK.line)
		.stroke();
	doc.y = y + h;
}
