/** The first page of the PDF report: what it covers, how to read it, and its findings in brief. */
import { chartColours } from '$lib/charts/colours';
import type { AreaResult } from '$lib/server/results/unit-results';
import type { ReportData } from './data';
import { CONTENT_WIDTH, FONT, INK, LEFT, PAGE, SIZE, fitLine, paragraph, statusMark, subheading, textAt, type Doc } from './pdf-layout';
import { STATUSES, type ReportText } from './report-text';

export function cover(doc: Doc, data: ReportData, txt: ReportText): void {
	const { results: r } = data;
	const { t } = txt;
	doc.rect(0, 0, PAGE.width, 8).fillColor(chartColours.unit).fill();
	let y = 72;
	y += textAt(doc, txt.title.toUpperCase(), LEFT, y, CONTENT_WIDTH, { size: SIZE.small, font: 'bold', color: chartColours.unit }) + 8;
	y += textAt(doc, r.unit.name, LEFT, y, CONTENT_WIDTH, { size: SIZE.h1 + 4, font: 'bold', lines: 3 }) + 6;
	y += textAt(doc, `${data.organization} · ${r.round.name}`, LEFT, y, CONTENT_WIDTH, { size: SIZE.h3 + 2, color: INK.muted, lines: 2 }) + 22;

	const facts: [string, string][] = [
		[t('report.facts.organization'), data.organization],
		[t('report.facts.unit'), [...r.unit.path.map((p) => p.name), r.unit.name].join(' › ')],
		[t('report.facts.round'), r.round.name],
		[t('report.facts.closed'), r.round.closedAt ? txt.day(r.round.closedAt) : t('report.facts.open')],
		[t('report.facts.respondents'), r.unit.respondents === null ? `–  (${txt.hidden})` : txt.count(r.unit.respondents)],
		[t('report.facts.k'), txt.count(r.round.k)],
		[t('report.facts.model'), r.round.model]
	];
	doc.y = y;
	for (const [label, value] of facts) factRow(doc, label, value);
	factRow(doc, t('report.facts.benchmark'), txt.benchmark);
	doc.y += 4;
	if (r.round.isGenerated) paragraph(doc, `${t('results.generated')}: ${t('results.generatedNote')}`, { size: SIZE.small, font: 'bold', color: '#92400e' });
	paragraph(doc, t('report.generatedAt', { date: txt.day(data.generatedAt) }), { size: SIZE.small, color: INK.muted, gap: 16 });

	legend(doc, data, txt);
	summary(
		doc,
		r.areas,
		r.strengths,
		r.improvements.slice(0, SUMMARY_COUNT).map((i) => i.key),
		txt
	);
}

function factRow(doc: Doc, label: string, value: string): void {
	const y = doc.y;
	textAt(doc, label, LEFT, y, 150, { size: SIZE.small, font: 'bold', color: INK.muted });
	const h = textAt(doc, value, LEFT + 150, y, CONTENT_WIDTH - 150, { size: SIZE.body, lines: 4 });
	doc.y = y + Math.max(h, 12) + 5;
}

function legend(doc: Doc, data: ReportData, txt: ReportText): void {
	const { t } = txt;
	const high = txt.score(data.results.high);
	const top = doc.y;
	const rowH = 15;
	const boxH = 30 + STATUSES.length * rowH + 16;
	doc.roundedRect(LEFT, top, CONTENT_WIDTH, boxH, 4).fillColor(INK.faint).fill();
	textAt(doc, t('report.legend.title'), LEFT + 12, top + 10, CONTENT_WIDTH - 24, { size: SIZE.h3 - 1, font: 'bold' });
	STATUSES.forEach((s, i) => {
		const y = top + 30 + i * rowH;
		statusMark(doc, s, LEFT + 18, y + 4.5, 4);
		textAt(doc, txt.status(s), LEFT + 30, y, 150, { size: SIZE.small, font: 'bold', color: chartColours.status[s].fill });
		textAt(doc, t(`report.legend.${s}`, { high }), LEFT + 185, y, CONTENT_WIDTH - 200, { size: SIZE.small });
	});
	textAt(doc, `${t('report.legend.marker')} ${txt.hiddenNote}`, LEFT + 12, top + 30 + STATUSES.length * rowH + 1, CONTENT_WIDTH - 24, {
		size: SIZE.tiny,
		color: INK.muted,
		lines: 2
	});
	doc.y = top + boxH + 18;
}

/** The cover names the three most important improvement areas; the findings section lists them all. */
const SUMMARY_COUNT = 3;

/** Strengths and improvement areas side by side, each with its score and status. */
function summary(doc: Doc, areas: AreaResult[], strengths: string[], improvements: string[], txt: ReportText): void {
	subheading(doc, txt.t('report.summary.title'), 90);
	const colW = (CONTENT_WIDTH - 20) / 2;
	const top = doc.y;
	const column = (x: number, title: string, keys: string[], none: string) => {
		let y = top + textAt(doc, title, x, top, colW, { size: SIZE.small, font: 'bold', color: INK.muted }) + 6;
		if (keys.length === 0) textAt(doc, none, x, y, colW, { size: SIZE.small, color: INK.muted });
		for (const key of keys) {
			const a = areas.find((x) => x.key === key)!;
			doc
				.moveTo(x, y - 2)
				.lineTo(x + colW, y - 2)
				.lineWidth(0.4)
				.strokeColor(INK.line)
				.stroke();
			statusMark(doc, a.status, x + 5, y + 6);
			textAt(doc, fitLine(doc, a.name, colW - 70, { size: SIZE.body }), x + 14, y + 1, colW - 70, { size: SIZE.body });
			textAt(doc, txt.score(a.score), x + colW - 50, y + 1, 50, { size: SIZE.body, font: 'bold', align: 'right' });
			y += 18;
		}
		return y;
	};
	const end = Math.max(
		column(LEFT, txt.t('report.summary.strengths'), strengths, txt.t('report.strengths.none')),
		column(LEFT + colW + 20, txt.t('report.summary.improvements'), improvements, txt.t('report.improvements.none'))
	);
	doc.y = end + 6;
	doc.font(FONT.regular);
}
