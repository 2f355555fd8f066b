/**
 * Draws a chart SVG of src/lib/charts (the one the pages show) into the PDF with svg-to-pdfkit, in the
 * report's standard fonts.
 */
import SVGtoPDF from 'svg-to-pdfkit';
import { FONT, winAnsi, type Doc } from './pdf-layout';

/**
 * svg-to-pdfkit knows no `paint-order`: the white halo a page paints under a value (trend values, radar
 * rings) would be painted over its glyphs, so the PDF draws those texts without it.
 */
const withoutHalo = (svg: string) => svg.replace(/ paint-order="stroke" stroke="#fff" stroke-width="[\d.]+"(?: stroke-linejoin="round")?/g, '');

/** Width and height of the SVG's viewBox (or of its width and height). */
export function svgSize(svg: string): { width: number; height: number } {
	const box = /viewBox="[-\d.e]+ [-\d.e]+ ([\d.e]+) ([\d.e]+)"/.exec(svg);
	if (box) return { width: Number(box[1]), height: Number(box[2]) };
	const w = /<svg[^>]* width="([\d.]+)"/.exec(svg),
		h = /<svg[^>]* height="([\d.]+)"/.exec(svg);
	return { width: Number(w?.[1] ?? 100), height: Number(h?.[1] ?? 100) };
}

/** A chart SVG to draw `width` points wide with its top left corner at (x, y) on the page. */
export interface Placed {
	svg: string;
	x: number;
	y: number;
	width: number;
}

/** The height `svg` takes when drawn `width` points wide. */
export const svgHeight = (svg: string, width: number) => {
	const size = svgSize(svg);
	return (width * size.height) / size.width;
};

/** `svg` as an <svg> element of `width` × `height` at (x, y) of the SVG around it. */
function nested(svg: string, x: number, y: number, width: number, height: number): string {
	const root = /^<svg[^>]*>/.exec(svg)?.[0] ?? '<svg>';
	const sized = root.replace(/ (x|y|width|height|style)="[^"]*"/g, '').replace(/^<svg/, `<svg x="${x}" y="${y}" width="${width}" height="${height}"`);
	return sized + svg.slice(root.length);
}

/**
 * Draws several SVGs (all on the current page) in one svg-to-pdfkit call: each call costs about as much
 * as a dozen shapes (parsing, the document's state, fonts), so a page's score bars or trend charts go
 * together, each as a nested <svg> of its own size, clipped to it as a lone SVG is.
 */
export function drawSvgs(doc: Doc, items: Placed[]): void {
	if (items.length === 0) return;
	const boxes = items.map((i) => ({ ...i, height: svgHeight(i.svg, i.width) }));
	const x0 = Math.min(...boxes.map((b) => b.x)),
		y0 = Math.min(...boxes.map((b) => b.y));
	const width = Math.max(...boxes.map((b) => b.x + b.width)) - x0,
		height = Math.max(...boxes.map((b) => b.y + b.height)) - y0;
	const inner = boxes.map((b) => nested(b.svg, b.x - x0, b.y - y0, b.width, b.height)).join('');
	const source = winAnsi(withoutHalo(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${inner}</svg>`));
	SVGtoPDF(doc as unknown as Parameters<typeof SVGtoPDF>[0], source, x0, y0, { width, height, assumePt: true, fontCallback });
}

const fontCallback = (_family: string, bold: boolean) => (bold ? FONT.bold : FONT.regular);

/** Draws `svg` scaled to `width` points at (x, y); returns the height it took. */
export function drawSvg(doc: Doc, svg: string, x: number, y: number, width: number): number {
	drawSvgs(doc, [{ svg, x, y, width }]);
	return svgHeight(svg, width);
}
