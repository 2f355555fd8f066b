import { score } from '$lib/results/format';
import { chartColours, clampScore, runs, textWidth } from './colours';
import { chartSvg, el, esc, text } from './svg';

/** `marker`: a label for a change before this point (e.g. "Model 1.1"), drawn as a dotted rule. */
export type TrendPoint = { x: string; value: number | null; benchmark?: number | null; marker?: string };
export interface TrendInput {
	label: string;
	points: TrendPoint[];
	height?: number;
	locale?: string;
}

function layout(points: TrendPoint[], height: number, locale: string, w: number, pad: number) {
	const font = 13,
		lineH = 15,
		n = points.length,
		left = 30,
		right = 8,
		top = font + 16;
	// The first and last round labels are centred on their points: keep them inside the drawing.
	const edge = Math.max(pad, ...points.map((p) => textWidth(p.x, font) / 2 + 2));
	const xa = left + edge,
		xb = w - right - edge;
	const spacing = n > 1 ? (xb - xa) / (n - 1) : xb - xa;
	const twoLine = points.some((p) => p.x.includes(' ') && textWidth(p.x, font) > spacing - 8);
	const lines = points.map((p) => (twoLine && p.x.includes(' ') ? [p.x.slice(0, p.x.indexOf(' ')), p.x.slice(p.x.indexOf(' ') + 1)] : [p.x]));
	const widest = Math.max(textWidth(score(4.44, locale), font), ...lines.flat().map((l) => textWidth(l, font)));
	const step = n > 1 ? Math.max(1, Math.ceil((widest + 8) / spacing)) : 1;
	const bottom = (twoLine ? 2 : 1) * lineH + 12,
		yb = height - bottom;
	const x = (i: number) => (n === 1 ? (xa + xb) / 2 : xa + i * spacing);
	const y = (v: number) => top + ((5 - clampScore(v)) / 4) * (yb - top);
	const show = (i: number) => (n - 1 - i) % step === 0;
	const path = (run: [number, number][]) => run.map(([i, v], k) => `${k ? 'L' : 'M'}${x(i)},${y(v)}`).join(' ');
	return { w, font, lineH, left, xa, xb, yb, top, spacing, x, y, show, path, lines };
}

/** Whether the chart has a benchmark line (the page's legend names it only then). */
export const trendHasBenchmark = (points: TrendPoint[]) => runs(points.map((p) => p.benchmark)).length > 0;

/**
 * One score over rounds (1–12 points) on a 1–5 scale: solid line with dots and values, benchmark dashed.
 * Missing values break the lines; a point's `marker` (a model version that changed) is a dotted rule before it. 'wide', and 'narrow' for containers under 660px where, with many rounds,
 * only every 2nd/3rd value and round label is written (always the latest).
 */
export function trendSvg({ label, points, height = 220, locale = 'en' }: TrendInput, drawing: 'wide' | 'narrow' = 'wide'): string {
	const L = drawing === 'wide' ? layout(points, height, locale, 720, 24) : layout(points, height, locale, 320, 16);
	/** A value label goes below its dot in a valley (both neighbours higher), where lines would cross it above. */
	const below = (i: number) => {
		const v = points[i].value,
			prev = points[i - 1]?.value,
			next = points[i + 1]?.value;
		return v !== null && v > 1.6 && prev != null && next != null && prev > v && next > v;
	};
	let grid = '';
	for (const v of [1, 2, 3, 4, 5])
		grid +=
			el('line', { x1: L.left, x2: L.w, y1: L.y(v), y2: L.y(v), stroke: chartColours.grid }) +
			text({ x: L.left - 8, y: L.y(v) + 4.5, 'text-anchor': 'end', fill: chartColours.muted }, v);
	let body = el('g', { class: 'grid' }, grid);
	points.forEach((p, i) => {
		if (!p.marker || i === 0) return;
		const mx = L.x(i) - L.spacing / 2;
		body +=
			el('line', { class: 'marker', x1: mx, x2: mx, y1: L.top - 12, y2: L.yb, stroke: chartColours.muted, 'stroke-width': 1, 'stroke-dasharray': '2 3' }) +
			text({ class: 'marker-label', x: mx + 3, y: L.top - 4, 'font-size': 11, fill: chartColours.muted }, p.marker);
	});
	for (const run of runs(points.map((p) => p.benchmark))) {
		if (run.length > 1)
			body += el('path', { class: 'benchmark', d: L.path(run), fill: 'none', stroke: chartColours.benchmark, 'stroke-width': 2, 'stroke-dasharray': '6 4' });
		else
			body += el('line', {
				class: 'benchmark',
				x1: L.x(run[0][0]) - 8,
				x2: L.x(run[0][0]) + 8,
				y1: L.y(run[0][1]),
				y2: L.y(run[0][1]),
				stroke: chartColours.benchmark,
				'stroke-width': 2,
				'stroke-dasharray': '4 3'
			});
	}
	for (const run of runs(points.map((p) => p.value)))
		if (run.length > 1)
			body += el('path', { class: 'series', d: L.path(run), fill: 'none', stroke: chartColours.unit, 'stroke-width': 2.5, 'stroke-linejoin': 'round' });
	points.forEach((p, i) => {
		if (p.value !== null && Number.isFinite(p.value)) {
			body += el('circle', { class: 'dot', cx: L.x(i), cy: L.y(p.value), r: 4, fill: chartColours.unit, stroke: '#fff', 'stroke-width': 1.5 });
			if (L.show(i)) {
				const at = { class: 'value', x: L.x(i), y: L.y(p.value) + (below(i) ? 22 : -10), 'text-anchor': 'middle', 'font-weight': 600, fill: chartColours.text };
				body += text({ ...at, 'paint-order': 'stroke', stroke: '#fff', 'stroke-width': 4, 'stroke-linejoin': 'round' }, score(p.value, locale));
			}
		}
		if (L.show(i))
			body += el(
				'text',
				{ class: 'x-label', x: L.x(i), y: L.yb + 18, 'text-anchor': 'middle', fill: chartColours.muted },
				L.lines[i].map((line, j) => el('tspan', { x: L.x(i), dy: j ? L.lineH : 0 }, esc(line))).join('')
			);
	});
	return chartSvg({ drawing, viewBox: `0 0 ${L.w} ${height}`, label, body, font: L.font });
}

/** The legend's keys: the unit's line with a dot, the benchmark dashed (decorative). */
export const trendKeySvg = (which: 'value' | 'benchmark') =>
	el(
		'svg',
		{ xmlns: 'http://www.w3.org/2000/svg', viewBox: '0 0 30 12', width: 30, height: 12, 'aria-hidden': 'true', focusable: 'false' },
		which === 'value'
			? el('line', { x1: 2, y1: 6, x2: 28, y2: 6, stroke: chartColours.unit, 'stroke-width': 2.5 }) +
					el('circle', { cx: 15, cy: 6, r: 3.5, fill: chartColours.unit })
			: el('line', { x1: 2, y1: 6, x2: 28, y2: 6, stroke: chartColours.benchmark, 'stroke-width': 2, 'stroke-dasharray': '6 4' })
	);
