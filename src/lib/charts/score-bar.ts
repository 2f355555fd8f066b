import { chartColours, clampScore, type Status } from './colours';
import { el } from './svg';

export interface ScoreBarInput {
	score: number | null;
	benchmark: number | null;
	status: Status | null;
	width?: number;
	/** The score's 90 % interval: a whisker across the bar. */
	interval?: { low: number; high: number } | null;
}

/**
 * One score as an inline bar: track 1–5, bar from 1 to the score in the status colour, benchmark tick with
 * a small triangle above it; a null score shows only the track. Decorative (aria-hidden): the figures are
 * written beside it.
 */
export function scoreBarSvg({ score, benchmark, status, width = 220, interval = null }: ScoreBarInput): string {
	const h = 20,
		pad = 5;
	const x = (v: number) => pad + ((clampScore(v) - 1) / 4) * (width - 2 * pad);
	const fill = (chartColours.status[status ?? 'neutral'] ?? chartColours.status.neutral).fill;
	const hasScore = score !== null && Number.isFinite(score);
	const hasBenchmark = benchmark !== null && Number.isFinite(benchmark);
	let body = el('rect', { class: 'track', x: pad, y: 7, width: width - 2 * pad, height: 10, rx: 2, fill: chartColours.track, stroke: chartColours.grid });
	for (const g of [2, 3, 4]) body += el('line', { class: 'grid', x1: x(g), x2: x(g), y1: 7, y2: 17, stroke: chartColours.grid });
	if (hasScore) body += el('rect', { class: 'bar', x: pad, y: 7, width: Math.max(2, x(score) - pad), height: 10, rx: 2, fill });
	if (hasScore && interval) {
		const [l, r] = [x(interval.low), x(interval.high)];
		const ink = { stroke: chartColours.benchmark, 'stroke-width': 1.5 };
		body += el('line', { class: 'interval', x1: l, x2: r, y1: 12, y2: 12, ...ink });
		for (const e of [l, r]) body += el('line', { x1: e, x2: e, y1: 9, y2: 15, ...ink });
	}
	if (hasScore && hasBenchmark) {
		const bx = x(benchmark);
		body += el('line', { class: 'benchmark', x1: bx, x2: bx, y1: 4.5, y2: h, stroke: chartColours.benchmark, 'stroke-width': 2 });
		body += el('path', { d: `M${bx - 4},0 L${bx + 4},0 L${bx},5 Z`, fill: chartColours.benchmark });
	}
	return el(
		'svg',
		{ class: 'score-bar', xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${width} ${h}`, width, height: h, 'aria-hidden': 'true', focusable: 'false' },
		body
	);
}
