/**
 * The deck's chart slides of the perception gap, the sub-units and the trend, as native PowerPoint
 * charts. A hidden figure is an empty point in the chart (a gap, never a zero) and '–' with its reason
 * in the table beside it.
 */
import { chartColours } from '$lib/charts/colours';
import type { ReportData } from './data';
import {
	AXIS,
	BOX,
	FONT,
	INK,
	cell,
	chartSeries,
	chartValues,
	chunks,
	continued,
	headerRow,
	headerSize,
	heatCell,
	hex,
	note,
	slideWithTitle,
	type Deck,
	type Row
} from './deck-style';
import type { ReportText } from './report-text';
import { gapPairRows } from './gap-pair';
import { inSentence } from '$lib/results/groups';

export function gapSlide(pptx: Deck, data: ReportData, txt: ReportText): void {
	const { t } = txt;
	const r = data.results;
	const slide = slideWithTitle(pptx, t('results.gap.title'), t('results.gap.text'));
	if (r.gap === null) {
		slide.addText(`${t('report.gap.hiddenAll')} ${t('results.gap.hidden', { k: r.round.k })}`, {
			x: BOX.x,
			y: BOX.y + 0.3,
			w: BOX.w,
			h: 1,
			fontFace: FONT,
			fontSize: 16,
			color: INK.muted
		});
		return;
	}
	const pair = gapPairRows(r.gap);
	const rows = pair.rows.map((g) => ({ ...g, name: txt.areaName(g.key) }));
	// A horizontal bar chart draws its first category at the bottom: reversed, the list reads top down.
	const bottomUp = [...rows].reverse();
	slide.addChart(
		pptx.ChartType.bar,
		chartSeries([
			{ name: pair.second, labels: bottomUp.map((g) => g.name), values: chartValues(bottomUp.map((g) => g.second)) },
			{ name: pair.first, labels: bottomUp.map((g) => g.name), values: chartValues(bottomUp.map((g) => g.first)) }
		]),
		{
			...AXIS,
			x: BOX.x,
			y: BOX.y,
			w: 7.4,
			h: 5.0,
			barDir: 'bar',
			barGrouping: 'clustered',
			chartColors: [hex(chartColours.unit), hex(chartColours.second)],
			showValue: true,
			dataLabelFontSize: 8,
			showLegend: true,
			legendPos: 'b',
			legendFontSize: 10
		}
	);
	slide.addTable(
		[
			headerRow([t('results.col.area'), pair.second, pair.first, t('results.gap.gap')], ['left', 'right', 'right', 'right']),
			...rows.map((g) => [
				cell(g.name, { bold: true }),
				cell(txt.score(g.second), { align: 'right' }),
				cell(txt.score(g.first), { align: 'right' }),
				cell(txt.signed(g.gap), { align: 'right', bold: true })
			])
		],
		{ x: 8.1, y: BOX.y, w: 4.73, colW: [2.05, 0.9, 0.98, 0.8], fontFace: FONT, fontSize: 10, rowH: 0.3 }
	);
	note(
		slide,
		pair.counts.map((c) => t('results.gap.count', { group: c.name, n: txt.count(c.respondents) })).join(' · ') +
			` · ${t('results.gap.pairNote', { first: pair.first, second: inSentence(pair.second, txt.locale) })}` +
			(rows.some((g) => g.gap === null) ? ` · ${txt.hiddenNote}` : '')
	);
}

const HEAT_ROWS = 11;
/** The heatmap's cell margin left and right, in inches. */
const HEAT_MARGIN = 0.04;

export function heatmapSlides(pptx: Deck, data: ReportData, txt: ReportText): void {
	const { t } = txt;
	const r = data.results;
	// A narrower unit column leaves each area about an inch; the headers take the size at which their longest word fits.
	const nameW = 2.0;
	const countW = 0.85;
	const areaW = (BOX.w - nameW - countW) / r.areas.length;
	const colW = [nameW, countW, ...r.areas.map(() => areaW)];
	const labels = [t('results.col.unit'), t('results.col.respondents'), ...r.areas.map((a) => a.name)];
	const fontSize = headerSize(labels, colW, { max: 9, min: 7, inset: 2 * HEAT_MARGIN });
	chunks(r.subunits, HEAT_ROWS).forEach((part, i) => {
		const slide = slideWithTitle(pptx, continued(txt, t('results.heatmap.title'), i), t('report.heatmap.text'));
		if (r.subunits.length === 0) return void note(slide, t('results.heatmap.none'), BOX.y);
		const rows: Row[] = [
			headerRow(labels, ['left', 'right', ...r.areas.map(() => 'center' as const)]).map((c) => ({
				...c,
				options: { ...c.options, fontSize, valign: 'bottom' }
			})),
			...part.map((s) => [
				cell(s.name, { bold: true, fontSize: 10 }),
				cell(txt.count(s.respondents), { align: 'right', color: INK.muted, fontSize: 10 }),
				...s.areas.map((a) => heatCell(txt.score(a.score), a.status, a.score === null))
			])
		];
		slide.addTable(rows, { x: BOX.x, y: BOX.y, w: BOX.w, colW, fontFace: FONT, rowH: 0.36, margin: [0.04, HEAT_MARGIN, 0.04, HEAT_MARGIN] });
		if (part.some((s) => s.areas.some((a) => a.score === null))) note(slide, txt.hiddenNote);
	});
}

export function trendSlide(pptx: Deck, data: ReportData, txt: ReportText): void {
	const { t } = txt;
	const tr = data.trend;
	const slide = slideWithTitle(pptx, t('results.trend.title'), t('results.trend.text'));
	if (tr.rounds.length <= 1) return void note(slide, t('results.trend.only'), BOX.y);
	const rounds = tr.rounds.slice(-6);
	const labels = rounds.map((r) => txt.roundLabel(r)); // the closing month, as the page's axis (names are in the table beside it)
	slide.addChart(
		pptx.ChartType.line,
		chartSeries(tr.areas.map((a) => ({ name: a.name, labels, values: chartValues(rounds.map((r) => r.areas.find((x) => x.key === a.key)?.score ?? null)) }))),
		{
			...AXIS,
			x: BOX.x,
			y: BOX.y,
			w: 6.6,
			h: 5.1,
			lineSize: 2,
			lineDataSymbol: 'circle',
			lineDataSymbolSize: 6,
			chartColors: chartColours.categorical.slice(0, tr.areas.length).map(hex),
			showLegend: true,
			legendPos: 'b',
			legendFontSize: 8
		}
	);
	const roundW = 2.9 / rounds.length;
	slide.addTable(
		[
			headerRow(
				[
					t('results.col.area'),
					...rounds.map(
						(r, i) =>
							`${r.name}\n${txt.day(r.closedAt)}${i > 0 && r.model !== rounds[i - 1].model ? `\n${t('results.trend.model', { version: r.model })}` : ''}`
					)
				],
				['left', ...rounds.map(() => 'right' as const)]
			),
			[cell(t('results.col.respondents'), { bold: true }), ...rounds.map((r) => cell(txt.count(r.respondents), { align: 'right', color: INK.muted }))],
			...tr.areas.map((a) => [
				cell(a.name, { bold: true }),
				...rounds.map((r) => cell(txt.score(r.areas.find((x) => x.key === a.key)?.score ?? null), { align: 'right' }))
			])
		],
		{ x: 7.4, y: BOX.y, w: 5.43, colW: [2.53, ...rounds.map(() => roundW)], fontFace: FONT, fontSize: 9, rowH: 0.27 }
	);
}
