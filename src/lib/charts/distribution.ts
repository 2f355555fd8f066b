import { formatShare } from '$lib/results/format';
import { chartColours, textOn } from './colours';
import { el, named, text } from './svg';

export type Segment = { key: string; label: string; count: number };
export interface DistributionInput {
	label: string;
	segments: Segment[];
	/** Unique within the page: the id of the "don't know" hatch pattern is `${id}-dk`. */
	id: string;
	locale?: string;
	/** Write each wide-enough segment's percentage in it (default true). */
	shares?: boolean;
	/** A fixed drawing width (a viewBox, for the PDF); by default the bar fills its container. */
	width?: number;
}

/** Each segment with its colour, start and share (0..1); an answer scale (keys 1–5, dk) gets the diverging colours. */
export function distributionBars(segments: Segment[]) {
	const scale = segments.length > 0 && segments.every((s) => s.key in chartColours.diverging || s.key === 'dk');
	const colourOf = (key: string, i: number) =>
		key === 'dk' ? chartColours.dontKnow : scale ? chartColours.diverging[key] : chartColours.categorical[i % chartColours.categorical.length];
	const total = segments.reduce((n, s) => n + Math.max(0, s.count || 0), 0);
	let start = 0;
	return segments.map((s, i) => {
		const share = total > 0 ? Math.max(0, s.count || 0) / total : 0;
		const bar = { ...s, start: start * 100, pct: share * 100, share, colour: colourOf(s.key, i) };
		start += share;
		return bar;
	});
}

/**
 * Answer counts as one 100%-stacked bar, with percentages in wide-enough segments (class "tight" under 15%,
 * which the page hides in narrow containers). Percentage coordinates, so its text stays at 13px at any width.
 */
export function distributionSvg({ label, segments, id, locale = 'en', shares = true, width }: DistributionInput): string {
	const bars = distributionBars(segments);
	const pattern = el(
		'pattern',
		{ id: `${id}-dk`, patternUnits: 'userSpaceOnUse', width: 6, height: 6, patternTransform: 'rotate(45)' },
		el('rect', { width: 6, height: 6, fill: chartColours.dontKnow }) +
			el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: chartColours.dontKnowHatch, 'stroke-width': 2 })
	);
	let body = el('defs', {}, pattern) + el('rect', { class: 'track', x: 0, y: 0, width: '100%', height: 30, rx: 3, fill: chartColours.track });
	for (const b of bars) {
		if (b.pct <= 0) continue;
		body += el('rect', {
			class: 'segment',
			x: `${b.start}%`,
			y: 0,
			width: `${b.pct}%`,
			height: 30,
			fill: b.key === 'dk' ? `url(#${id}-dk)` : b.colour,
			stroke: '#fff',
			'stroke-width': 1
		});
		if (shares && b.pct >= 8)
			body += text(
				{
					class: b.pct < 15 ? 'tight' : undefined,
					x: `${b.start + b.pct / 2}%`,
					y: 20,
					'text-anchor': 'middle',
					'font-size': 13,
					'font-weight': 600,
					fill: b.key === 'dk' ? chartColours.text : textOn(b.colour)
				},
				formatShare(b.share, locale)
			);
	}
	const size = width ? { viewBox: `0 0 ${width} 30`, width } : { width: '100%' };
	return el('svg', { xmlns: 'http://www.w3.org/2000/svg', ...size, height: 30, role: 'img', 'aria-label': label }, named(label) + body);
}
