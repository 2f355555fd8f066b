import { signed } from '$lib/results/format';
import { chartColours, truncate } from './colours';
import { chartSvg, el, esc, text } from './svg';

export type AssociationRow = { name: string; rho: number | null; low: number | null; high: number | null };
export interface AssociationInput {
	label: string;
	rows: AssociationRow[];
	/** Drawn at the right of an area without a figure (too few units). */
	none: string;
	/** The axis ends' words, e.g. "goes with missing" and "goes with hitting". */
	lowEnd: string;
	highEnd: string;
	locale?: string;
}

const NAME_MAX = 36;
const clamp = (v: number) => Math.min(1, Math.max(-1, v));

/**
 * Each area's rank correlation with attainment as a dot on a −1…+1 axis with its interval as a line
 * through it, zero marked. 'wide': the name left of the axis; 'narrow' (under 660px): the name above it, the axis ends' words on two lines.
 * The figure is written at the right, so nothing is told by the drawing alone.
 */
export function associationSvg(input: AssociationInput, drawing: 'wide' | 'narrow' = 'wide'): string {
	const { label, rows, none, lowEnd, highEnd, locale = 'en' } = input;
	const stacked = drawing === 'narrow';
	const w = stacked ? 340 : 760;
	const font = stacked ? 14 : 13,
		head = stacked ? 62 : 44,
		rowH = stacked ? 56 : 34;
	const x0 = stacked ? 14 : 250,
		x1 = stacked ? w - 66 : w - 96;
	const x = (v: number) => x0 + ((clamp(v) + 1) / 2) * (x1 - x0);
	const h = head + rows.length * rowH + 6;
	const ticks = [-1, -0.5, 0, 0.5, 1];
	const grid = (v: number, y1: number, y2: number) =>
		el('line', { x1: x(v), x2: x(v), y1, y2, stroke: v === 0 ? chartColours.muted : chartColours.grid, 'stroke-width': v === 0 ? 1.5 : 1 });
	let axis = '';
	for (const v of ticks)
		axis +=
			(stacked ? '' : grid(v, head - 4, h - 4)) + text({ x: x(v), y: head - 9 }, v === 0 ? '0' : signed(v, locale).replace(/0+$/, '').replace(/[.,]$/, ''));
	axis += text({ x: x0, y: 14, 'text-anchor': 'start' }, `← ${lowEnd}`) + text({ x: x1, y: stacked ? 32 : 14, 'text-anchor': 'end' }, `${highEnd} →`);
	let body = el('g', { class: 'axis', fill: chartColours.muted, 'text-anchor': 'middle' }, axis);
	rows.forEach((r, i) => {
		const top = head + i * rowH;
		const short = truncate(r.name, NAME_MAX);
		const nameY = stacked ? top + 18 : top + rowH / 2 + 4.5,
			cy = stacked ? top + 39 : top + rowH / 2;
		// Narrow: the grid runs beside each dot only, never through the name above it.
		let row = stacked ? ticks.map((v) => grid(v, cy - 11, cy + 11)).join('') : '';
		row += el('text', { class: 'name', x: 0, y: nameY, fill: chartColours.text }, (short !== r.name ? el('title', {}, esc(r.name)) : '') + esc(short));
		if (r.rho !== null && r.low !== null && r.high !== null) {
			row += el('line', { class: 'interval', x1: x(r.low), x2: x(r.high), y1: cy, y2: cy, stroke: '#64748b', 'stroke-width': 3, 'stroke-linecap': 'round' });
			row += el('circle', { class: 'rho', cx: x(r.rho), cy, r: 6.5, fill: chartColours.unit, stroke: '#fff', 'stroke-width': 1.5 });
		}
		const figure = r.rho === null ? none : signed(r.rho, locale);
		row += text({ class: 'figure', x: w - 2, y: cy + 4.5, 'text-anchor': 'end', fill: chartColours.text, 'font-weight': r.rho === null ? 400 : 600 }, figure);
		body += el('g', { class: 'row' }, row);
	});
	return chartSvg({ drawing, viewBox: `0 0 ${w} ${h}`, label, body, font });
}
