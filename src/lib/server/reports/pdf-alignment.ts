/**
 * The PDF's alignment page, for a round whose model has alignment pairs: the area matrix (row minus
 * column; a cell beyond the threshold says so in words, not only in colour), each misaligned pair with
 * its symptom and the leadership behaviours to prioritise, the largest group gaps, and the experiments
 * of earlier rounds beside the change they aimed at. Every figure is one the alignment page shows.
 */
import { heatColour } from '$lib/charts/heat';
import { formatDate } from '$lib/results/format';
import type { UnitAlignment } from '$lib/server/results/alignment';
import type { ExperimentFollowUp } from '$lib/server/experiments/follow-up';
import type { ReportData } from './data';
import { CONTENT_WIDTH, INK, LEFT, SIZE, bullet, ensure, heading, heightOf, paragraph, subheading, textAt, type Doc } from './pdf-layout';
import { label } from './pdf-plan';
import { table, type Cell, type Column } from './pdf-tables';
import type { ReportText } from './report-text';

/** Group gaps printed (the largest first); the alignment page lists more. */
export const PDF_GROUP_GAPS = 5;
const INDENT = 14;
const FLAG = heatColour('red');

export function alignment(doc: Doc, data: ReportData, txt: ReportText): void {
	const a = data.alignment;
	if (!a) return;
	const { t } = txt;
	const threshold = txt.score(a.threshold);
	heading(doc, t('alignment.title'), { newPage: true });
	subheading(doc, t('alignment.matrix.title'), 120);
	paragraph(doc, t('report.alignment.matrixText', { threshold }), { size: SIZE.small, color: INK.muted });
	matrix(doc, a, txt);
	if (a.areas.some((x) => x.score === null)) paragraph(doc, txt.hiddenNote, { size: SIZE.small, color: INK.muted });
	pairs(doc, a, txt);
	groupGaps(doc, a, txt);
	followUp(doc, data.followUp, txt);
}

function matrix(doc: Doc, a: UnitAlignment, txt: ReportText): void {
	const { t } = txt;
	const rowW = 140;
	const colW = (CONTENT_WIDTH - rowW) / a.areas.length;
	type Row = { area: UnitAlignment['areas'][number]; cells: UnitAlignment['matrix'][number] };
	const columns: Column<Row>[] = [
		{
			header: t('results.col.area'),
			width: rowW,
			cell: (r) => ({ text: r.area.name, bold: true, sub: `${t('results.col.score')} ${txt.score(r.area.score)}` })
		},
		...a.areas.map((col, j): Column<Row> => ({
			header: col.name,
			width: colW,
			align: 'center',
			cell: (r) => matrixCell(r.cells[j], r.area.key === col.key, txt)
		}))
	];
	table(
		doc,
		columns,
		a.areas.map((area, i) => ({ area, cells: a.matrix[i] }))
	);
}

function matrixCell(c: UnitAlignment['matrix'][number][number], self: boolean, txt: ReportText): Cell {
	const { t } = txt;
	if (self) return { text: '', fill: INK.faint };
	if (c.difference === null) return { text: '–', color: INK.muted };
	const words = [c.beyond ? t('alignment.matrix.beyond') : '', c.pair ? t('report.alignment.declared') : ''].filter(Boolean).join(' · ');
	return c.beyond
		? { text: txt.signed(c.difference), bold: true, fill: FLAG.background, color: FLAG.color, sub: words }
		: { text: txt.signed(c.difference), sub: words || undefined };
}

function pairs(doc: Doc, a: UnitAlignment, txt: ReportText): void {
	const { t } = txt;
	const threshold = txt.score(a.threshold);
	subheading(doc, t('alignment.pairs.title'), 80);
	const flagged = a.pairs.filter((p) => p.flagged);
	if (flagged.length === 0) paragraph(doc, t('alignment.pairs.none', { threshold }), { color: INK.muted });
	for (const p of flagged) {
		const title = `${p.items[0].name} ${t('alignment.pairs.versus')} ${p.items[1].name}`;
		const figures = `${txt.score(p.items[0].score)} · ${txt.score(p.items[1].score)} · ${t('alignment.pairs.difference', { difference: txt.signed(p.difference) })} – ${t('alignment.matrix.beyond')}`;
		const w = CONTENT_WIDTH - INDENT;
		const h = heightOf(doc, title, w, { size: SIZE.h3, font: 'bold' }) + heightOf(doc, figures, w, { size: SIZE.small, font: 'bold' }) + 6;
		ensure(doc, h + 60);
		const y = doc.y;
		doc.rect(LEFT, y, 3, h).fillColor(FLAG.color).fill();
		let cy = y + textAt(doc, title, LEFT + INDENT, y, w, { size: SIZE.h3, font: 'bold' }) + 3;
		cy += textAt(doc, figures, LEFT + INDENT, cy, w, { size: SIZE.small, font: 'bold', color: FLAG.color }) + 3;
		doc.y = cy + 2;
		label(doc, t('alignment.pairs.symptom'), INDENT);
		paragraph(doc, p.symptom, { indent: INDENT });
		label(doc, t('alignment.pairs.behaviours'), INDENT);
		for (const b of p.behaviours) bullet(doc, b, { indent: INDENT });
		doc.y += 10;
	}
	const aligned = a.pairs.filter((p) => !p.flagged);
	if (aligned.length) {
		label(doc, t('alignment.pairs.aligned'), 0);
		for (const p of aligned)
			bullet(
				doc,
				`${p.items[0].name} ${t('alignment.pairs.versus')} ${p.items[1].name}: ${p.difference === null ? t('alignment.hidden') : txt.signed(p.difference)}`,
				{
					size: SIZE.small
				}
			);
		doc.y += 6;
	}
}

function groupGaps(doc: Doc, a: UnitAlignment, txt: ReportText): void {
	const { t } = txt;
	const threshold = txt.score(a.threshold);
	subheading(doc, t('report.alignment.groupsTop'), 80);
	if (a.groupGaps.length === 0) return void paragraph(doc, t('alignment.groups.none', { threshold }), { color: INK.muted });
	paragraph(doc, t('alignment.groups.text', { threshold }), { size: SIZE.small, color: INK.muted });
	const top = a.groupGaps.slice(0, PDF_GROUP_GAPS);
	type Gap = UnitAlignment['groupGaps'][number];
	const groupCell = (g: Gap['groups'][number]) => `${g.name}: ${txt.score(g.score)}`;
	table(
		doc,
		[
			{ header: t('report.sheet.statement'), width: 225, cell: (g: Gap) => ({ text: g.statement.text, sub: txt.areaName(g.statement.area) }) },
			{ header: t('report.sheet.group'), width: 100, cell: (g: Gap) => groupCell(g.groups[0]) },
			{ header: t('report.sheet.otherGroup'), width: 100, cell: (g: Gap) => groupCell(g.groups[1]) },
			{ header: t('results.col.difference'), width: CONTENT_WIDTH - 425, align: 'right', cell: (g: Gap) => ({ text: txt.signed(g.difference), bold: true }) }
		],
		top
	);
	if (a.groupGapCount > top.length)
		paragraph(doc, t('alignment.groups.more', { shown: top.length, count: a.groupGapCount }), { size: SIZE.small, color: INK.muted });
}

function followUp(doc: Doc, experiments: ExperimentFollowUp[], txt: ReportText): void {
	if (experiments.length === 0) return;
	const { t, locale } = txt;
	subheading(doc, t('experiments.followUp'), 80);
	paragraph(doc, t('experiments.followUpText'), { size: SIZE.small, color: INK.muted });
	for (const x of experiments) {
		const change =
			x.metric.kind === 'kpi'
				? t('experiments.kpiOnBoard')
				: x.then !== null && x.now !== null
					? t('experiments.thenNow', { then: txt.score(x.then), now: txt.score(x.now), change: txt.signed(x.change) })
					: t('experiments.notShown');
		const facts = [
			`${t('experiments.metric')}: ${x.metric.name} (${t(`experiments.metricKind.${x.metric.kind}`)})`,
			`${t('experiments.change')}: ${change}`,
			`${t('experiments.window')}: ${formatDate(x.startsOn, locale)} – ${formatDate(x.endsOn, locale)} · ${t(`experiments.status.${x.status}`)}`,
			`${t('experiments.from')}: ${x.round.name}`
		];
		ensure(doc, heightOf(doc, x.lever, CONTENT_WIDTH, { font: 'bold' }) + 50);
		paragraph(doc, x.lever, { font: 'bold', gap: 2 });
		paragraph(doc, x.hypothesis, { indent: INDENT, gap: 2 });
		for (const f of facts) paragraph(doc, f, { indent: INDENT, size: SIZE.small, gap: 1 });
		if (x.result) paragraph(doc, `${t('experiments.result')}: ${x.result}`, { indent: INDENT, size: SIZE.small, gap: 1 });
		doc.y += 8;
	}
}
