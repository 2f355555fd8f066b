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

/** Draws `svg` scaled to `width` points at (x, y); returns the height it took. */
export function drawSvg(doc: Doc, svg: string, x: number, y: number, width: number): number {
	const size = svgSize(svg);
	const height = (width * size.height) / size.width;
	const root = /^<svg[^>]*>/.exec(svg)?.[0] ?? '<svg>';
	const sized = root.replace(/ (width|height|style)="[^"]*"/g, '').replace(/^<svg/, `<svg width="${width}" height="${height}"`);
	const source = winAnsi(withoutHalo(sized + svg.slice(root.length)));
	SVGtoPDF(doc as unknown as Parameters<typeof SVGtoPDF>[0], source, x, y, {
		width,
		height,
		assumePt: true,
		fontCallback: (_family, bold) => (bold ? FONT.bold : FONT.regular)
	});
	return height;
}
