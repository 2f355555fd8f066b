/**
 * The two grid charts of the PDF report: sub-units × areas as a heatmap (the score printed in each
 * cell), and the trend as the page's line chart per area (trendSvg).
 */
import { heatColour } from '$lib/charts/heat';
import type { Trend } from '$lib/server/results/trend';
import type { UnitResults } from '$lib/server/results/unit-results';
import { BOTTOM, CONTENT_WIDTH, INK, LEFT, SIZE, fitLine, statusMark, textAt, type Doc } from './pdf-layout';
import { trendChart } from './pdf-charts';
import { drawSvgs, type Placed } from './pdf-svg';
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
		const columns = [
			{ name: txt.t('results.col.respondents'), x: LEFT + NAME_W + COUNT_W - 12 },
			...areas.map((a, i) => ({ name: a.name, x: LEFT + NAME_W + COUNT_W + i * cellW + cellW / 2 - 8 }))
		];
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
			doc
				.rect(x + 1, y + 1, cellW - 2, ROW_H - 2)
				.fillColor(c.background)
				.fill();
			if (cell.score === null)
				doc
					.rect(x + 1.5, y + 1.5, cellW - 3, ROW_H - 3)
					.lineWidth(0.5)
					.strokeColor(INK.line)
					.stroke();
			statusMark(doc, cell.status, x + 7, y + ROW_H / 2, 2.8);
			textAt(doc, txt.score(cell.score), x + 10, y + 6, cellW - 12, {
				size: SIZE.small,
				font: cell.score === null ? 'regular' : 'bold',
				color: c.color,
				align: 'center'
			});
		});
		doc.y = y + ROW_H;
	}
	doc.y += 8;
}

const MINI = { cols: 3, gap: 14, height: 118 };

/** One small chart per area, as on the page: the unit's score per round (solid) and the benchmark (dashed). */
export function trendCharts(doc: Doc, trend: Trend, txt: ReportText): void {
	const w = (CONTENT_WIDTH - (MINI.cols - 1) * MINI.gap) / MINI.cols;
	let rowY = doc.y;
	let charts: Placed[] = []; // the charts of the current page, drawn at once
	trend.areas.forEach((area, i) => {
		const col = i % MINI.cols;
		if (col === 0 && i > 0) rowY += MINI.height + MINI.gap;
		if (col === 0 && rowY + MINI.height > BOTTOM) {
			drawSvgs(doc, charts);
			charts = [];
			doc.addPage();
			rowY = doc.y;
		}
		const points = trend.rounds.map((r, ri) => {
			const f = r.areas.find((a) => a.key === area.key);
			const changed = ri > 0 && r.model !== trend.rounds[ri - 1].model;
			return {
				x: txt.roundLabel(r),
				value: f?.score ?? null,
				benchmark: f?.benchmark ?? null,
				marker: changed ? txt.t('results.trend.model', { version: r.model }) : undefined
			};
		});
		charts.push(
			trendChart(doc, LEFT + col * (w + MINI.gap), rowY, w, MINI.height, area.name, txt.t('results.trend.chartLabel', { area: area.name }), points, txt)
		);
	});
	drawSvgs(doc, charts);
	doc.y = rowY + MINI.height + MINI.gap;
}
