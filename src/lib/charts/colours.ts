/**
 * Shared colours and small helpers of the report charts (server-rendered SVG, no client JavaScript).
 * Scores are always on the 1–5 scale.
 */

export type Status = 'green' | 'yellow' | 'red' | 'neutral';

export const chartColours = {
	/** Status of a score (pages show its word beside it: colour never carries meaning alone). */
	status: {
		green: { fill: '#15803d' },
		yellow: { fill: '#ca8a04' },
		red: { fill: '#b91c1c' },
		neutral: { fill: '#64748b' }
	} satisfies Record<Status, { fill: string }>,
	/** The unit's own series (first series). */
	unit: '#1d4ed8',
	/** Benchmark marker and benchmark lines (drawn dashed). */
	benchmark: '#111827',
	/** Second series: sales managers, the other side of a gap, other polygons. */
	second: '#7c3aed',
	grid: '#e5e7eb',
	track: '#f3f4f6',
	/** Rules and borders of tables in the exports. */
	rule: '#d1d5db',
	/** Axis labels and other secondary text (7.6:1 on white). */
	muted: '#4b5563',
	text: '#111827',
	/** Answer scale 1–5, low to high. */
	diverging: { '1': '#b91c1c', '2': '#f97316', '3': '#e5e7eb', '4': '#60a5fa', '5': '#1d4ed8' } as Record<string, string>,
	/** "Don't know": drawn hatched. */
	dontKnow: '#cbd5e1',
	dontKnowHatch: '#64748b',
	categorical: ['#1d4ed8', '#0891b2', '#7c3aed', '#db2777', '#ea580c', '#65a30d', '#475569', '#0f766e', '#a16207', '#be123c']
} as const;

/** Scores outside 1–5 are drawn at the nearest end. */
export const clampScore = (v: number) => Math.min(5, Math.max(1, v));

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

/** White or near-black, whichever reads better on `background`. */
export const textOn = (background: string) => (contrast('#ffffff', background) >= contrast(chartColours.text, background) ? '#ffffff' : chartColours.text);

/**
 * Splits a label into at most `maxLines` lines of about `perLine` characters, at spaces; "&", "and",
 * "och" stay with the next word. A word longer than perLine + 2 is cut, and when the label does not fit,
 * its last line ends in "…". `truncated` says whether anything was left out.
 */
export function wrapLabel(text: string, perLine: number, maxLines: number): { lines: string[]; truncated: boolean } {
	const tokens: string[] = [];
	for (const word of text.trim().split(/\s+/).filter(Boolean)) {
		const prev = tokens[tokens.length - 1];
		if (prev !== undefined && /^(&|and|och)$/i.test(prev)) tokens[tokens.length - 1] = `${prev} ${word}`;
		else tokens.push(word);
	}
	const lines: string[] = [];
	let current = '';
	for (const token of tokens) {
		const candidate = current ? `${current} ${token}` : token;
		if (candidate.length <= perLine || !current) current = candidate;
		else {
			lines.push(current);
			current = token;
		}
	}
	if (current) lines.push(current);
	const cut = perLine + 2;
	const fitted = lines.map((l) => (l.length > cut ? l.slice(0, cut - 1).trimEnd() + '…' : l));
	let truncated = fitted.some((l, i) => l !== lines[i]);
	if (fitted.length > maxLines) {
		fitted.length = maxLines;
		fitted[maxLines - 1] = fitted[maxLines - 1].replace(/…$/, '') + '…';
		truncated = true;
	}
	return { lines: fitted, truncated };
}

/** Cuts a label to `max` characters with an ellipsis. */
export const truncate = (text: string, max: number) => (text.length > max ? text.slice(0, max - 1).trimEnd() + '…' : text);

/** Rough width of a text in the UI font (system-ui), in the units of `fontSize`; errs on the wide side. */
export const textWidth = (text: string, fontSize: number) => text.length * fontSize * 0.58;

/** Consecutive non-null runs of a series, as lists of [index, value]. */
export function runs(values: (number | null | undefined)[]): [number, number][][] {
	const out: [number, number][][] = [];
	let run: [number, number][] = [];
	values.forEach((v, i) => {
		if (v === null || v === undefined || !Number.isFinite(v)) {
			if (run.length) out.push(run);
			run = [];
		} else run.push([i, v]);
	});
	if (run.length) out.push(run);
	return out;
}
