/**
 * Where the PDF report places its charts: the same SVGs the results pages show (src/lib/charts), drawn
 * with svg-to-pdfkit. Each prints its figures beside or in the marks (formatted as given), so nothing has
 * to be read off the axis and colour never stands alone.
 */
import type { Status } from '$lib/results/colour';
import { chartColours, clampScore } from '$lib/charts/colours';
import { distributionBars, distributionSvg } from '$lib/charts/distribution';
import { gapKeySvg, gapSvg, type GapRow } from '$lib/charts/gap';
import { scoreBarSvg } from '$lib/charts/score-bar';
import { trendSvg, type TrendPoint } from '$lib/charts/trend';
import { CONTENT_WIDTH, INK, LEFT, RIGHT, SIZE, ensure, fitLine, heightOf, statusMark, textAt, type Doc } from './pdf-layout';
import { drawSvg, drawSvgs, type Placed } from './pdf-svg';
import type { ReportText } from './report-text';

/** The 1–5 scale under the score bars (x of a score as in scoreBarSvg, whose track is inset by 5). */
function axis(doc: Doc, x0: number, x1: number, y0: number, y1: number): void {
	for (let v = 1; v <= 5; v++) {
		const x = x0 + 5 + ((clampScore(v) - 1) / 4) * (x1 - x0 - 10);
		doc.moveTo(x, y0).lineTo(x, y1).lineWidth(0.5).strokeColor(chartColours.grid).stroke();
		textAt(doc, String(v), x - 10, y1 + 3, 20, { size: SIZE.tiny, color: INK.muted, align: 'center' });
	}
}

export interface BarRow {
	label: string;
	score: number | null;
	benchmark: number | null;
	status: Status | null;
	/** The score's 90 % interval, a whisker across the bar as on the page (where the page shows it). */
	interval?: { low: number; high: number } | null;
}

/** One score bar per area (scoreBarSvg, as in the page's table), its name left, its status and score right. */
export function scoreBars(doc: Doc, rows: BarRow[], txt: ReportText): void {
	const labelW = 175;
	const valueW = 92;
	const x0 = LEFT + labelW;
	const x1 = RIGHT - valueW;
	const rowH = 22;
	ensure(doc, rows.length * rowH + 20);
	const top = doc.y;
	axis(doc, x0, x1, top, top + rows.length * rowH);
	const midOf = (i: number) => top + i * rowH + rowH / 2;
	// The bars in one SVG (one svg-to-pdfkit call), under the texts: "hidden" is written on an empty track.
	drawSvgs(
		doc,
		rows.map((r, i) => ({
			svg: scoreBarSvg({ score: r.score, benchmark: r.benchmark, status: r.status, width: x1 - x0, interval: r.interval }),
			x: x0,
			y: midOf(i) - 12,
			width: x1 - x0
		}))
	);
	rows.forEach((r, i) => {
		const mid = midOf(i);
		textAt(doc, r.label, LEFT, mid - heightOf(doc, r.label, labelW - 8, { size: SIZE.small, lines: 2 }) / 2, labelW - 8, { size: SIZE.small, lines: 2 });
		if (r.score === null) textAt(doc, `–  ${txt.hidden}`, x0 + 10, mid - 4, x1 - x0 - 20, { size: SIZE.tiny, color: INK.muted });
		else {
			statusMark(doc, r.status, x1 + 8, mid);
			textAt(doc, txt.score(r.score), x1 + 15, mid - 4.5, valueW - 15, { size: SIZE.small, font: 'bold' });
		}
	});
	doc.y = top + rows.length * rowH + 18;
}

/** The perception gap as on the page (gapSvg): its two keys, then the dumbbells with the gap per area. */
export function gapChart(doc: Doc, rows: GapRow[], names: { a: string; b: string; gap: string; label: string }, txt: ReportText): void {
	const y = doc.y;
	textAt(doc, names.a, LEFT + 13, y, 150, { size: SIZE.small });
	const x = LEFT + 24 + doc.widthOfString(names.a);
	textAt(doc, names.b, x + 14, y, 150, { size: SIZE.small });
	drawSvgs(doc, [
		{ svg: gapKeySvg('a'), x: LEFT, y, width: 9 },
		{ svg: gapKeySvg('b'), x, y: y - 0.5, width: 10 }
	]);
	doc.y = y + 16;
	const svg = gapSvg({ label: names.label, rows, gapLabel: names.gap, locale: txt.locale });
	ensure(doc, (CONTENT_WIDTH * (30 + rows.length * 34)) / 720 + 10);
	doc.y += drawSvg(doc, svg, LEFT, doc.y, CONTENT_WIDTH) + 12;
}

/**
 * Answer counts as the page's stacked bar (distributionSvg), with a legend of label and count below. The
 * percentages are left out of the bar, as before: the exports print counts, the figures the page's data holds.
 */
export function distributionBar(doc: Doc, label: string, options: { label: string; count: number }[], scale: boolean, txt: ReportText): void {
	const segments = options.map((o, i) => ({ key: scale ? String(i + 1) : `o${i}`, label: o.label, count: o.count }));
	const colours = distributionBars(segments).map((b) => b.colour);
	ensure(doc, 40 + options.length * 12);
	const y = doc.y;
	const barH = drawSvg(doc, distributionSvg({ label, segments, id: 'q', locale: txt.locale, width: 720, shares: false }), LEFT, y, CONTENT_WIDTH);
	const colW = CONTENT_WIDTH / 2;
	const legendTop = y + barH + 6;
	options.forEach((o, i) => {
		const cx = LEFT + (i % 2) * colW;
		const cy = legendTop + Math.floor(i / 2) * 12;
		doc
			.rect(cx, cy + 1, 7, 7)
			.fillColor(colours[i])
			.fill();
		doc
			.rect(cx, cy + 1, 7, 7)
			.lineWidth(0.3)
			.strokeColor(INK.muted)
			.stroke();
		textAt(doc, fitLine(doc, `${o.label}: ${txt.count(o.count)}`, colW - 16, { size: SIZE.small }), cx + 11, cy, colW - 16, { size: SIZE.small });
	});
	doc.y = legendTop + Math.ceil(options.length / 2) * 12 + 6;
}

/**
 * One area's trend as on the page in a box of `w` at (x, y), its name above; returns its chart (trendSvg,
 * narrow drawing) for drawSvgs, which draws a page's charts at once.
 */
export function trendChart(doc: Doc, x: number, y: number, w: number, h: number, name: string, label: string, points: TrendPoint[], txt: ReportText): Placed {
	doc.rect(x, y, w, h).lineWidth(0.5).strokeColor(INK.line).stroke();
	textAt(doc, fitLine(doc, name, w - 12, { size: SIZE.small, font: 'bold' }), x + 6, y + 5, w - 12, { size: SIZE.small, font: 'bold' });
	return { svg: trendSvg({ label, points, height: 170, locale: txt.locale }, 'narrow'), x: x + 3, y: y + 16, width: w - 6 };
}
