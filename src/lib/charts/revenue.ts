import { chartColours, textWidth } from './colours';
import { chartSvg, el, text } from './svg';

/** One currency's invoiced net per month (minor units; a month whose credit notes outweigh its invoices is negative). */
export interface RevenueInput {
	label: string;
	currency: string;
	/** Months ('2027-01'), oldest first, one per value: named by their short name, with the year under the first and each January. */
	months: string[];
	values: number[];
	locale?: string;
	height?: number;
}

/** A round step (1, 2 or 5 × 10ⁿ) so that `max` spans about four grid lines. */
function niceStep(max: number): number {
	const raw = max / 4;
	const p = 10 ** Math.floor(Math.log10(raw));
	return [1, 2, 5, 10].map((k) => k * p).find((s) => s >= raw)!;
}

/**
 * Bars of revenue by month with whole-unit amounts on the axis and above each bar; negative months hang
 * below the zero line. 'wide', and 'narrow' (containers under 660px) where only every 2nd or 3rd month is named.
 */
export function revenueSvg(input: RevenueInput, drawing: 'wide' | 'narrow' = 'wide'): string {
	const { months, values, locale = 'en', height = 220 } = input;
	const w = drawing === 'wide' ? 720 : 320;
	const font = drawing === 'wide' ? 13 : 12;
	const tag = locale === 'sv' ? 'sv-SE' : 'en-GB';
	const nf = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
	const monthName = new Intl.DateTimeFormat(tag, { month: 'short', timeZone: 'UTC' });
	const names = months.map((m) => monthName.format(new Date(`${m}-01T00:00:00Z`)).replace('.', ''));
	const units = values.map((v) => v / 100);
	const hi = Math.max(0, ...units),
		lo = Math.min(0, ...units);
	const step = niceStep(Math.max(hi - lo, 1));
	const top = Math.ceil(hi / step) * step,
		bottom = Math.floor(lo / step) * step;
	const ticks: number[] = [];
	for (let v = bottom; v <= top + step / 2; v += step) ticks.push(v);
	const left = Math.max(...ticks.map((t) => textWidth(nf.format(t), font))) + 12,
		right = 6,
		y0 = font + 10,
		yb = height - 2 * font - 18;
	const y = (v: number) => y0 + ((top - v) / (top - bottom || 1)) * (yb - y0);
	const n = Math.max(months.length, 1);
	const slot = (w - left - right) / n;
	const bar = Math.min(48, slot * 0.7);
	const every = Math.max(1, Math.ceil((Math.max(...names.map((m) => textWidth(m, font)), 0) + 6) / slot));
	let body = '';
	for (const t of ticks)
		body +=
			el('line', { x1: left, x2: w - right, y1: y(t), y2: y(t), stroke: t === 0 ? chartColours.muted : chartColours.grid }) +
			text({ x: left - 6, y: y(t) + 4, 'text-anchor': 'end', fill: chartColours.muted }, nf.format(t));
	units.forEach((v, i) => {
		const cx = left + slot * i + slot / 2;
		const [a, b] = [y(Math.max(v, 0)), y(Math.min(v, 0))];
		if (v !== 0) body += el('rect', { x: cx - bar / 2, y: a, width: bar, height: Math.max(b - a, 1), fill: chartColours.unit, rx: 2 });
		const named = (months.length - 1 - i) % every === 0;
		if (v !== 0 && textWidth(nf.format(v), font - 1) < slot - 2)
			body += text({ x: cx, y: v >= 0 ? a - 4 : b + font, 'text-anchor': 'middle', 'font-size': font - 1, fill: chartColours.text }, nf.format(v));
		if (named) body += text({ x: cx, y: yb + font + 6, 'text-anchor': 'middle', fill: chartColours.muted }, names[i]);
		if (i === 0 || months[i].endsWith('-01'))
			body += text({ x: cx, y: yb + 2 * font + 10, 'text-anchor': 'middle', fill: chartColours.muted }, months[i].slice(0, 4));
	});
	return chartSvg({ drawing, viewBox: `0 0 ${w} ${height}`, label: input.label, body, font });
}
