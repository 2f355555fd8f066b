/**
 * The PDF report's charts, drawn as vector shapes on the 1–5 scale. Each prints its figures beside the
 * marks (formatted as given), so nothing has to be read off the axis and colour never stands alone.
 */
import type { Status } from '$lib/results/colour';
import { chartColours, clampScore } from '$lib/charts/colours';
import { CONTENT_WIDTH, INK, LEFT, RIGHT, SIZE, ensure, fitLine, heightOf, statusMark, textAt, type Doc } from './pdf-layout';
import { statusFill, type ReportText } from './report-text';

/** x of a score on a 1–5 axis from x0 to x1. */
const scaleX = (v: number, x0: number, x1: number) => x0 + ((clampScore(v) - 1) / 4) * (x1 - x0);

function axis(doc: Doc, x0: number, x1: number, y0: number, y1: number): void {
	for (let v = 1; v <= 5; v++) {
		const x = scaleX(v, x0, x1);
		doc.moveTo(x, y0).lineTo(x, y1).lineWidth(0.5).strokeColor(chartColours.grid).stroke();
		textAt(doc, String(v), x - 10, y1 + 3, 20, { size: SIZE.tiny, color: INK.muted, align: 'center' });
	}
}

export interface BarRow {
	label: string;
	score: number | null;
	benchmark: number | null;
	status: Status | null;
}

/** Horizontal bars per area in their status colour, with the benchmark as a black mark across the bar. */
export function scoreBars(doc: Doc, rows: BarRow[], txt: ReportText): void {
	const labelW = 175;
	const valueW = 92;
	const x0 = LEFT + labelW;
	const x1 = RIGHT - valueW;
	const rowH = 22;
	ensure(doc, rows.length * rowH + 20);
	const top = doc.y;
	axis(doc, x0, x1, top, top + rows.length * rowH);
	rows.forEach((r, i) => {
		const y = top + i * rowH;
		const mid = y + rowH / 2;
		textAt(doc, r.label, LEFT, mid - heightOf(doc, r.label, labelW - 8, { size: SIZE.small, lines: 2 }) / 2, labelW - 8, { size: SIZE.small, lines: 2 });
		doc.rect(x0, mid - 6, x1 - x0, 12).fillColor(chartColours.track).fill();
		if (r.score === null) {
			textAt(doc, `–  ${txt.hidden}`, x0 + 6, mid - 4, x1 - x0 - 12, { size: SIZE.tiny, color: INK.muted });
		} else {
			doc.rect(x0, mid - 6, scaleX(r.score, x0, x1) - x0, 12).fillColor(statusFill(r.status)).fill();
			statusMark(doc, r.status, x1 + 8, mid);
			textAt(doc, txt.score(r.score), x1 + 15, mid - 4.5, valueW - 15, { size: SIZE.small, font: 'bold' });
		}
		if (r.benchmark !== null) {
			const bx = scaleX(r.benchmark, x0, x1);
			doc.rect(bx - 1.2, mid - 9, 2.4, 18).fillColor(chartColours.benchmark).fill();
		}
	});
	doc.y = top + rows.length * rowH + 18;
}

/** Sales people (circle) and sales managers (diamond) per area on one 1–5 line, joined by the gap. */
export function gapDumbbells(doc: Doc, rows: { label: string; people: number | null; managers: number | null }[]): void {
	const labelW = 175;
	const x0 = LEFT + labelW;
	const x1 = RIGHT - 10;
	const rowH = 20;
	ensure(doc, rows.length * rowH + 20);
	const top = doc.y;
	axis(doc, x0, x1, top, top + rows.length * rowH);
	rows.forEach((r, i) => {
		const mid = top + i * rowH + rowH / 2;
		textAt(doc, fitLine(doc, r.label, labelW - 8, { size: SIZE.small }), LEFT, mid - 4.5, labelW - 8, { size: SIZE.small });
		if (r.people === null || r.managers === null) return;
		const p = scaleX(r.people, x0, x1);
		const m = scaleX(r.managers, x0, x1);
		doc.moveTo(p, mid).lineTo(m, mid).lineWidth(2).strokeColor('#9ca3af').stroke();
		doc.circle(p, mid, 4).fillColor(chartColours.unit).fill();
		doc.polygon([m, mid - 5], [m + 5, mid], [m, mid + 5], [m - 5, mid]).fillColor(chartColours.second).fill();
	});
	doc.y = top + rows.length * rowH + 18;
}

/** The two series' keys of the dumbbell chart. */
export function gapLegend(doc: Doc, people: string, managers: string): void {
	const y = doc.y;
	doc.circle(LEFT + 4, y + 4, 4).fillColor(chartColours.unit).fill();
	textAt(doc, people, LEFT + 12, y, 150, { size: SIZE.small });
	const x = LEFT + 20 + doc.widthOfString(people);
	doc.polygon([x + 4, y - 1], [x + 9, y + 4], [x + 4, y + 9], [x - 1, y + 4]).fillColor(chartColours.second).fill();
	textAt(doc, managers, x + 13, y, 150, { size: SIZE.small });
	doc.y = y + 16;
}

/** Answer counts as one stacked bar, with a legend of label and count below. */
export function distributionBar(doc: Doc, options: { label: string; count: number }[], scale: boolean, txt: ReportText): void {
	const total = options.reduce((n, o) => n + o.count, 0);
	const colourOf = (i: number) => (scale ? chartColours.diverging[String(i + 1)] : chartColours.categorical[i % chartColours.categorical.length]);
	ensure(doc, 30 + options.length * 12);
	const y = doc.y;
	let x = LEFT;
	options.forEach((o, i) => {
		const w = total > 0 ? (o.count / total) * CONTENT_WIDTH : 0;
		if (w > 0) doc.rect(x, y, w, 12).fillColor(colourOf(i)).fill();
		x += w;
	});
	doc.rect(LEFT, y, CONTENT_WIDTH, 12).lineWidth(0.4).strokeColor(INK.line).stroke();
	const colW = CONTENT_WIDTH / 2;
	const legendTop = y + 18;
	options.forEach((o, i) => {
		const cx = LEFT + (i % 2) * colW;
		const cy = legendTop + Math.floor(i / 2) * 12;
		doc.rect(cx, cy + 1, 7, 7).fillColor(colourOf(i)).fill();
		doc.rect(cx, cy + 1, 7, 7).lineWidth(0.3).strokeColor(INK.muted).stroke();
		textAt(doc, fitLine(doc, `${o.label}: ${txt.count(o.count)}`, colW - 16, { size: SIZE.small }), cx + 11, cy, colW - 16, { size: SIZE.small });
	});
	doc.y = legendTop + Math.ceil(options.length / 2) * 12 + 6;
}
