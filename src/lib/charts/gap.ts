import { score } from '$lib/results/format';
import { chartColours, clampScore, truncate } from './colours';
import { chartSvg, el, esc, text } from './svg';

export type GapRow = { name: string; a: number | null; b: number | null };
export interface GapInput {
	label: string;
	rows: GapRow[];
	gapLabel?: string;
	locale?: string;
}

const NAME_MAX = 28;
const ok = (v: number | null): v is number => v !== null && Number.isFinite(v);

/** b − a with its sign ("+0.70", "−0.70", "0.00"), '–' when either is missing. */
export function gapText(r: GapRow, locale = 'en'): string {
	if (!ok(r.a) || !ok(r.b)) return '–';
	const g = Math.round((r.b - r.a) * 100) / 100;
	return (g > 0 ? '+' : g < 0 ? '−' : '') + score(Math.abs(g), locale);
}

/** The path of the diamond that marks b. */
export const diamond = (cx: number, cy: number, r = 7.5) => `M${cx},${cy - r} L${cx + r},${cy} L${cx},${cy + r} L${cx - r},${cy} Z`;

/**
 * Perception gap per area as a dumbbell: a (circle) and b (diamond) on a 1–5 axis, the gap b − a at the right.
 * 'wide': name left of the axis; 'narrow' (containers under 660px): name above it.
 */
export function gapSvg({ label, rows, gapLabel, locale = 'en' }: GapInput, drawing: 'wide' | 'narrow' = 'wide'): string {
	const stacked = drawing === 'narrow';
	const w = stacked ? 320 : 720;
	const font = stacked ? 14 : 13,
		head = 26,
		rowH = stacked ? 56 : 34;
	const x0 = stacked ? 8 : 236,
		x1 = stacked ? w - 62 : w - 80;
	const x = (v: number) => x0 + ((clampScore(v) - 1) / 4) * (x1 - x0);
	const h = head + rows.length * rowH + 4;
	let axis = '';
	for (const v of [1, 2, 3, 4, 5])
		axis += el('line', { x1: x(v), x2: x(v), y1: head - 4, y2: h - 4, stroke: chartColours.grid }) + text({ x: x(v), y: head - 9 }, v);
	if (gapLabel) axis += text({ x: w - 2, y: head - 9, 'text-anchor': 'end' }, gapLabel);
	let body = el('g', { class: 'axis', fill: chartColours.muted, 'text-anchor': 'middle' }, axis);
	rows.forEach((r, i) => {
		const top = head + i * rowH;
		const short = truncate(r.name, NAME_MAX);
		const nameY = stacked ? top + 18 : top + rowH / 2 + 4.5,
			cy = stacked ? top + 39 : top + rowH / 2;
		let row = el('text', { class: 'name', x: 0, y: nameY, fill: chartColours.text }, (short !== r.name ? el('title', {}, esc(r.name)) : '') + esc(short));
		row += el('line', { x1: x0, x2: x1, y1: cy, y2: cy, stroke: chartColours.grid });
		if (ok(r.a) && ok(r.b)) {
			row += el('line', { class: 'span', x1: x(r.a), x2: x(r.b), y1: cy, y2: cy, stroke: '#94a3b8', 'stroke-width': 3 });
			row += el('circle', { class: 'a', cx: x(r.a), cy, r: 6, fill: chartColours.unit, stroke: '#fff', 'stroke-width': 1.5 });
			if (Math.abs(x(r.a) - x(r.b)) < 10)
				row += el('circle', { class: 'same', cx: x(r.a), cy, r: 10, fill: 'none', stroke: chartColours.unit, 'stroke-width': 2 });
			row += el('path', { class: 'b', d: diamond(x(r.b), cy), fill: chartColours.second, stroke: '#fff', 'stroke-width': 1.5 });
		}
		row += text({ class: 'gap', x: w - 2, y: cy + 4.5, 'text-anchor': 'end', fill: chartColours.text, 'font-weight': 600 }, gapText(r, locale));
		body += el('g', { class: 'row' }, row);
	});
	return chartSvg({ drawing, viewBox: `0 0 ${w} ${h}`, label, body, font });
}

/** The legend's two keys: a circle for a, a diamond for b (decorative; the names are written beside them). */
export const gapKeySvg = (which: 'a' | 'b') =>
	which === 'a'
		? el(
				'svg',
				{ xmlns: 'http://www.w3.org/2000/svg', viewBox: '0 0 14 14', width: 14, height: 14, 'aria-hidden': 'true', focusable: 'false' },
				el('circle', { cx: 7, cy: 7, r: 6, fill: chartColours.unit })
			)
		: el(
				'svg',
				{ xmlns: 'http://www.w3.org/2000/svg', viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true', focusable: 'false' },
				el('path', { d: diamond(8, 8, 7), fill: chartColours.second })
			);
