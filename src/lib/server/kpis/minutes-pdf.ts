import PDFDocument from 'pdfkit';
import { translator, type Locale } from '$lib/i18n';
import { formatDeviation, formatFigure, formatMonthName } from '$lib/kpis/format';
import { parseMonthKey } from '$lib/kpis/month';
import { bullet, heading, paragraph, PAGE, SIZE, INK, winAnsi, type Doc } from '$lib/server/reports/pdf-layout';
import type { reviewMeeting } from './review-meeting';
import type { Correction } from '$lib/kpis/corrections';

type Meeting = Awaited<ReturnType<typeof reviewMeeting>>;

/** The minutes of a closed monthly review as a PDF: the alarms, the corrections decided, what was passed down, and the notes. */
export async function renderMinutes(m: Meeting, opts: { locale: Locale; organization: string }): Promise<Buffer> {
	const t = translator(opts.locale);
	const unit = m.board.unit?.name ?? opts.organization;
	const month = formatMonthName(parseMonthKey(m.board.month)!, opts.locale);
	const doc: Doc = new PDFDocument({
		size: 'A4',
		margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.margin, right: PAGE.margin },
		lang: opts.locale === 'sv' ? 'sv-SE' : 'en-GB',
		displayTitle: true,
		info: { Title: winAnsi(`${t('kpis.review.title')} – ${unit} – ${month}`), Author: winAnsi(opts.organization), Creator: 'SOS' }
	});
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
	const name = (k: { names: { en: string; sv: string } }) => k.names[opts.locale];

	paragraph(doc, `${t('kpis.review.title')}: ${unit}, ${month}`, { size: SIZE.h1, font: 'bold' });
	if (m.review?.closedAt)
		paragraph(doc, t('kpis.review.closedBy', { who: m.review.closedBy ?? '', date: m.review.closedAt.toISOString().slice(0, 10) }), { color: INK.muted });

	heading(doc, t('kpis.review.alarms'));
	if (m.alarms.length === 0) paragraph(doc, t('kpis.review.noAlarms'));
	for (const a of m.alarms) {
		const dev = a.cell.month?.deviationPct ?? a.cell.ytd?.deviationPct ?? null;
		paragraph(
			doc,
			`${name(a.kpi)}: ${t(`kpis.status.${a.cell.worst}`)} (${formatDeviation(dev, opts.locale)}); ${formatFigure(a.cell.actual, a.kpi.unit, opts.locale)} / ${formatFigure(a.cell.plan, a.kpi.unit, opts.locale)}`,
			{ font: 'bold', gap: 2 }
		);
		for (const d of a.decided)
			bullet(
				doc,
				`${t(`kpis.correction.${d.correction as Correction}`)}: ${d.title}${d.owner ? ` (${d.owner})` : ''}${d.checkOn ? ` – ${t('kpis.review.checkOn', { date: d.checkOn })}` : ''}`
			);
		if (a.decided.length === 0) bullet(doc, t('kpis.review.undecided'), { color: INK.muted });
	}
	if (m.passedDown.length) {
		heading(doc, t('kpis.review.passedDown'));
		for (const p of m.passedDown) bullet(doc, p.text);
	}
	heading(doc, t('kpis.review.minutes'));
	paragraph(doc, m.review?.minutes || '–');
	doc.end();
	return done;
}
