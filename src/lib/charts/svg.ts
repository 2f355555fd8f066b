/**
 * Building blocks of the chart SVG strings: every text and attribute value is escaped here, so a name
 * such as `<script>` is drawn as text. The same strings are shown on the pages ({@html}) and drawn into
 * the PDF (svg-to-pdfkit).
 */

/** Text or an attribute value with & < > " ' escaped. */
export const esc = (value: string | number) =>
	String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export type Attrs = Record<string, string | number | null | undefined | false>;

/** ` name="value"` for each attribute that has a value (undefined, null and false are left out). */
export function attrs(a: Attrs): string {
	let out = '';
	for (const [name, value] of Object.entries(a)) if (value !== undefined && value !== null && value !== false) out += ` ${name}="${esc(value)}"`;
	return out;
}

/** An element; `children` is markup (already escaped), so pass text through `esc`. */
export const el = (tag: string, a: Attrs = {}, children?: string) =>
	children === undefined ? `<${tag}${attrs(a)} />` : `<${tag}${attrs(a)}>${children}</${tag}>`;

/** A `<text>` element with escaped content. */
export const text = (a: Attrs, content: string | number) => el('text', a, esc(content));

/** The accessible name (and description) of a chart that carries meaning: `<title>`/`<desc>` as its first children. */
export const named = (label: string, desc?: string) => el('title', {}, esc(label)) + (desc ? el('desc', {}, esc(desc)) : '');

/** A responsive chart: the drawing's class (wide or narrow), its view box, its label for screen readers, then its body. */
export function chartSvg(opts: { drawing: string; viewBox: string; label: string; body: string; font?: number; style?: string }): string {
	const root = {
		class: opts.drawing,
		xmlns: 'http://www.w3.org/2000/svg',
		viewBox: opts.viewBox,
		width: '100%',
		role: 'img',
		'aria-label': opts.label,
		'font-size': opts.font,
		style: opts.style
	};
	return el('svg', root, named(opts.label) + opts.body);
}
