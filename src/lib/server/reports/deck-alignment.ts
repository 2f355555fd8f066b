/**
 * The deck's alignment slides, for a round whose model has alignment pairs: the area matrix as a table
 * (row minus column; a cell beyond the threshold says so in words, not only in colour), then the
 * misaligned pairs with their symptom and the leadership behaviours to prioritise. None otherwise.
 */
import { heatColour } from '$lib/charts/heat';
import type { UnitAlignment } from '$lib/server/results/alignment';
import type { ReportData } from './data';
import { BOX, FONT, INK, cell, chunks, continued, headerRow, hex, note, slideWithTitle, type Cell, type Deck, type Row } from './deck-style';
import type { ReportText } from './report-text';

const FLAG = heatColour('red');
/** Misaligned pairs per slide: a symptom and three behaviours fill about a third of one. */
const PAIRS_PER_SLIDE = 3;

export function alignmentSlides(pptx: Deck, data: ReportData, txt: ReportText): void {
	const a = data.alignment;
	if (!a) return;
	matrixSlide(pptx, a, txt);
	pairSlides(pptx, a, txt);
}

function matrixSlide(pptx: Deck, a: UnitAlignment, txt: ReportText): void {
	const { t } = txt;
	const threshold = txt.score(a.threshold);
	const slide = slideWithTitle(pptx, t('alignment.matrix.title'), t('report.alignment.matrixText', { threshold }));
	const rowW = 3.2;
	const colW = (BOX.w - rowW) / a.areas.length;
	const rows: Row[] = [
		headerRow([t('results.col.area'), ...a.areas.map((x) => x.name)], ['left', ...a.areas.map(() => 'center' as const)]),
		...a.areas.map((row, i) => [
			cell(`${row.name}\n${t('results.col.score')} ${txt.score(row.score)}`, { bold: true }),
			...a.matrix[i].map((c, j) => matrixCell(c, i === j, txt))
		])
	];
	slide.addTable(rows, { x: BOX.x, y: BOX.y + 0.1, w: BOX.w, colW: [rowW, ...a.areas.map(() => colW)], fontFace: FONT, fontSize: 12, rowH: 0.8 });
	if (a.areas.some((x) => x.score === null)) note(slide, txt.hiddenNote);
}

function matrixCell(c: UnitAlignment['matrix'][number][number], self: boolean, txt: ReportText): Cell {
	const { t } = txt;
	const base = { align: 'center' as const, fontSize: 12 };
	if (self) return cell('', { ...base, fill: { color: hex(heatColour('neutral').background) } });
	if (c.difference === null) return cell('–', { ...base, color: INK.muted });
	const words = [c.beyond ? t('alignment.matrix.beyond') : '', c.pair ? t('report.alignment.declared') : ''].filter(Boolean).join(' · ');
	const text = words ? `${txt.signed(c.difference)}\n${words}` : txt.signed(c.difference);
	return c.beyond ? cell(text, { ...base, bold: true, fill: { color: hex(FLAG.background) }, color: hex(FLAG.color) }) : cell(text, base);
}

function pairSlides(pptx: Deck, a: UnitAlignment, txt: ReportText): void {
	const { t } = txt;
	const threshold = txt.score(a.threshold);
	const flagged = a.pairs.filter((p) => p.flagged);
	chunks(flagged, PAIRS_PER_SLIDE).forEach((part, i) => {
		const slide = slideWithTitle(pptx, continued(txt, t('alignment.pairs.title'), i), t('report.alignment.deckPairsText', { threshold }));
		if (flagged.length === 0) return void note(slide, t('alignment.pairs.none', { threshold }), BOX.y);
		const rows: Row[] = [
			headerRow([t('alignment.pairs.title'), t('alignment.pairs.symptom'), t('alignment.pairs.behaviours')]),
			...part.map((p) => [
				{
					text: [
						{ text: `${p.items[0].name} ${t('alignment.pairs.versus')} ${p.items[1].name}`, options: { bold: true, breakLine: true } },
						{
							text: `${txt.score(p.items[0].score)} · ${txt.score(p.items[1].score)} · ${t('alignment.pairs.difference', { difference: txt.signed(p.difference) })} – ${t('alignment.matrix.beyond')}`,
							options: { color: hex(FLAG.color), bold: true }
						}
					],
					options: cell('', { fontSize: 10, valign: 'top' }).options
				},
				cell(p.symptom, { fontSize: 10, valign: 'top' }),
				{
					text: p.behaviours.map((b, k) => ({ text: b, options: { bullet: true, breakLine: k < p.behaviours.length - 1 } })),
					options: cell('', { fontSize: 10, valign: 'top' }).options
				}
			])
		];
		slide.addTable(rows, { x: BOX.x, y: BOX.y, w: BOX.w, colW: [3.0, 4.3, 5.03], fontFace: FONT, fontSize: 10 });
	});
}
