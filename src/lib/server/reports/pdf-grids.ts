/**
 * The two grid charts of the PDF report: sub-units × areas as a heatmap (the score printed in each
 * cell), and the trend as one small line chart per area.
 */
import { chartColours, clampScore, runs } from '$lib/charts/colours';
import { heatColour } from '$lib/charts/heat';
import type { Trend } from '$lib/server/results/trend';
import type { UnitResults } from '$lib/server/results/unit-results';
import { BOTTOM, CONTENT_WIDTH, INK, LEFT, SIZE, fitLine, statusMark, textAt, type Doc } from './pdf-layout';
import type { ReportText } from './report-text';

const NAME_W = 128;
const COUNT_W = 38;
const HEADER_H = 86;
const ROW_H = 20;

export function heatmap(doc: Doc, areas: { key: string; name: string }[], rows: UnitResults['subunits'], txt: ReportText): void {
	const cellW = (CONTENT_WIDTH - NAME_W - COUNT_W) / areas.length;
	const header = () => {
		const y = doc.y;
		textAt(doc, txt.t('results.col.unit'), LEFT, y + HEADER_H - 10, NAME_W, { size: SIZE.tiny, font: 'bold', color: INK.muted });
		const columns = [{ name: txt.t('results.col.respondents'), x: LEFT + NAME_W + COUNT_W - 12 }, ...areas.map((a, i) => ({ name: a.name, x: LEFT + NAME_W + COUNT_W + i * cellW + cellW / 2 - 8 }))];
		for (const { name, x } of columns) {
			doc.save().rotate(-90, { origin: [x, y + HEADER_H] });
			textAt(doc, name, x, y + HEADER_H, HEADER_H - 6, { size: SIZE.tiny, font: 'bold', color: INK.muted, lines: 2 });
			doc.restore();
		}
		doc.y = y + HEADER_H + 4;
	};
	header();
	for (const row of rows) {
		if (doc.y + ROW_H > BOTTOM) {
			doc.addPage();
			header();
		}
		const y = doc.y;
		textAt(doc, fitLine(doc, row.name, NAME_W - 6, { size: SIZE.small }), LEFT, y + 6, NAME_W - 6, { size: SIZE.small });
		textAt(doc, txt.count(row.respondents), LEFT + NAME_W, y + 6, COUNT_W - 4, { size: SIZE.small, color: INK.muted, align: 'right' });
		row.areas.forEach((cell, i) => {
			const x = LEFT + NAME_W + COUNT_W + i * cellW;
			const c = heatColour(cell.score === null ? 'suppressed' : (cell.status ?? 'neutral'));
			doc.rect(x + 1, y + 1, cellW - 2, ROW_H - 2).fillColor(c.background).fill();
			if (cell.score === null) doc.rect(x + 1.5, y + 1.5, cellW - 3, ROW_H - 3).lineWidth(0.5).strokeColor(INK.line).stroke();
			statusMark(doc, cell.status, x + 7, y + ROW_H / 2, 2.8);
			textAt(doc, txt.score(cell.score), x + 10, y + 6, cellW - 12, { size: SIZE.small, font: cell.score === null ? 'regular' : 'bold', color: c.color, align: 'center' });
		});
		doc.y = y + ROW_H;
	}
	doc.y += 8;
}

const MINI = { cols: 3, gap: 14, height: 118, plotTop: 16, plotBottom: 22 };

/** One small chart per area: the unit's score per round (solid) and the benchmark (dashed). */
export function trendCharts(doc: Doc, trend: Trend, txt: ReportText): void {
	const w = (CONTENT_WIDTH - (MINI.cols - 1) * MINI.gap) / MINI.cols;
	let rowY = doc.y;
	trend.areas.forEach((area, i) => {
		const col = i % MINI.cols;
		if (col === 0 && i > 0) rowY += MINI.height + MINI.gap;
		if (col === 0 && rowY + MINI.height > BOTTOM) {
			doc.addPage();
			rowY = doc.y;
		}
		miniChart(doc, LEFT + col * (w + MINI.gap), rowY, w, trend, area, txt);
	});
	doc.y = rowY + MINI.height + MINI.gap;
}

function miniChart(doc: Doc, x: number, y: number, w: number, trend: Trend, area: { key: string; name: string }, txt: ReportText): void {
	const figures = trend.rounds.map((r) => r.areas.find((a) => a.key === area.key));
	const scores = figures.map((f) => f?.score ?? null);
	const benchmarks = figures.map((f) => f?.benchmark ?? null);
	doc.rect(x, y, w, MINI.height).lineWidth(0.5).strokeColor(INK.line).stroke();
	textAt(doc, fitLine(doc, area.name, w - 12, { size: SIZE.small, font: 'bold' }), x + 6, y + 5, w - 12, { size: SIZE.small, font: 'bold' });
	const px0 = x + 18;
	const px1 = x + w - 30;
	const py0 = y + MINI.plotTop + 8;
	const py1 = y + MINI.height - MINI.plotBottom;
	const sx = (i: number) => (trend.rounds.length === 1 ? (px0 + px1) / 2 : px0 + (i / (trend.rounds.length - 1)) * (px1 - px0));
	const sy = (v: number) => py1 - ((clampScore(v) - 1) / 4) * (py1 - py0);
	for (const v of [1, 3, 5]) {
		doc.moveTo(px0, sy(v)).lineTo(px1, sy(v)).lineWidth(0.4).strokeColor(chartColours.grid).stroke();
		textAt(doc, String(v), x + 4, sy(v) - 3.5, 10, { size: SIZE.tiny - 1, color: INK.muted });
	}
	for (const run of runs(benchmarks)) line(doc, run.map(([i, v]) => [sx(i), sy(v)]), chartColours.benchmark, true);
	for (const run of runs(scores)) line(doc, run.map(([i, v]) => [sx(i), sy(v)]), chartColours.unit, false);
	scores.forEach((v, i) => v !== null && doc.circle(sx(i), sy(v), 2.2).fillColor(chartColours.unit).fill());
	const last = scores.length - 1;
	const lastScore = scores[last];
	textAt(doc, lastScore === null ? '–' : txt.score(lastScore), px1 + 3, lastScore === null ? py1 - 4 : sy(lastScore) - 4, 26, { size: SIZE.tiny, font: 'bold', color: chartColours.unit });
	const first = trend.rounds[0];
	const end = trend.rounds[last];
	textAt(doc, fitLine(doc, first.name, (w - 24) / 2, { size: SIZE.tiny - 1 }), x + 6, py1 + 6, (w - 12) / 2, { size: SIZE.tiny - 1, color: INK.muted });
	if (last > 0) textAt(doc, fitLine(doc, end.name, (w - 24) / 2, { size: SIZE.tiny - 1 }), x + w / 2, py1 + 6, w / 2 - 6, { size: SIZE.tiny - 1, color: INK.muted, align: 'right' });
}

function line(doc: Doc, points: number[][], colour: string, dashed: boolean): void {
	if (points.length < 2) return;
	doc.save();
	doc.moveTo(points[0][0], points[0][1]);
	for (const [px, py] of points.slice(1)) doc.lineTo(px, py);
	doc.lineWidth(dashed ? 0.9 : 1.6).strokeColor(colour);
	if (dashed) doc.dash(2.5, { space: 2 });
	doc.stroke().undash().restore();
}
