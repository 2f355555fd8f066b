import { scoreBarSvg } from '$lib/charts/score-bar';
import { chartColours } from '$lib/charts/colours';
import { formatDay, formatMonth, score, signed } from '$lib/results/format';
import { CONTENT_WIDTH, INK, LEFT, PAGE, SIZE, fitLine, heightOf, paragraph, statusMark, textAt, type Doc } from '$lib/server/reports/pdf-layout';
import { drawSvgs } from '$lib/server/reports/pdf-svg';
import type { Qbr } from './qbr';
import type { QbrRound } from './qbr-scores';
import type { Locale, Translate } from '$lib/i18n';

export interface PackText {
	t: Translate;
	locale: Locale;
	month: (key: string) => string;
}

/** A section title: bold, with the short rule the report's headings have. */
export function section(doc: Doc, title: string, keep = 80): void {
	if (doc.y + 30 + keep > PAGE.height - PAGE.bottom) doc.addPage();
	doc.y += 6;
	doc.y += textAt(doc, title, LEFT, doc.y, CONTENT_WIDTH, { size: SIZE.h3 + 1.5, font: 'bold' }) + 3;
	doc
		.moveTo(LEFT, doc.y)
		.lineTo(LEFT + 30, doc.y)
		.lineWidth(1.6)
		.strokeColor(INK.text)
		.stroke();
	doc.y += 6;
}

const ROW = 20;
/** Area name, bar, score with its status, the round before, the change and its verdict. */
const COL = { name: 130, bar: 105, score: 28, status: 97, previous: 40 };

/**
 * The unit's nine area scores beside the round before, as the results pages show them: a bar per area
 * (scoreBarSvg, as in the report), the score with its status word, the previous score and the change with
 * the progress page's verdict. Hidden figures stay hidden, and a hidden round is named with the reason.
 */
export function scoresSection(doc: Doc, p: Qbr, txt: PackText): void {
	const { t, locale } = txt;
	const s = p.scores;
	section(doc, t('kpis.qbr.scores'), s.state === 'shown' ? 9 * ROW + 40 : 30);
	if (s.state === 'none') return paragraph(doc, t('kpis.qbr.scoresNone', { unit: p.unit.name }), { size: SIZE.small });
	if (s.state === 'hidden') return paragraph(doc, t('kpis.qbr.scoresHidden', { round: s.round.name, unit: p.unit.name }), { size: SIZE.small });
	const closed = (r: QbrRound) => (r.closedAt ? formatDay(r.closedAt, locale) : '–');
	const intro = s.previous
		? t('kpis.qbr.scoresIntro', { round: s.round.name, date: closed(s.round), previous: s.previous.name })
		: t('kpis.qbr.scoresFirst', { round: s.round.name, date: closed(s.round) });
	paragraph(doc, intro, { size: SIZE.small, color: INK.muted, gap: 4 });

	const label = (r: QbrRound) => (r.closedAt ? formatMonth(r.closedAt, locale) : r.name);
	const x = {
		bar: LEFT + COL.name,
		score: LEFT + COL.name + COL.bar,
		status: LEFT + COL.name + COL.bar + COL.score,
		previous: LEFT + COL.name + COL.bar + COL.score + COL.status
	};
	const changeX = x.previous + COL.previous;
	const changeW = LEFT + CONTENT_WIDTH - changeX;
	const head = { size: SIZE.tiny + 0.5, font: 'bold' as const, color: INK.muted };
	const top = doc.y;
	textAt(doc, t('kpis.qbr.col.area'), LEFT, top, COL.name, head);
	textAt(doc, fitLine(doc, label(s.round), COL.score + COL.status, head), x.score, top, COL.score + COL.status, head);
	if (s.previous) {
		textAt(doc, fitLine(doc, label(s.previous), COL.previous, head), x.previous, top, COL.previous - 4, { ...head, align: 'right' });
		textAt(doc, t('kpis.qbr.col.change'), changeX + 8, top, changeW - 8, head);
	}
	const y0 = top + 12;
	doc
		.moveTo(LEFT, y0)
		.lineTo(LEFT + CONTENT_WIDTH, y0)
		.lineWidth(0.6)
		.strokeColor(INK.text)
		.stroke();
	const mid = (i: number) => y0 + 2 + i * ROW + ROW / 2;
	drawSvgs(
		doc,
		s.areas.map((a, i) => ({
			svg: scoreBarSvg({ score: a.score, benchmark: a.benchmark, status: a.status, width: COL.bar - 10 }),
			x: x.bar,
			y: mid(i) - 13.5,
			width: COL.bar - 10
		}))
	);
	s.areas.forEach((a, i) => {
		const y = mid(i) - 4.5;
		const area = { size: 7.5, lines: 2 };
		textAt(doc, a.name, LEFT, mid(i) - heightOf(doc, a.name, COL.name - 6, area) / 2, COL.name - 6, area);
		if (a.score === null) textAt(doc, t('kpis.qbr.hiddenArea'), x.score, y, COL.score + COL.status, { size: SIZE.small, color: INK.muted });
		else {
			textAt(doc, score(a.score, locale), x.score, y, COL.score - 4, { size: SIZE.small, font: 'bold', align: 'right' });
			statusMark(doc, a.status, x.status + 4, mid(i), 3.2);
			const word = a.status ? t(`results.status.${a.status}`) : '';
			// A long status word (sv: "I nivå med eller över benchmark") takes two lines, centred on the row.
			const ink = { size: SIZE.tiny, color: a.status ? chartColours.status[a.status].fill : INK.muted, lines: 2 };
			textAt(doc, word, x.status + 11, mid(i) - heightOf(doc, word, COL.status - 12, ink) / 2, COL.status - 12, ink);
		}
		if (s.previous) {
			textAt(doc, score(a.previous, locale), x.previous, y, COL.previous - 4, { size: SIZE.small, align: 'right' });
			// Only a clear change is named (the note below says why the others are not).
			const clear = a.verdict === 'improvement' || a.verdict === 'decline';
			const verdict = clear ? t(`progress.verdict.${a.verdict!}`) : '';
			textAt(doc, signed(a.change, locale), changeX + 8, y, 30, { size: SIZE.small, font: clear ? 'bold' : 'regular' });
			textAt(doc, fitLine(doc, verdict, changeW - 40, { size: SIZE.tiny + 0.5 }), changeX + 38, y + 0.8, changeW - 40, {
				size: SIZE.tiny + 0.5,
				color: INK.muted
			});
		}
		doc
			.moveTo(LEFT, y0 + 2 + (i + 1) * ROW)
			.lineTo(LEFT + CONTENT_WIDTH, y0 + 2 + (i + 1) * ROW)
			.lineWidth(0.3)
			.strokeColor(INK.line)
			.stroke();
	});
	doc.y = y0 + 2 + s.areas.length * ROW + 6;
	if (s.previous) paragraph(doc, t('progress.verdictNote'), { size: SIZE.tiny + 0.5, color: INK.muted });
}
