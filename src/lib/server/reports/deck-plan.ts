/**
 * An improvement area's plan slide, as its area page shows the plan: the 30/60/90-day plan as three
 * columns, the agenda for a team meeting (numbered) and the pitfalls. Text only, all of it the model's
 * advice (ReportData.advice); no figure.
 */
import type PptxGenJS from 'pptxgenjs';
import { chartColours } from '$lib/charts/colours';
import { PLAN_PHASES, type AreaAdvice } from '$lib/results/advice';
import { BOX, FONT, INK, hex, slideWithTitle, type Deck } from './deck-style';
import type { ReportText } from './report-text';

const heading = { fontFace: FONT, fontSize: 13, bold: true, color: INK.muted, valign: 'top' } satisfies PptxGenJS.TextPropsOptions;
const list = { fontFace: FONT, fontSize: 12, color: INK.text, valign: 'top', paraSpaceAfter: 4, fit: 'shrink' } satisfies PptxGenJS.TextPropsOptions;
const COL = { gap: 0.25, h: 2.35 };

/** One slide for the area's plan, agenda and pitfalls; none for a model without a plan. */
export function planSlide(pptx: Deck, advice: AreaAdvice | undefined, areaName: string, intro: string, txt: ReportText): void {
	if (!advice?.plan) return;
	const { t } = txt;
	const plan = advice.plan;
	const slide = slideWithTitle(pptx, `${areaName}: ${t('results.advice.plan')}`, intro);
	const w = (BOX.w - 2 * COL.gap) / 3;
	PLAN_PHASES.forEach((phase, i) => {
		const x = BOX.x + i * (w + COL.gap);
		slide.addShape(pptx.ShapeType.rect, { x, y: BOX.y, w, h: COL.h, fill: { color: hex(chartColours.track) }, line: { type: 'none' } });
		slide.addText(t(`results.advice.phase.${phase}`), { ...heading, color: INK.text, x: x + 0.1, y: BOX.y + 0.08, w: w - 0.2, h: 0.35 });
		slide.addText(
			plan[phase].map((step) => ({ text: step, options: { bullet: true, breakLine: true } })),
			{ ...list, x: x + 0.1, y: BOX.y + 0.45, w: w - 0.2, h: COL.h - 0.55 }
		);
	});
	const y = BOX.y + COL.h + 0.2;
	const h = BOX.y + BOX.h - y - 0.45;
	const half = (BOX.w - COL.gap) / 2;
	if (advice.agenda) {
		slide.addText(t('results.advice.agenda'), { ...heading, x: BOX.x, y, w: half, h: 0.35 });
		slide.addText(
			advice.agenda.map((item) => ({ text: item, options: { bullet: { type: 'number' }, breakLine: true } })),
			{ ...list, x: BOX.x, y: y + 0.4, w: half, h }
		);
	}
	if (advice.pitfalls) {
		const x = BOX.x + half + COL.gap;
		slide.addText(t('results.advice.pitfalls'), { ...heading, x, y, w: half, h: 0.35 });
		slide.addText(
			advice.pitfalls.map((p) => ({ text: p, options: { bullet: true, breakLine: true } })),
			{ ...list, x, y: y + 0.4, w: half, h }
		);
	}
}
