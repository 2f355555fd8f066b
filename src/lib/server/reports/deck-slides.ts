/** The deck's text slides: cover, summary with the colour legend, findings with advice, questions and actions. */
import type PptxGenJS from 'pptxgenjs';
import { chartColours } from '$lib/charts/colours';
import { heatColour } from '$lib/charts/heat';
import { commentThreshold } from '$lib/results/pattern';
import type { ReportData } from './data';
import { BOX, FONT, INK, MASTER, SHAPE, cell, chartSeries, chunks, continued, headerRow, hex, note, slideWithTitle, type Deck, type Row } from './deck-style';
import { STATUSES, statusFill, type ReportText } from './report-text';
import { planSlide } from './deck-plan';
import { pairOf, pairParams } from '$lib/results/groups';

type Runs = PptxGenJS.TextProps[];
const body = { fontFace: FONT, fontSize: 14, color: INK.text, valign: 'top', paraSpaceAfter: 6 } satisfies PptxGenJS.TextPropsOptions;

export function coverSlide(pptx: Deck, data: ReportData, txt: ReportText): void {
	const { t } = txt;
	const r = data.results;
	const slide = pptx.addSlide({ masterName: MASTER });
	slide.addText(txt.title.toUpperCase(), {
		x: 0.6,
		y: 0.7,
		w: 12,
		h: 0.4,
		fontFace: FONT,
		fontSize: 14,
		bold: true,
		color: hex(chartColours.unit),
		charSpacing: 2
	});
	slide.addText(r.unit.name, { x: 0.6, y: 1.15, w: 12, h: 1.1, fontFace: FONT, fontSize: 40, bold: true, color: INK.text, fit: 'shrink', valign: 'top' });
	slide.addText(`${data.organization} · ${r.round.name}`, { x: 0.6, y: 2.3, w: 12, h: 0.5, fontFace: FONT, fontSize: 20, color: INK.muted, fit: 'shrink' });
	const facts: [string, string][] = [
		[t('report.facts.closed'), r.round.closedAt ? txt.day(r.round.closedAt) : t('report.facts.open')],
		[t('report.facts.respondents'), r.unit.respondents === null ? `–  (${txt.hidden})` : txt.count(r.unit.respondents)],
		[t('report.facts.k'), txt.count(r.round.k)],
		[t('report.facts.model'), r.round.model],
		[t('report.facts.benchmark'), txt.benchmark]
	];
	slide.addTable(
		facts.map(([label, value]) => [cell(label, { bold: true, color: INK.muted }), cell(value)]),
		{ x: 0.6, y: 3.3, w: 9, colW: [2.6, 6.4], fontFace: FONT, rowH: 0.4 }
	);
	const demo = r.round.isGenerated ? `${t('results.generated')}: ${t('results.generatedNote')} · ` : '';
	note(slide, demo + t('report.generatedAt', { date: txt.day(data.generatedAt) }), 6.4);
}

export function summarySlide(pptx: Deck, data: ReportData, txt: ReportText): void {
	const { t } = txt;
	const r = data.results;
	const slide = slideWithTitle(pptx, t('report.summary.title'));
	const list = (keys: string[], none: string): Runs =>
		keys.length === 0
			? [{ text: none, options: { color: INK.muted } }]
			: keys.flatMap((key) => {
					const a = r.areas.find((x) => x.key === key)!;
					return [
						{ text: `${a.status ? SHAPE[a.status] : ''} `, options: { color: hex(statusFill(a.status)) } },
						{ text: `${a.name}  `, options: { bold: true } },
						{ text: `${txt.score(a.score)} · ${txt.status(a.status)}`, options: { color: INK.muted, breakLine: true } }
					];
				});
	slide.addText(t('report.summary.strengths'), { x: BOX.x, y: 1.2, w: 6, h: 0.4, fontFace: FONT, fontSize: 16, bold: true, color: INK.text });
	slide.addText(list(r.strengths, t('report.strengths.none')), { ...body, x: BOX.x, y: 1.65, w: 6, h: 2 });
	slide.addText(t('report.summary.improvements'), { x: 6.83, y: 1.2, w: 6, h: 0.4, fontFace: FONT, fontSize: 16, bold: true, color: INK.text });
	// The three most important improvement areas; each has a slide of its own after the summary.
	slide.addText(
		list(
			r.improvements.slice(0, 3).map((i) => i.key),
			t('report.improvements.none')
		),
		{ ...body, x: 6.83, y: 1.65, w: 6, h: 2 }
	);

	slide.addShape(pptx.ShapeType.rect, { x: BOX.x, y: 4.0, w: BOX.w, h: 2.75, fill: { color: hex(chartColours.track) }, line: { type: 'none' } });
	slide.addText(t('report.legend.title'), { x: 0.75, y: 4.1, w: 11.8, h: 0.4, fontFace: FONT, fontSize: 14, bold: true, color: INK.text });
	const high = txt.score(r.high);
	const legend: Runs = STATUSES.flatMap((s) => [
		{ text: `${SHAPE[s]} ${txt.status(s)}`, options: { bold: true, color: hex(chartColours.status[s].fill) } },
		{ text: ` – ${t(`report.legend.${s}`, { high })}`, options: { breakLine: true } }
	]);
	slide.addText(legend, { ...body, fontSize: 13, x: 0.75, y: 4.5, w: 11.8, h: 1.6 });
	slide.addText(`${t('report.legend.marker')} ${txt.hiddenNote}`, {
		x: 0.75,
		y: 6.15,
		w: 11.8,
		h: 0.5,
		fontFace: FONT,
		fontSize: 11,
		color: INK.muted,
		valign: 'top',
		fit: 'shrink'
	});
}

export function findingSlides(pptx: Deck, data: ReportData, txt: ReportText): void {
	const { t } = txt;
	const r = data.results;
	const area = (key: string) => r.areas.find((a) => a.key === key)!;
	const figures = (key: string) => {
		const a = area(key);
		return `${a.status ? SHAPE[a.status] + ' ' : ''}${txt.status(a.status, a.inLine)} · ${t('results.col.score')} ${txt.scoreWithInterval(a)} · ${t('results.col.benchmark')} ${txt.score(a.benchmark)} · ${t('results.col.difference')} ${txt.signed(a.difference)}`;
	};
	const strengths = slideWithTitle(pptx, t('results.strengths.title'), t('results.strengths.text'));
	const runs: Runs = r.strengths.flatMap((key) => [
		{ text: area(key).name, options: { bold: true, fontSize: 16, breakLine: true } },
		{ text: figures(key), options: { color: hex(statusFill(area(key).status)), fontSize: 12, breakLine: true } },
		{ text: r.descriptions[key] ?? '', options: { breakLine: true, paraSpaceAfter: 14 } }
	]);
	strengths.addText(runs.length ? runs : t('report.strengths.none'), { ...body, x: BOX.x, y: BOX.y, w: BOX.w, h: BOX.h, fit: 'shrink' });

	for (const imp of r.improvements) {
		const title = `${t('results.improvements.title')}: ${area(imp.key).name}`;
		const slide = slideWithTitle(pptx, title, figures(imp.key));
		const advised = data.advice[imp.key];
		const advice: Runs = [
			...(imp.level ? [{ text: t(`results.advice.level.${imp.level}`), options: { bold: true, fontSize: 12, color: INK.muted, breakLine: true } }] : []),
			{ text: imp.summary, options: { breakLine: true } },
			...(imp.gap && r.gap
				? [
						{ text: `${t(`results.advice.gap.${imp.gap.pattern}`, pairParams(pairOf(r.gap), txt.locale))}: `, options: { bold: true, fontSize: 12 } },
						{ text: imp.gap.text, options: { fontSize: 12, breakLine: true } }
					]
				: []),
			...(imp.kpi
				? [
						{ text: `${t('results.advice.kpi')}: `, options: { bold: true, fontSize: 12 } },
						{ text: `${imp.kpi.name} – ${t('results.advice.kpiTarget')} ${imp.kpi.target}`, options: { fontSize: 12, breakLine: true } }
					]
				: [])
		];
		slide.addText(advice, { ...body, x: BOX.x, y: BOX.y, w: 5.9, h: 2.6, fit: 'shrink' });
		// The lowest statements with their own advice, as the page shows them.
		const lowest: Runs = imp.lowestStatements.flatMap((key) => {
			const s = r.statements.find((x) => x.key === key)!;
			return [
				{ text: `${txt.score(s.score)}  `, options: { bold: true, color: hex(heatColour('red').color) } },
				{ text: s.text, options: { breakLine: true } },
				...(s.advice ? [{ text: `${t('results.area.statementAdvice')}: ${s.advice}`, options: { fontSize: 11, color: INK.muted, breakLine: true } }] : [])
			];
		});
		if (lowest.length) {
			slide.addText(t('results.improvements.lowest'), { x: BOX.x, y: 4.05, w: 5.9, h: 0.4, fontFace: FONT, fontSize: 13, bold: true, color: INK.muted });
			slide.addText(lowest, { ...body, fontSize: 12, x: BOX.x, y: 4.45, w: 5.9, h: 2.3, fit: 'shrink' });
		}
		slide.addText(t(advised?.plan ? 'results.advice.moreActions' : 'results.improvements.actions'), {
			x: 6.83,
			y: BOX.y,
			w: 6,
			h: 0.4,
			fontFace: FONT,
			fontSize: 13,
			bold: true,
			color: INK.muted
		});
		slide.addText(
			imp.actions.map((a) => ({ text: a, options: { bullet: true, breakLine: true } })),
			{ ...body, fontSize: 12, x: 6.83, y: BOX.y + 0.45, w: 6, h: 4.9, fit: 'shrink' }
		);
		planSlide(pptx, advised, area(imp.key).name, figures(imp.key), txt);
	}
}

export function questionSlides(pptx: Deck, data: ReportData, txt: ReportText): void {
	const { t } = txt;
	const qs = data.results.questions;
	if (qs.length === 0) return void note(slideWithTitle(pptx, t('results.questions.title'), t('results.questions.text')), t('report.questions.none'), BOX.y);
	for (const q of qs) {
		const mean =
			q.type !== 'text' && q.mean !== null
				? ` · ${t('results.questions.mean', { value: txt.score(q.mean) + (q.type === 'number' && q.unit ? ` ${q.unit}` : '') })}`
				: '';
		const intro =
			q.answered === null
				? q.type === 'text'
					? t('results.questions.commentsHidden', { n: commentThreshold(data.results.round.k) })
					: `–  ${txt.hidden}`
				: t('results.questions.answered', { n: txt.count(q.answered) }) + mean;
		if (q.type === 'text') {
			const comments = q.comments ?? [];
			chunks(comments, 8).forEach((part, i) => {
				const slide = slideWithTitle(pptx, continued(txt, q.text, i), intro);
				if (q.comments !== null && comments.length === 0) note(slide, t('results.questions.noComments'), BOX.y);
				if (part.length)
					slide.addText(
						part.map((c) => ({ text: `“${c}”`, options: { breakLine: true, paraSpaceAfter: 8 } })),
						{ ...body, fontSize: 13, x: BOX.x, y: BOX.y, w: BOX.w, h: BOX.h, fit: 'shrink' }
					);
			});
			continue;
		}
		const slide = slideWithTitle(pptx, q.text, intro);
		if (q.type !== 'number' && q.options) {
			const colours = q.type === 'scale' ? ['1', '2', '3', '4', '5'].map((k) => hex(chartColours.diverging[k])) : chartColours.categorical.map(hex);
			// A horizontal bar chart draws its first category at the bottom: reversed, the options read top down.
			const options = [...q.options].reverse();
			slide.addChart(
				pptx.ChartType.bar,
				chartSeries([{ name: t('report.questions.answers'), labels: options.map((o) => o.label), values: options.map((o) => o.count) }]),
				{
					x: BOX.x,
					y: BOX.y,
					w: BOX.w,
					h: 5.0,
					barDir: 'bar',
					chartColors: colours.slice(0, q.options.length).reverse(),
					showValue: true,
					dataLabelFormatCode: '0',
					showLegend: false,
					catAxisLabelFontSize: 11,
					valAxisLabelFontSize: 10,
					valGridLine: { color: hex(chartColours.grid), size: 0.5 }
				}
			);
		}
	}
}

export function actionSlides(pptx: Deck, data: ReportData, txt: ReportText): void {
	const { t } = txt;
	chunks(data.actions, 7).forEach((part, i) => {
		const slide = slideWithTitle(pptx, continued(txt, t('report.actions.title'), i), t('report.actions.text'));
		if (data.actions.length === 0) return void note(slide, t('report.actions.none'), BOX.y);
		const rows: Row[] = [
			headerRow([t('report.actions.col.action'), t('results.col.unit'), t('report.actions.col.owner'), t('report.actions.col.due'), t('results.col.status')]),
			...part.map((a) => [
				{
					text: [
						{ text: a.title, options: { bold: true, breakLine: true } },
						{ text: [a.areaKey ? txt.areaName(a.areaKey) : '', a.reason].filter(Boolean).join(' – '), options: { fontSize: 10, color: INK.muted } }
					],
					options: cell('').options
				},
				cell(a.unit.name),
				a.owner ? cell(a.owner.name) : cell(t('actions.noOwner'), { color: INK.muted }),
				a.dueOn
					? cell(txt.day(a.dueOn), { color: a.overdue ? hex(chartColours.status.red.fill) : INK.text, bold: a.overdue })
					: cell(t('actions.noDue'), { color: INK.muted }),
				cell(txt.actionStatus(a))
			])
		];
		slide.addTable(rows, { x: BOX.x, y: BOX.y, w: BOX.w, colW: [5.4, 2.0, 2.0, 1.5, 1.43], fontFace: FONT, autoPage: false });
	});
}
