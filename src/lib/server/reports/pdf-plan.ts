/**
 * An improvement area's plan in the PDF, as its area page shows it: the 30/60/90-day plan as three
 * columns side by side, the agenda for a team meeting as a numbered list and the pitfalls as bullets.
 * Every text is the model's advice (ReportData.advice); nothing here is a figure.
 */
import { PLAN_PHASES, type AreaAdvice } from '$lib/results/advice';
import { CONTENT_WIDTH, INK, LEFT, SIZE, bullet, ensure, heightOf, textAt, type Doc } from './pdf-layout';
import type { ReportText } from './report-text';

const GAP = 8;
const PAD = 6;

/** The plan, agenda and pitfalls of one area, indented by `indent` (nothing for a model without them). */
export function areaPlan(doc: Doc, advice: AreaAdvice | undefined, txt: ReportText, indent: number): void {
	if (!advice) return;
	const { t } = txt;
	if (advice.plan) {
		const plan = advice.plan;
		label(doc, t('results.advice.plan'), indent);
		const w = (CONTENT_WIDTH - indent - 2 * GAP) / 3;
		const inner = w - 2 * PAD;
		const title = (phase: (typeof PLAN_PHASES)[number]) => t(`results.advice.phase.${phase}`);
		const stepH = (s: string) => heightOf(doc, s, inner - 8, { size: SIZE.small }) + 3;
		const heights = PLAN_PHASES.map(
			(p) => heightOf(doc, title(p), inner, { size: SIZE.small, font: 'bold' }) + 4 + plan[p].reduce((h, s) => h + stepH(s), 0) + 2 * PAD
		);
		const h = Math.max(...heights);
		ensure(doc, h + 6);
		const y = doc.y;
		PLAN_PHASES.forEach((phase, i) => {
			const x = LEFT + indent + i * (w + GAP);
			doc.roundedRect(x, y, w, h, 3).fillColor(INK.faint).fill();
			let cy = y + PAD + textAt(doc, title(phase), x + PAD, y + PAD, inner, { size: SIZE.small, font: 'bold' }) + 4;
			for (const step of plan[phase]) {
				doc
					.circle(x + PAD + 2, cy + 3.6, 1.3)
					.fillColor(INK.text)
					.fill();
				cy += textAt(doc, step, x + PAD + 8, cy, inner - 8, { size: SIZE.small }) + 3;
			}
		});
		doc.y = y + h + 8;
	}
	if (advice.agenda) {
		label(doc, t('results.advice.agenda'), indent);
		advice.agenda.forEach((item, i) => numbered(doc, i + 1, item, indent));
		doc.y += 3;
	}
	if (advice.pitfalls) {
		label(doc, t('results.advice.pitfalls'), indent);
		for (const p of advice.pitfalls) bullet(doc, p, { indent });
		doc.y += 3;
	}
}

/** A small bold title at the indent, kept with the first lines under it. */
export function label(doc: Doc, text: string, indent: number): void {
	ensure(doc, 40);
	doc.y += 2;
	doc.y += textAt(doc, text, LEFT + indent, doc.y, CONTENT_WIDTH - indent, { size: SIZE.body, font: 'bold', color: INK.muted }) + 3;
}

function numbered(doc: Doc, n: number, text: string, indent: number): void {
	const w = CONTENT_WIDTH - indent - 14;
	ensure(doc, Math.min(heightOf(doc, text, w), 40));
	const y = doc.y;
	textAt(doc, `${n}.`, LEFT + indent, y, 12, { color: INK.muted });
	doc.y = y + textAt(doc, text, LEFT + indent + 14, y, w) + 3;
}
