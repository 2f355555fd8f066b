/** The deck's slide frame, type sizes, table cells and chart helpers, shared by all its slides. */
import type PptxGenJS from 'pptxgenjs';
import type { Status } from '$lib/results/colour';
import { chartColours, textWidth } from '$lib/charts/colours';
import { heatColour } from '$lib/charts/heat';
import { shown, type ReportText } from './report-text';
import { safeText } from './safe-cell';

export type Deck = PptxGenJS;
export type Slide = PptxGenJS.Slide;
export type Row = PptxGenJS.TableRow;
export type Cell = PptxGenJS.TableCell;

export const MASTER = 'SOS';
export const FONT = 'Arial';
/** Content area of a 13.33 × 7.5 in slide below the title. */
export const BOX = { x: 0.5, y: 1.45, w: 12.33, h: 5.4 };

/** pptxgenjs wants colours without the '#'. */
export const hex = (colour: string) => colour.replace('#', '').toUpperCase();

export const INK = { text: hex(chartColours.text), muted: hex(chartColours.muted), line: hex(chartColours.rule) };

/**
 * A chart's series as PowerPoint stores them: its names and category labels also go into the workbook
 * embedded behind the chart ("Edit data"), so a formula-like one gets the spreadsheet exports' apostrophe.
 */
export const chartSeries = <S extends { name?: string; labels?: string[] }>(series: S[]): S[] =>
	series.map((s) => ({ ...s, ...(s.name === undefined ? {} : { name: safeText(s.name) }), ...(s.labels ? { labels: s.labels.map(safeText) } : {}) }));

/** The shape that goes with a status word, so it reads without colour vision. */
export const SHAPE: Record<Status, string> = { green: '▲', yellow: '●', red: '▼', neutral: '○' };

/** A new slide with its title (and a line of explanation under it). */
export function slideWithTitle(pptx: Deck, title: string, intro?: string): Slide {
	const slide = pptx.addSlide({ masterName: MASTER });
	slide.addText(title, { x: 0.5, y: 0.3, w: 12.33, h: 0.6, fontFace: FONT, fontSize: 26, bold: true, color: INK.text, fit: 'shrink', valign: 'top' });
	if (intro) slide.addText(intro, { x: 0.5, y: 0.88, w: 12.33, h: 0.5, fontFace: FONT, fontSize: 12, color: INK.muted, fit: 'shrink', valign: 'top' });
	return slide;
}

/** A note in small grey type at the bottom of the content area. */
export function note(slide: Slide, text: string, y = 6.55): void {
	slide.addText(text, { x: 0.5, y, w: 12.33, h: 0.35, fontFace: FONT, fontSize: 10, color: INK.muted, italic: true, valign: 'top', fit: 'shrink' });
}

export function headerRow(labels: string[], align: ('left' | 'right' | 'center')[] = []): Row {
	return labels.map((text, i) => ({
		text,
		options: {
			bold: true,
			color: INK.muted,
			fontSize: 10,
			align: align[i] ?? 'left',
			border: [{ type: 'none' }, { type: 'none' }, { pt: 1, color: INK.text }, { type: 'none' }]
		}
	}));
}

/**
 * The largest font size (from `max` down to `min`, in half points) at which every word of every label fits
 * its column (`widths` in inches, less the cell margins `inset`), so that no header breaks inside a word.
 */
export function headerSize(labels: string[], widths: number[], opts: { max: number; min: number; inset: number }): number {
	const fits = (size: number) => labels.every((label, i) => label.split(/\s+/).every((word) => textWidth(word, size) <= (widths[i] - opts.inset) * 72));
	for (let size = opts.max; size > opts.min; size -= 0.5) if (fits(size)) return size;
	return opts.min;
}

export function cell(text: string, opts: PptxGenJS.TableCellProps = {}): Cell {
	return {
		text,
		options: {
			fontSize: 10,
			color: INK.text,
			valign: 'middle',
			border: [{ type: 'none' }, { type: 'none' }, { pt: 0.5, color: INK.line }, { type: 'none' }],
			...opts
		}
	};
}

/** A status as its shape in colour and its word ("in line with the benchmark" with `inLine`, as the page's chip). */
export function statusCell(status: Status | null, txt: ReportText, inLine = false): Cell {
	if (status === null) return cell(txt.status(null), { color: INK.muted });
	return {
		text: [{ text: `${SHAPE[status]} `, options: { color: hex(chartColours.status[status].fill) } }, { text: txt.status(status, inLine) }],
		options: cell('').options
	};
}

/** A heatmap cell: light status colour with the score printed in it. */
export function heatCell(score: string, status: Status | null, hidden: boolean): Cell {
	const c = heatColour(hidden ? 'suppressed' : (status ?? 'neutral'));
	const mark = status && !hidden ? `${SHAPE[status]} ` : '';
	return cell(mark + score, {
		fill: { color: hex(c.background) },
		color: hex(c.color),
		bold: !hidden,
		align: 'center',
		fontSize: 10,
		border: { pt: 1.5, color: 'FFFFFF' }
	});
}

/** Splits rows into slides' worth. */
export function chunks<T>(items: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out.length ? out : [[]];
}

/** The title of the second and later slides of one topic. */
export const continued = (txt: ReportText, title: string, i: number) => (i === 0 ? title : txt.t('report.deck.continued', { title }));

/** pptxgenjs writes an empty point for null (its types say number only). */
export const chartValues = (v: (number | null)[]) => v.map(shown) as number[];

/** pptxgenjs takes a combination chart's options as its second argument (its types name a data array there). */
export const addCombo = (slide: PptxGenJS.Slide, types: PptxGenJS.IChartMulti[], options: PptxGenJS.IChartOpts) =>
	slide.addChart(types, options as unknown as unknown[]);

/** The 1–5 value axis of every score chart. */
export const AXIS = {
	valAxisMinVal: 1,
	valAxisMaxVal: 5,
	valAxisMajorUnit: 1,
	valAxisLabelFontSize: 10,
	catAxisLabelFontSize: 10,
	catAxisLabelFontFace: FONT,
	valGridLine: { color: hex(chartColours.grid), size: 0.5 },
	dataLabelFormatCode: '0.00'
} satisfies PptxGenJS.IChartOpts;
