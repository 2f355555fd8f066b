/**
 * The deck's slides of the areas: the scores as bars with the benchmark marked beside the table the
 * page shows (n and 90 % interval under each score, the status word as the page's chip says it), and
 * the radar of the unit against the benchmark. A hidden figure is an empty point, '–' in the table.
 */
import type { ReportData } from './data';
import { AXIS, BOX, FONT, INK, addCombo, cell, chartSeries, chartValues, headerRow, hex, slideWithTitle, statusCell, type Deck, type Row } from './deck-style';
import { statusFill, type ReportText } from './report-text';
import { chartColours } from '$lib/charts/colours';
import { statusWord } from '$lib/results/colour';

export function areaSlides(pptx: Deck, data: ReportData, txt: ReportText): void {
	const { t } = txt;
	const r = data.results;
	const ranked = [...r.areas].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99));
	const slide = slideWithTitle(pptx, t('results.areas.title'), `${t('results.areas.caption')} ${t('report.legend.marker')}`);
	const labels = ranked.map((a) => (a.score === null ? `${a.name} (–)` : a.name));
	addCombo(
		slide,
		[
			{
				type: pptx.ChartType.bar,
				data: chartSeries([{ name: t('results.col.score'), labels, values: chartValues(ranked.map((a) => a.score)) }]),
				options: {
					barDir: 'col',
					barGapWidthPct: 60,
					chartColors: ranked.map((a) => hex(statusFill(a.status))),
					showValue: true,
					dataLabelPosition: 'inEnd',
					dataLabelColor: 'FFFFFF',
					dataLabelFontBold: true,
					dataLabelFontSize: 10
				}
			},
			{
				type: pptx.ChartType.line,
				data: chartSeries([{ name: t('results.col.benchmark'), labels, values: chartValues(ranked.map((a) => a.benchmark)) }]),
				options: { lineSize: 0, lineDataSymbol: 'dash', lineDataSymbolSize: 22, chartColors: [hex(chartColours.benchmark)] }
			}
		],
		{ ...AXIS, x: BOX.x, y: BOX.y, w: 5.5, h: 5.0, showLegend: true, legendPos: 'b', legendFontSize: 10, catAxisLabelFontSize: 9 }
	);
	// As the page's table: the score with its n and 90 % interval under it, the status word "in line with the benchmark" where the interval says so.
	const rows: Row[] = [
		headerRow(
			[t('results.col.rank'), t('results.col.area'), t('results.col.score'), t('results.col.benchmark'), t('results.col.difference'), t('results.col.status')],
			['right', 'left', 'right', 'right', 'right']
		),
		...ranked.map((a) => {
			const interval = txt.interval(a);
			return [
				cell(a.rank === null ? '–' : String(a.rank), { align: 'right' }),
				cell(a.name, { bold: true }),
				interval
					? {
							text: [
								{ text: txt.score(a.score), options: { bold: true, breakLine: true } },
								{ text: interval, options: { fontSize: 7, color: INK.muted } }
							],
							options: cell('', { align: 'right' }).options
						}
					: cell(txt.score(a.score), { align: 'right', bold: true }),
				cell(txt.score(a.benchmark), { align: 'right' }),
				cell(txt.signed(a.difference), { align: 'right' }),
				statusCell(a.status, txt, a.inLine)
			];
		})
	];
	slide.addTable(rows, {
		x: 6.13,
		y: BOX.y,
		w: 6.7,
		colW: [0.8, 1.5, 1.2, 0.9, 0.85, 1.45],
		margin: [0.04, 0.05, 0.04, 0.05],
		fontFace: FONT,
		fontSize: 9,
		rowH: 0.3
	});
	const notes = [
		r.areas.some((a) => a.interval) ? t('results.interval.note') : '',
		r.areas.some((a) => statusWord(a.status, a.inLine) === 'inLine') ? t('results.status.inLineNote') : '',
		r.areas.some((a) => a.score === null || a.benchmark === null) ? txt.hiddenNote : ''
	].filter(Boolean);
	// Under the table (the chart's legend is under the chart): room for two lines.
	if (notes.length)
		slide.addText(notes.join(' '), {
			x: 6.13,
			y: 5.75,
			w: 6.7,
			h: 0.75,
			fontFace: FONT,
			fontSize: 10,
			color: INK.muted,
			italic: true,
			valign: 'top',
			fit: 'shrink'
		});

	const radar = slideWithTitle(pptx, t('results.radar.title'), t('results.radar.label', { unit: r.unit.name }));
	radar.addChart(
		pptx.ChartType.radar,
		chartSeries([
			{ name: r.unit.name, labels: r.areas.map((a) => a.name), values: chartValues(r.areas.map((a) => a.score)) },
			{ name: t('results.radar.benchmark'), labels: r.areas.map((a) => a.name), values: chartValues(r.areas.map((a) => a.benchmark)) }
		]),
		{
			x: 2.2,
			y: BOX.y,
			w: 8.9,
			h: 5.3,
			radarStyle: 'marker',
			chartColors: [hex(chartColours.unit), hex(chartColours.benchmark)],
			lineSize: 2,
			showLegend: true,
			legendPos: 'r',
			legendFontSize: 11,
			valAxisMinVal: 1,
			valAxisMaxVal: 5,
			valAxisMajorUnit: 1,
			catAxisLabelFontSize: 10
		}
	);
}
