/**
 * The deck's chart slides, as native PowerPoint charts. A hidden figure is an empty point in the chart
 * (a gap, never a zero) and '–' with its reason in the table beside it.
 */
import type PptxGenJS from 'pptxgenjs';
import { chartColours } from '$lib/charts/colours';
import type { ReportData } from './data';
import {
	BOX,
	FONT,
	INK,
	cell,
	chartSeries,
	chunks,
	continued,
	headerRow,
	heatCell,
	hex,
	note,
	slideWithTitle,
	statusCell,
	type Deck,
	type Row
} from './deck-style';
import { shown, statusFill, type ReportText } from './report-text';

/** pptxgenjs writes an empty point for null (its types say number only). */
const values = (v: (number | null)[]) => v.map(shown) as number[];

/** pptxgenjs takes a combination chart's options as its second argument (its types name a data array there). */
const addCombo = (slide: PptxGenJS.Slide, types: PptxGenJS.IChartMulti[], options: PptxGenJS.IChartOpts) =>
	slide.addChart(types, options as unknown as unknown[]);

const axis = {
	valAxisMinVal: 1,
	valAxisMaxVal: 5,
	valAxisMajorUnit: 1,
	valAxisLabelFontSize: 10,
	catAxisLabelFontSize: 10,
	catAxisLabelFontFace: FONT,
	valGridLine: { color: hex(chartColours.grid), size: 0.5 },
	dataLabelFormatCode: '0.00'
} satisfies PptxGenJS.IChartOpts;

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
				data: chartSeries([{ name: t('results.col.score'), labels, values: values(ranked.map((a) => a.score)) }]),
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
				data: chartSeries([{ name: t('results.col.benchmark'), labels, values: values(ranked.map((a) => a.benchmark)) }]),
				options: { lineSize: 0, lineDataSymbol: 'dash', lineDataSymbolSize: 22, chartColors: [hex(chartColours.benchmark)] }
			}
		],
		{ ...axis, x: BOX.x, y: BOX.y, w: 5.5, h: 5.0, showLegend: true, legendPos: 'b', legendFontSize: 10, catAxisLabelFontSize: 9 }
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
	slide.addTable(rows, { x: 6.13, y: BOX.y, w: 6.7, colW: [0.6, 1.6, 1.25, 1.0, 0.95, 1.3], fontFace: FONT, fontSize: 9, rowH: 0.3 });
	const notes = [
		r.areas.some((a) => a.interval) ? t('results.interval.note') : '',
		r.areas.some((a) => a.score === null || a.benchmark === null) ? txt.hiddenNote : ''
	].filter(Boolean);
	if (notes.length) note(slide, notes.join(' '));

	const radar = slideWithTitle(pptx, t('results.radar.title'), t('results.radar.label', { unit: r.unit.name }));
	radar.addChart(
		pptx.ChartType.radar,
		chartSeries([
			{ name: r.unit.name, labels: r.areas.map((a) => a.name), values: values(r.areas.map((a) => a.score)) },
			{ name: t('results.radar.benchmark'), labels: r.areas.map((a) => a.name), values: values(r.areas.map((a) => a.benchmark)) }
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
	const rows = r.gap.areas.map((g) => ({ ...g, name: txt.areaName(g.key) }));
	// A horizontal bar chart draws its first category at the bottom: reversed, the list reads top down.
	const bottomUp = [...rows].reverse();
	slide.addChart(
		pptx.ChartType.bar,
		chartSeries([
			{ name: t('results.gap.salesPeople'), labels: bottomUp.map((g) => g.name), values: values(bottomUp.map((g) => g.salesPeople)) },
			{ name: t('results.gap.salesManagers'), labels: bottomUp.map((g) => g.name), values: values(bottomUp.map((g) => g.salesManagers)) }
		]),
		{
			...axis,
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
			headerRow(
				[t('results.col.area'), t('results.gap.salesPeople'), t('results.gap.salesManagers'), t('results.gap.gap')],
				['left', 'right', 'right', 'right']
			),
			...rows.map((g) => [
				cell(g.name, { bold: true }),
				cell(txt.score(g.salesPeople), { align: 'right' }),
				cell(txt.score(g.salesManagers), { align: 'right' }),
				cell(txt.signed(g.gap), { align: 'right', bold: true })
			])
		],
		{ x: 8.1, y: BOX.y, w: 4.73, colW: [2.05, 0.9, 0.98, 0.8], fontFace: FONT, fontSize: 10, rowH: 0.3 }
	);
	note(
		slide,
		t('results.gap.counts', { people: txt.count(r.gap.salesPeople), managers: txt.count(r.gap.salesManagers) }) +
			(rows.some((g) => g.gap === null) ? ` · ${txt.hiddenNote}` : '')
	);
}

const HEAT_ROWS = 11;

export function heatmapSlides(pptx: Deck, data: ReportData, txt: ReportText): void {
	const { t } = txt;
	const r = data.results;
	const nameW = 2.6;
	const countW = 1.0;
	const areaW = (BOX.w - nameW - countW) / r.areas.length;
	chunks(r.subunits, HEAT_ROWS).forEach((part, i) => {
		const slide = slideWithTitle(pptx, continued(txt, t('results.heatmap.title'), i), t('report.heatmap.text'));
		if (r.subunits.length === 0) return void note(slide, t('results.heatmap.none'), BOX.y);
		const rows: Row[] = [
			headerRow(
				[t('results.col.unit'), t('results.col.respondents'), ...r.areas.map((a) => a.name)],
				['left', 'right', ...r.areas.map(() => 'center' as const)]
			).map((c) => ({ ...c, options: { ...c.options, fontSize: 9, valign: 'bottom' } })),
			...part.map((s) => [
				cell(s.name, { bold: true, fontSize: 10 }),
				cell(txt.count(s.respondents), { align: 'right', color: INK.muted, fontSize: 10 }),
				...s.areas.map((a) => heatCell(txt.score(a.score), a.status, a.score === null))
			])
		];
		slide.addTable(rows, { x: BOX.x, y: BOX.y, w: BOX.w, colW: [nameW, countW, ...r.areas.map(() => areaW)], fontFace: FONT, rowH: 0.36 });
		if (part.some((s) => s.areas.some((a) => a.score === null))) note(slide, txt.hiddenNote);
	});
}

export function trendSlide(pptx: Deck, data: ReportData, txt: ReportText): void {
	const { t } = txt;
	const tr = data.trend;
	const slide = slideWithTitle(pptx, t('results.trend.title'), t('results.trend.text'));
	if (tr.rounds.length <= 1) return void note(slide, t('results.trend.only'), BOX.y);
	const rounds = tr.rounds.slice(-6);
	const labels = rounds.map((r) => r.name);
	slide.addChart(
		pptx.ChartType.line,
		chartSeries(tr.areas.map((a) => ({ name: a.name, labels, values: values(rounds.map((r) => r.areas.find((x) => x.key === a.key)?.score ?? null)) }))),
		{
			...axis,
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
