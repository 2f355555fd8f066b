/** The PDF report's sections on the nine areas: scores, strengths, improvement areas and the perception gap. */
import { heatColour } from '$lib/charts/heat';
import { statusWord } from '$lib/results/colour';
import type { UnitResults } from '$lib/server/results/unit-results';
import { gapChart, scoreBars } from './pdf-charts';
import { CONTENT_WIDTH, INK, LEFT, SIZE, bullet, ensure, heading, heightOf, paragraph, statusMark, textAt, type Doc } from './pdf-layout';
import { table, type Column } from './pdf-tables';
import { statusFill, type ReportText } from './report-text';
import { areaPlan, label as planLabel } from './pdf-plan';
import type { ReportData } from './data';
import { gapPairRows } from './gap-pair';
import { inSentence, pairOf, pairParams } from '$lib/results/groups';

type Area = UnitResults['areas'][number];

export function areaScores(doc: Doc, r: UnitResults, txt: ReportText): void {
	const { t } = txt;
	const whiskers = r.areas.some((a) => a.n && a.interval) ? ` ${t('report.legend.interval')}` : '';
	heading(doc, t('results.areas.title'), { newPage: true, intro: `${t('results.areas.caption')} ${t('report.legend.marker')}${whiskers}` });
	const ranked = [...r.areas].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99));
	scoreBars(
		doc,
		ranked.map((a) => ({ label: a.name, score: a.score, benchmark: a.benchmark, status: a.status, interval: a.n ? a.interval : null })),
		txt
	);
	// As the page's table: the score with its n and 90 % interval under it, and the status word (in line with the benchmark where the interval says so).
	const columns: Column<Area>[] = [
		{ header: t('results.col.rank'), width: 48, align: 'right', cell: (a) => (a.rank === null ? '–' : String(a.rank)) },
		{ header: t('results.col.area'), width: 134, cell: (a) => ({ text: a.name, bold: true }) },
		{ header: t('results.col.score'), width: 96, align: 'right', cell: (a) => ({ text: txt.score(a.score), bold: true, sub: txt.interval(a) ?? undefined }) },
		{ header: t('results.col.benchmark'), width: 58, align: 'right', cell: (a) => txt.score(a.benchmark) },
		{ header: t('results.col.difference'), width: 56, align: 'right', cell: (a) => txt.signed(a.difference) },
		{
			header: t('results.col.status'),
			width: CONTENT_WIDTH - 392,
			cell: (a) => ({ text: txt.status(a.status, a.inLine), status: a.status, color: a.status ? INK.text : INK.muted })
		}
	];
	table(doc, columns, ranked);
	const notes = [
		r.areas.some((a) => a.interval) ? t('results.interval.note') : '',
		r.areas.some((a) => statusWord(a.status, a.inLine) === 'inLine') ? t('results.status.inLineNote') : ''
	];
	if (notes.some(Boolean)) paragraph(doc, notes.filter(Boolean).join(' '), { size: SIZE.small, color: INK.muted });
	if (r.areas.some((a) => a.score === null || a.benchmark === null)) paragraph(doc, txt.hiddenNote, { size: SIZE.small, color: INK.muted });
}

export function findings(doc: Doc, data: ReportData, txt: ReportText): void {
	const { t } = txt;
	const r = data.results;
	const area = (key: string) => r.areas.find((a) => a.key === key)!;
	heading(doc, t('results.strengths.title'), { newPage: true, intro: t('results.strengths.text') });
	if (r.strengths.length === 0) paragraph(doc, t('report.strengths.none'), { color: INK.muted });
	for (const key of r.strengths) areaCard(doc, area(key), r.descriptions[key], txt);
	doc.y += 10;
	const threshold = txt.score(r.improvementThreshold);
	heading(doc, t('results.improvements.title'), { intro: t('results.improvements.text', { threshold }), keep: 160 });
	if (r.improvements.length === 0)
		paragraph(doc, r.areas.some((a) => a.score !== null) ? t('results.improvements.allGood', { threshold }) : t('results.improvements.none'), {
			color: INK.muted
		});
	for (const imp of r.improvements) {
		areaCard(doc, area(imp.key), imp.summary, txt, imp.level ? t(`results.advice.level.${imp.level}`) : undefined);
		if (imp.gap && r.gap) {
			label(doc, t(`results.advice.gap.${imp.gap.pattern}`, pairParams(pairOf(r.gap), txt.locale)));
			indented(doc, imp.gap.text);
		}
		if (imp.kpi) {
			label(doc, t('results.advice.kpi'));
			indented(doc, `${imp.kpi.name} – ${t('results.advice.kpiTarget')} ${imp.kpi.target}`);
		}
		if (imp.lowestStatements.length) {
			label(doc, t('results.improvements.lowest'));
			for (const key of imp.lowestStatements)
				statementLine(
					doc,
					r.statements.find((s) => s.key === key)!,
					txt
				);
		}
		const advice = data.advice[imp.key];
		areaPlan(doc, advice, txt, CARD_INDENT);
		label(doc, t(advice?.plan ? 'results.advice.moreActions' : 'results.improvements.actions'));
		for (const action of imp.actions) bullet(doc, action, { indent: CARD_INDENT });
		doc.y += 14;
	}
}

const CARD_INDENT = 14;

/** A small bold title inside an area's card. */
const label = (doc: Doc, text: string) => planLabel(doc, text, CARD_INDENT);

/** A paragraph inside an area's card. */
function indented(doc: Doc, text: string): void {
	const w = CONTENT_WIDTH - CARD_INDENT;
	ensure(doc, heightOf(doc, text, w) + 4);
	doc.y += textAt(doc, text, LEFT + CARD_INDENT, doc.y, w) + 4;
}

/** An area's name, figures and a paragraph (under the advice level, when there is one), with a bar in its status colour down the left edge. */
function areaCard(doc: Doc, a: Area, text: string | undefined, txt: ReportText, level?: string): void {
	const bodyW = CONTENT_WIDTH - CARD_INDENT;
	const figures = `${txt.t('results.col.score')} ${txt.scoreWithInterval(a)}   ·   ${txt.t('results.col.benchmark')} ${txt.score(a.benchmark)}   ·   ${txt.t('results.col.difference')} ${txt.signed(a.difference)}`;
	const levelH = level ? heightOf(doc, level, bodyW, { size: SIZE.small, font: 'bold' }) + 3 : 0;
	const figuresH = heightOf(doc, `${txt.status(a.status, a.inLine)}   ·   ${figures}`, bodyW - 12, { size: SIZE.small }) + 3;
	const h = heightOf(doc, a.name, bodyW, { size: SIZE.h3, font: 'bold' }) + 3 + figuresH + levelH + (text ? heightOf(doc, text, bodyW) + 4 : 0);
	ensure(doc, h + 10);
	const y = doc.y;
	doc.rect(LEFT, y, 3, h).fillColor(statusFill(a.status)).fill();
	let cy = y + textAt(doc, a.name, LEFT + CARD_INDENT, y, bodyW, { size: SIZE.h3, font: 'bold' }) + 3;
	statusMark(doc, a.status, LEFT + 18, cy + 4.5);
	cy += textAt(doc, `${txt.status(a.status, a.inLine)}   ·   ${figures}`, LEFT + 26, cy, bodyW - 12, { size: SIZE.small, color: INK.muted }) + 3;
	if (level) cy += textAt(doc, level, LEFT + CARD_INDENT, cy, bodyW, { size: SIZE.small, font: 'bold', color: INK.muted }) + 3;
	if (text) cy += textAt(doc, text, LEFT + CARD_INDENT, cy, bodyW) + 4;
	doc.y = Math.max(cy, y + h) + 8;
}

/** A lowest statement: its score, its text and, as on the page, its own advice. */
function statementLine(doc: Doc, s: UnitResults['statements'][number], txt: ReportText): void {
	const w = CONTENT_WIDTH - CARD_INDENT - 36;
	const advice = s.advice ? `${txt.t('results.area.statementAdvice')}: ${s.advice}` : null;
	ensure(doc, heightOf(doc, s.text, w) + (advice ? heightOf(doc, advice, w, { size: SIZE.small }) + 2 : 0) + 4);
	const y = doc.y;
	textAt(doc, txt.score(s.score), LEFT + CARD_INDENT, y, 30, { size: SIZE.body, font: 'bold', color: heatColour('red').color });
	doc.y = y + textAt(doc, s.text, LEFT + CARD_INDENT + 36, y, w) + 2;
	if (advice) doc.y += textAt(doc, advice, LEFT + CARD_INDENT + 36, doc.y, w, { size: SIZE.small, color: INK.muted }) + 2;
	doc.y += 2;
}

export function perceptionGap(doc: Doc, r: UnitResults, txt: ReportText): void {
	const { t } = txt;
	heading(doc, t('results.gap.title'), { newPage: true, intro: t('results.gap.text') });
	if (r.gap === null) {
		paragraph(doc, `${t('report.gap.hiddenAll')} ${t('results.gap.hidden', { k: r.round.k })}`, { color: INK.muted });
		return;
	}
	const pair = gapPairRows(r.gap);
	const between = { first: pair.first, second: inSentence(pair.second, txt.locale) };
	paragraph(doc, pair.counts.map((c) => t('results.gap.count', { group: c.name, n: txt.count(c.respondents) })).join(' · '), {
		size: SIZE.small,
		font: 'bold'
	});
	paragraph(doc, t('results.gap.pairNote', between), { size: SIZE.small, color: INK.muted });
	const rows = pair.rows.map((g) => ({ ...g, name: txt.areaName(g.key) }));
	const names = { a: pair.second, b: pair.first, gap: t('results.gap.gap'), label: t('results.gap.label', between) };
	gapChart(
		doc,
		rows.map((g) => ({ name: g.name, a: g.second, b: g.first })),
		names,
		txt
	);
	table(
		doc,
		[
			{ header: t('results.col.area'), width: 235, cell: (g) => ({ text: g.name, bold: true }) },
			{ header: pair.second, width: 90, align: 'right', cell: (g) => txt.score(g.second) },
			{ header: pair.first, width: 90, align: 'right', cell: (g) => txt.score(g.first) },
			{ header: t('results.gap.gap'), width: CONTENT_WIDTH - 415, align: 'right', cell: (g) => ({ text: txt.signed(g.gap), bold: true }) }
		],
		rows
	);
	if (rows.some((g) => g.gap === null))
		paragraph(doc, `${txt.hiddenNote} ${t('results.gap.hidden', { k: r.round.k })}`, { size: SIZE.small, color: INK.muted });
}
