/** The PDF report's later sections: sub-units compared, trend, company questions and open actions. */
import { chartColours } from '$lib/charts/colours';
import { commentThreshold } from '$lib/results/pattern';
import type { ReportData } from './data';
import { distributionBar } from './pdf-charts';
import { heatmap, trendCharts } from './pdf-grids';
import { CONTENT_WIDTH, INK, SIZE, ensure, heading, heightOf, paragraph, subheading, type Doc } from './pdf-layout';
import { table, type Column } from './pdf-tables';
import type { ReportText } from './report-text';

/** At most this many rounds as columns of the trend table (the newest ones). */
const TREND_COLUMNS = 6;

export function subunits(doc: Doc, data: ReportData, txt: ReportText): void {
	const { t } = txt;
	const r = data.results;
	heading(doc, t('results.heatmap.title'), { newPage: true, intro: t('report.heatmap.text') });
	if (r.subunits.length === 0) return paragraph(doc, t('results.heatmap.none'), { color: INK.muted });
	heatmap(doc, r.areas, r.subunits, txt);
	if (r.subunits.some((s) => s.areas.some((a) => a.score === null))) paragraph(doc, txt.hiddenNote, { size: SIZE.small, color: INK.muted });
}

export function trend(doc: Doc, data: ReportData, txt: ReportText): void {
	const { t } = txt;
	const tr = data.trend;
	heading(doc, t('results.trend.title'), { newPage: true, intro: t('results.trend.text') });
	if (tr.rounds.length <= 1) return paragraph(doc, t('results.trend.only'), { color: INK.muted });
	const merged = [...new Set(tr.rounds.flatMap((r) => r.from))].filter((name) => name !== tr.unit.name);
	if (merged.length) paragraph(doc, t('results.trend.from', { units: [tr.unit.name, ...merged].join(', ') }), { size: SIZE.small, color: INK.muted });
	trendCharts(doc, tr, txt);
	const rounds = tr.rounds.slice(-TREND_COLUMNS);
	const roundW = (CONTENT_WIDTH - 165) / rounds.length;
	type Row = { name: string; scores: (number | null)[] };
	const rows: Row[] = [
		{ name: t('results.col.respondents'), scores: [] },
		...tr.areas.map((a) => ({ name: a.name, scores: rounds.map((r) => r.areas.find((x) => x.key === a.key)?.score ?? null) }))
	];
	const columns: Column<Row>[] = [
		{ header: t('results.col.area'), width: 165, cell: (row) => ({ text: row.name, bold: true }) },
		...rounds.map((round, i): Column<Row> => ({
			header: `${round.name}\n${txt.day(round.closedAt)}`,
			width: roundW,
			align: 'right',
			cell: (row) => (row.scores.length ? txt.score(row.scores[i]) : { text: txt.count(round.respondents), color: INK.muted })
		}))
	];
	ensure(doc, 200);
	table(doc, columns, rows);
	if (rows.some((row) => row.scores.includes(null))) paragraph(doc, txt.hiddenNote, { size: SIZE.small, color: INK.muted });
}

export function questions(doc: Doc, data: ReportData, txt: ReportText): void {
	const { t } = txt;
	const r = data.results;
	heading(doc, t('results.questions.title'), { newPage: true, intro: t('results.questions.text') });
	if (r.questions.length === 0) return paragraph(doc, t('report.questions.none'), { color: INK.muted });
	for (const q of r.questions) {
		ensure(doc, heightOf(doc, q.text, CONTENT_WIDTH, { size: SIZE.h3, font: 'bold' }) + 50);
		subheading(doc, q.text, 30);
		if (q.answered === null) {
			paragraph(doc, q.type === 'text' ? t('results.questions.commentsHidden', { n: commentThreshold(r.round.k) }) : `–  ${txt.hidden}`, {
				size: SIZE.small,
				color: INK.muted,
				gap: 14
			});
			continue;
		}
		const mean =
			q.type !== 'text' && q.mean !== null
				? ` · ${t('results.questions.mean', { value: txt.score(q.mean) + (q.type === 'number' && q.unit ? ` ${q.unit}` : '') })}`
				: '';
		paragraph(doc, t('results.questions.answered', { n: txt.count(q.answered) }) + mean, { size: SIZE.small, color: INK.muted });
		if ((q.type === 'scale' || q.type === 'single' || q.type === 'multi') && q.options) distributionBar(doc, q.text, q.options, q.type === 'scale', txt);
		if (q.type === 'text') {
			if (!q.comments?.length) paragraph(doc, t('results.questions.noComments'), { size: SIZE.small, color: INK.muted });
			else {
				paragraph(doc, t('results.questions.comments'), { size: SIZE.small, font: 'bold' });
				for (const c of q.comments) paragraph(doc, `“${c}”`, { size: SIZE.small, indent: 10, gap: 5 });
			}
		}
		doc.y += 10;
	}
}

export function actions(doc: Doc, data: ReportData, txt: ReportText): void {
	const { t } = txt;
	heading(doc, t('report.actions.title'), { newPage: true, intro: t('report.actions.text') });
	if (data.actions.length === 0) return paragraph(doc, t('report.actions.none'), { color: INK.muted });
	type Action = ReportData['actions'][number];
	const columns: Column<Action>[] = [
		{
			header: t('report.actions.col.action'),
			width: 195,
			cell: (a) => ({ text: a.title, bold: true, sub: [a.areaKey ? txt.areaName(a.areaKey) : '', a.reason].filter(Boolean).join(' – ') || undefined })
		},
		{ header: t('results.col.unit'), width: 85, cell: (a) => a.unit.name },
		{ header: t('report.actions.col.owner'), width: 85, cell: (a) => a.owner?.name ?? { text: t('actions.noOwner'), color: INK.muted } },
		{
			header: t('report.actions.col.due'),
			width: 60,
			cell: (a) =>
				a.dueOn
					? { text: txt.day(a.dueOn), color: a.overdue ? chartColours.status.red.fill : INK.text, bold: a.overdue }
					: { text: t('actions.noDue'), color: INK.muted }
		},
		{ header: t('results.col.status'), width: CONTENT_WIDTH - 425, cell: (a) => txt.actionStatus(a) }
	];
	table(doc, columns, data.actions);
}
