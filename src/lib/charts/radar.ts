import { chartColours, clampScore, textWidth, wrapLabel } from './colours';
import { chartSvg, el, esc, text } from './svg';

export type RadarSeries = { name: string; values: (number | null)[]; kind: 'unit' | 'benchmark' | 'other' };
export interface RadarInput {
	label: string;
	axes: string[];
	series: RadarSeries[];
	size?: number;
}

/** Line style of each kind of series (also used by the legend). */
export const radarStyle = {
	unit: { stroke: chartColours.unit, dash: undefined, fill: chartColours.unit, opacity: 0.2 },
	benchmark: { stroke: chartColours.benchmark, dash: '6 4', fill: 'none', opacity: 0 },
	other: { stroke: chartColours.second, dash: '1.5 4', fill: 'none', opacity: 0 }
} as const;

export const radarLetter = (i: number) => String.fromCharCode(65 + i);

/** Whether the narrow drawing letters its axes (names do not fit): the page then lists the names as a key. */
export const radarKeyed = (axes: string[]) => axes.length > 8 || axes.some((a) => wrapLabel(a, 12, 2).truncated);

function layout(axes: string[], w: number, font: number, perLine: number, maxLines: number, maxR: number, keyed = false) {
	const n = Math.max(axes.length, 1);
	const gap = font * 0.8,
		lineH = font * 1.2,
		m = 4,
		cx = w / 2;
	const angle = (i: number) => -Math.PI / 2 + (i * 2 * Math.PI) / n;
	const wrapped = axes.map((a, i) => (keyed ? { lines: [radarLetter(i)], truncated: false } : wrapLabel(a, perLine, maxLines)));
	let R = Math.min(maxR, cx - m - gap - font);
	wrapped.forEach((wr, i) => {
		const c = Math.abs(Math.cos(angle(i)));
		const lw = Math.max(0, ...wr.lines.map((l) => textWidth(l, font)));
		if (c >= 0.15) R = Math.min(R, (cx - m - lw) / c - gap);
	});
	R = Math.max(R, 30);
	const labels = wrapped.map((wr, i) => {
		const c = Math.cos(angle(i)),
			s = Math.sin(angle(i)),
			k = wr.lines.length;
		const x = cx + c * (R + gap),
			y = s * (R + gap);
		const anchor = Math.abs(c) < 0.15 ? 'middle' : c > 0 ? 'start' : 'end';
		const first = s > 0.15 ? y + font * 0.85 : s < -0.15 ? y - (k - 1) * lineH - font * 0.25 : y - ((k - 1) * lineH) / 2 + font * 0.35;
		return { ...wr, full: axes[i], x, first, anchor, top: first - font, bottom: first + (k - 1) * lineH + font * 0.3 };
	});
	const minY = Math.min(-R - font, ...labels.map((l) => l.top)) - m;
	const maxY = Math.max(...axes.map((_, i) => Math.sin(angle(i)) * R), ...labels.map((l) => l.bottom)) + m;
	const point = (i: number, v: number | null) => {
		const r = v === null || !Number.isFinite(v) ? 0 : (R * clampScore(v)) / 5;
		return [cx + Math.cos(angle(i)) * r, Math.sin(angle(i)) * r];
	};
	const ring = (v: number) => axes.map((_, i) => point(i, v).join(',')).join(' ');
	return { w, font, lineH, cx, R, labels, minY, h: maxY - minY, point, ring, keyed };
}

/**
 * Scores of 3–12 areas on a spider chart (centre 0, rings 1–5). Two drawings of the same chart: 'wide', and
 * 'narrow' for containers under 480px, where axis names that do not fit are lettered A, B, … (see radarKeyed).
 */
export function radarSvg({ label, axes, series, size = 520 }: RadarInput, drawing: 'wide' | 'narrow' = 'wide'): string {
	const L = drawing === 'wide' ? layout(axes, 520, 13, 14, 2, 170) : layout(axes, 320, 13, 12, 2, 130, radarKeyed(axes));
	let grid = '';
	for (const v of [1, 2, 3, 4, 5]) grid += el('polygon', { points: L.ring(v) });
	axes.forEach((_, i) => (grid += el('line', { x1: L.cx, y1: 0, x2: L.point(i, 5)[0], y2: L.point(i, 5)[1] })));
	let body = el('g', { class: 'grid', fill: 'none', stroke: chartColours.grid }, grid);
	for (const s of series) {
		const st = radarStyle[s.kind] ?? radarStyle.other;
		const points = axes.map((_, i) => L.point(i, s.values[i] ?? null).join(',')).join(' ');
		body += el('polygon', {
			class: `series series-${s.kind}`,
			points,
			fill: st.fill,
			'fill-opacity': st.opacity,
			stroke: st.stroke,
			'stroke-width': 2.25,
			'stroke-dasharray': st.dash,
			'stroke-linejoin': 'round',
			'stroke-linecap': 'round'
		});
		if (s.kind === 'unit')
			axes.forEach((_, i) => {
				const [px, py] = L.point(i, s.values[i] ?? null);
				body += el('circle', { class: 'dot', cx: px, cy: py, r: 3, fill: chartColours.unit });
			});
	}
	const rings = [1, 2, 3, 4, 5]
		.map((v) => text({ x: L.cx + 4, y: -(L.R * v) / 5 + L.font * 0.35, 'paint-order': 'stroke', stroke: '#fff', 'stroke-width': 3 }, v))
		.join('');
	body += el('g', { class: 'rings', 'font-size': L.font, fill: chartColours.muted }, rings);
	const names = L.labels.map((l) => {
		const lines = l.lines.map((line, j) => el('tspan', { x: l.x, dy: j === 0 ? 0 : L.lineH }, esc(line))).join('');
		return el(
			'text',
			{ x: l.x, y: l.first, 'text-anchor': l.anchor, 'font-weight': L.keyed ? 700 : undefined },
			(l.truncated ? el('title', {}, esc(l.full)) : '') + lines
		);
	});
	body += el('g', { class: 'axis-labels', 'font-size': L.font, fill: chartColours.text }, names.join(''));
	return chartSvg({ drawing, viewBox: `0 ${L.minY} ${L.w} ${L.h}`, label, body, style: drawing === 'wide' ? `max-width: ${size}px` : undefined });
}
