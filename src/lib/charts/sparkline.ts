import { chartColours, clampScore, runs } from './colours';
import { el } from './svg';

/** A tiny trend for a table cell, y fixed 1–5; the last value gets a dot. Decorative (aria-hidden). */
export function sparklineSvg({ values, width = 96, height = 24 }: { values: (number | null)[]; width?: number; height?: number }): string {
	const pad = 3.5;
	const x = (i: number) => (values.length <= 1 ? width / 2 : pad + (i / (values.length - 1)) * (width - 2 * pad));
	const y = (v: number) => pad + ((5 - clampScore(v)) / 4) * (height - 2 * pad);
	const parts = runs(values);
	const last = parts.length ? parts[parts.length - 1][parts[parts.length - 1].length - 1] : null;
	let body = el('line', { x1: pad, x2: width - pad, y1: y(3), y2: y(3), stroke: chartColours.grid });
	for (const run of parts) {
		if (run.length > 1)
			body += el('polyline', {
				points: run.map(([i, v]) => `${x(i)},${y(v)}`).join(' '),
				fill: 'none',
				stroke: chartColours.unit,
				'stroke-width': 1.75,
				'stroke-linejoin': 'round',
				'stroke-linecap': 'round'
			});
		else if (run[0] !== last) body += el('circle', { cx: x(run[0][0]), cy: y(run[0][1]), r: 1.5, fill: chartColours.unit });
	}
	if (last) body += el('circle', { class: 'last', cx: x(last[0]), cy: y(last[1]), r: 3, fill: chartColours.unit, stroke: '#fff', 'stroke-width': 1 });
	return el(
		'svg',
		{ class: 'sparkline', xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${width} ${height}`, width, height, 'aria-hidden': 'true', focusable: 'false' },
		body
	);
}
