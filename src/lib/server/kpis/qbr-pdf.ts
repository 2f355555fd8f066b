import PDFDocument from 'pdfkit';
import { translator, type Locale, type Translate } from '$lib/i18n';
import { alarmWordKey, type AlarmStatus } from '$lib/kpis/alarm';
import type { BoardCell, BoardCheck, BoardKpi } from '$lib/kpis/board';
import { formatDeviation, formatFigure, formatMonthName } from '$lib/kpis/format';
import { parseMonthKey } from '$lib/kpis/month';
import { parseQuarterKey } from '$lib/kpis/quarter';
import type { Correction } from '$lib/kpis/corrections';
import { formatDate, formatDay } from '$lib/results/format';
import { chartColours } from '$lib/charts/colours';
import { CONTENT_WIDTH, INK, LEFT, PAGE, SIZE, onEveryPage, pageFooter, paragraph, textAt, winAnsi, type Doc } from '$lib/server/reports/pdf-layout';
import { table, type Cell } from '$lib/server/reports/pdf-tables';
import type { Qbr, QbrKpi } from './qbr';
import { scoresSection, section, type PackText } from './qbr-pdf-scores';

/** An alarm as the board's chips show it: a tint, dark ink and the word (so it reads in black and white too). */
const TINT: Record<AlarmStatus, { fill: string; color: string }> = {
	ok: { fill: '#dcfce7', color: '#14532d' },
	amber: { fill: '#fef3c7', color: '#78350f' },
	red: { fill: '#fee2e2', color: '#7f1d1d' },
	no_data: { fill: '#f1f5f9', color: '#334155' }
};

/**
 * The quarterly business review pack as an A4 PDF of one page (two at most): the KPIs at the quarter's end,
 * the quarter's alarms and corrections, and the SOS scores with their trend. It prints only what `Qbr` holds.
 */
export async function renderQbr(p: Qbr, opts: { locale: Locale; generatedAt: Date; demo?: boolean }): Promise<Buffer> {
	const t = translator(opts.locale);
	const txt: PackText = { t, locale: opts.locale, month: (key) => formatMonthName(parseMonthKey(key)!, opts.locale) };
	const q = parseQuarterKey(p.quarter.key)!;
	const quarter = t('kpis.qbr.quarter', { quarter: q.quarter, year: q.year });
	const doc: Doc = new PDFDocument({
		size: 'A4',
		margins: { top: 48, bottom: PAGE.bottom, left: PAGE.margin, right: PAGE.margin },
		bufferPages: true,
		lang: opts.locale === 'sv' ? 'sv-SE' : 'en-GB',
		displayTitle: true,
		info: {
			Title: winAnsi(`${t('kpis.qbr.title')} – ${p.unit.name} – ${quarter}`),
			Author: winAnsi(p.organization),
			Creator: 'SOS',
			CreationDate: opts.generatedAt
		}
	});
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});

	header(doc, p, txt, quarter, opts.generatedAt, opts.demo ?? false);
	kpiSection(doc, p, txt);
	alarmSection(doc, p, txt);
	scoresSection(doc, p, txt);
	const title = `${t('kpis.qbr.title')} ${quarter}`;
	footer(doc, p.unit.id === null ? `${p.organization} · ${title}` : t('kpis.qbr.footer', { organization: p.organization, unit: p.unit.name, title }), t);
	doc.end();
	return done;
}

function header(doc: Doc, p: Qbr, txt: PackText, quarter: string, generatedAt: Date, demo: boolean): void {
	const { t } = txt;
	doc.rect(0, 0, PAGE.width, 6).fillColor(chartColours.unit).fill();
	let y = 40;
	y +=
		textAt(doc, `${t('kpis.qbr.title')} · ${quarter}`.toUpperCase(), LEFT, y, CONTENT_WIDTH, { size: SIZE.small, font: 'bold', color: chartColours.unit }) + 4;
	y += textAt(doc, p.unit.name, LEFT, y, CONTENT_WIDTH, { size: SIZE.h1, font: 'bold', lines: 2 }) + 3;
	const [first, last] = [p.quarter.months[0], p.quarter.over.at(-1)!];
	const period = t(p.quarter.over.length === 3 ? 'kpis.qbr.period' : 'kpis.qbr.periodToDate', { first: txt.month(first), last: txt.month(last) });
	const line = `${p.unit.id === null ? '' : `${p.organization} · `}${period} · ${t('kpis.qbr.generatedAt', { date: formatDay(generatedAt, txt.locale) })}`;
	y += textAt(doc, line, LEFT, y, CONTENT_WIDTH, { size: SIZE.body, color: INK.muted, lines: 2 });
	// The demo's figures and answers are generated: the pack says so, as the results report does.
	if (demo) y += 3 + textAt(doc, t('results.generated'), LEFT, y + 3, CONTENT_WIDTH, { size: SIZE.small, font: 'bold', color: '#92400e' });
	doc.y = y + 6;
}

const word = (t: Translate, c: BoardCheck) => (c.missing ? t(`kpis.missing.${c.missing}`) : t(alarmWordKey(c.status)));
const statusCell = (t: Translate, c: BoardCheck | null): Cell =>
	c ? { text: word(t, c), bold: c.status === 'red' || c.status === 'amber', ...TINT[c.status] } : { text: '–', color: INK.muted };

function kpiSection(doc: Doc, p: Qbr, txt: PackText): void {
	const { t, locale } = txt;
	const through = txt.month(p.quarter.over.at(-1)!);
	section(doc, t('kpis.qbr.kpis'));
	paragraph(doc, t('kpis.qbr.kpisIntro', { month: through, unit: p.unit.name }), { size: SIZE.small, color: INK.muted, gap: 4 });
	const fig = (k: BoardKpi, v: string | null | undefined) => formatFigure(v ?? null, k.unit, locale);
	const top = doc.y;
	const group = (label: string, x: number, w: number) => {
		textAt(doc, label, x + 5, top, w - 10, { size: SIZE.small, font: 'bold', align: 'center' });
		doc
			.moveTo(x + 5, top + 11)
			.lineTo(x + w - 5, top + 11)
			.lineWidth(0.5)
			.strokeColor(INK.muted)
			.stroke();
	};
	// At 7 pt: 131 400 000 and −21,9 % on one line, and Well behind plan / Långt efter plan too.
	const W = { kpi: 91, actual: 50, plan: 50, dev: 35, status: 67 };
	const span = W.actual + W.plan + W.dev + W.status;
	group(t('kpis.qbr.col.quarter'), LEFT + W.kpi, span);
	group(t('kpis.qbr.col.ytd'), LEFT + W.kpi + span, span);
	doc.y = top + 13;
	const checkColumns = (pick: (r: QbrKpi) => BoardCheck | null) => [
		{ header: t('kpis.qbr.actual'), width: W.actual, align: 'right' as const, cell: (r: QbrKpi) => ({ text: fig(r.kpi, pick(r)?.actual), bold: true }) },
		{ header: t('kpis.qbr.plan'), width: W.plan, align: 'right' as const, cell: (r: QbrKpi) => fig(r.kpi, pick(r)?.plan) },
		{ header: '±', width: W.dev, align: 'right' as const, cell: (r: QbrKpi) => formatDeviation(pick(r)?.deviationPct ?? null, locale) },
		{ header: t('kpis.qbr.col.status'), width: W.status, cell: (r: QbrKpi) => statusCell(t, pick(r)) }
	];
	table(
		doc,
		[
			{
				header: t('kpis.qbr.col.kpi'),
				width: W.kpi,
				cell: (r: QbrKpi) => ({ text: r.kpi.names[locale], bold: true, sub: r.atEnd ? t('kpis.qbr.atEnd', { month: through }) : undefined })
			},
			...checkColumns((r) => r.quarter),
			...checkColumns((r) => r.ytd)
		],
		p.kpis,
		{ size: 7 }
	);
}

function alarmSection(doc: Doc, p: Qbr, txt: PackText): void {
	const { t, locale } = txt;
	section(doc, t('kpis.qbr.alarms'), 60);
	if (p.alarms.length === 0) paragraph(doc, t('kpis.qbr.noAlarms', { unit: p.unit.name }), { size: SIZE.small });
	else {
		paragraph(doc, t('kpis.qbr.alarmsIntro', { unit: p.unit.name }), { size: SIZE.small, color: INK.muted, gap: 2 });
		const monthCell = (c: BoardCell | null): Cell => {
			if (!c) return { text: t('kpis.qbr.notOver'), color: INK.muted };
			const dev = c.month?.deviationPct ?? c.ytd?.deviationPct ?? null;
			const alarmed = c.worst === 'red' || c.worst === 'amber';
			return {
				text: t(alarmWordKey(c.worst)),
				bold: alarmed,
				sub: dev === null ? undefined : formatDeviation(dev, locale),
				...(alarmed ? TINT[c.worst] : { color: INK.muted })
			};
		};
		const width = (CONTENT_WIDTH - 135) / 3;
		table(
			doc,
			[
				{ header: t('kpis.qbr.col.kpi'), width: 135, cell: (a: Qbr['alarms'][number]) => ({ text: a.kpi.names[locale], bold: true }) },
				...p.quarter.months.map((m, i) => ({ header: txt.month(m), width, cell: (a: Qbr['alarms'][number]) => monthCell(a.months[i]) }))
			],
			p.alarms,
			{ size: 7.5 }
		);
	}
	correctionList(doc, p, txt);
}

function correctionList(doc: Doc, p: Qbr, txt: PackText): void {
	const { t, locale } = txt;
	doc.y += 2;
	doc.y += textAt(doc, t('kpis.qbr.corrections', { unit: p.unit.name }), LEFT, doc.y, CONTENT_WIDTH, { size: SIZE.body, font: 'bold' }) + 4;
	if (p.corrections.length === 0) return paragraph(doc, t('kpis.qbr.noCorrections'), { size: SIZE.small, color: INK.muted });
	const name = (key: string) => p.kpis.find((k) => k.kpi.key === key)?.kpi.names[locale] ?? key;
	type Row = Qbr['corrections'][number];
	table(
		doc,
		[
			{ header: t('kpis.qbr.col.unit'), width: 90, cell: (c: Row) => c.unit ?? p.organization },
			{ header: t('kpis.qbr.col.alarm'), width: 95, cell: (c: Row) => ({ text: name(c.kpi), sub: txt.month(c.alarmMonth) }) },
			{
				header: t('kpis.qbr.col.correction'),
				width: 180,
				cell: (c: Row) => ({ text: t(`kpis.correction.${c.correction as Correction}`), bold: true, sub: c.title })
			},
			{ header: t('kpis.qbr.col.owner'), width: 70, cell: (c: Row) => c.owner ?? '–' },
			{ header: t('kpis.qbr.col.checkOn'), width: CONTENT_WIDTH - 435, cell: (c: Row) => (c.checkOn ? formatDate(c.checkOn, locale) : '–') }
		],
		p.corrections,
		{ size: 7.5 }
	);
}

/** The pack's name and "page n of m" at the foot of every page. */
function footer(doc: Doc, text: string, t: Translate): void {
	onEveryPage(doc, (i, count) => pageFooter(doc, { y: PAGE.height - 36, gap: 6, text, pageLabel: t('report.page', { page: i + 1, pages: count }) }));
}
