/**
 * For the exports' figure test: what a page's data holds (its numbers, its texts with digits), and the
 * four exports read back as numbers (PDF text extracted, PowerPoint unzipped), with what is not a
 * figure (dates, page numbers, labels, the page's own texts) left out.
 */
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { round2 } from '$lib/results/colour';
import { COMMENT_MIN } from '$lib/results/view';
import { translator } from '$lib/i18n';

export interface Page {
	/** Every number of the page's data, as shown: rounded to 2 decimals (signs dropped: the page shows −0.40 and +0.40 alike as figures). */
	numbers: Set<number>;
	/** Every text of the page's data that holds a digit (names, statements, advice, labels): printed as text, not as figures. */
	texts: string[];
}

/** Walks the page's data as the page receives it and collects its numbers and its texts with digits. */
export function pageFigures(data: unknown): Page {
	const numbers = new Set<number>();
	const texts = new Set<string>();
	const walk = (v: unknown) => {
		if (typeof v === 'number') numbers.add(Math.abs(round2(v)));
		else if (typeof v === 'string') {
			// A label that is only a number (the scale point "2") is a number shown; a text with digits is words.
			if (/^\d+$/.test(v.trim())) numbers.add(Number(v));
			else if (/\d/.test(v) && /\p{L}/u.test(v)) texts.add(v);
		} else if (v instanceof Date)
			return; // dates are ignored in the exports (see `withoutDates`)
		else if (Array.isArray(v)) v.forEach(walk);
		else if (v && typeof v === 'object') Object.values(v).forEach(walk);
	};
	walk(data);
	// The page states the comment rule ("Comments are shown only for groups of at least 10 respondents"),
	// as it states k: a rule, not a figure of anyone's answers.
	numbers.add(COMMENT_MIN);
	return { numbers, texts: [...texts].sort((a, b) => b.length - a.length) };
}

/**
 * What is ignored in the text of a PDF or a slide, and why: dates (the round's closing day, the day the
 * report was made, months on trend axes: they are the page's dates, not figures), the page footer
 * "Page n of m" (layout, not data), and the page's own texts with digits in them (a unit or round
 * named "Round 2026-03-01", a benchmark label, a scale label "5 – Much better": printed as words), and
 * the answer scale itself where it is printed as such — the points "1 2 3 4 5" or "1 3 5" in order (a chart
 * axis, the distribution's column headers) and "1 (not at all how we work) to 5 (exactly how we work)": the
 * page explains the same scale; these are not figures of anyone's answers. Also the interval's level
 * "90 %" (a label of every interval, like k a rule rather than a figure), the plan's headings ("First 30
 * days") and the agenda's item numbers "1." (the area page numbers its list alike). A word broken
 * across lines after its hyphen is joined first.
 */
export function withoutIgnored(text: string, page: Page, map: (s: string) => string = (s) => s): string {
	// A line broken after a hyphen ("30-" | "minute", in a narrow column) is one word again, as the page writes it.
	let out = text.replace(/\s+/g, ' ').replace(/([\p{L}\d][-\u2010\u2011]) (?=[\p{L}\d])/gu, '$1');
	for (const t of [...page.texts, ...LABELS]) out = out.split(map(t).replace(/\s+/g, ' ')).join(' ');
	return out
		.replace(/Page \d+ of \d+/g, ' ')
		.replace(/\b90 %/g, ' ')
		.replace(/(^|\s)[1-9]\. (?=\p{Lu})/gu, '$1 ')
		.replace(/(^|[^\d.,])1 (?:2 3 4 |3 )5(?![\d.,])/g, '$1 ')
		.replace(/\b1 \([^)]*\) to 5 \([^)]*\)/g, ' ')
		.replace(/\b\d{4}-\d{2}-\d{2}\b/g, ' ')
		.replace(/\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]* \d{4}\b/g, ' ')
		.replace(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]* \d{4}\b/g, ' ');
}

/** The plan's headings ("30/60/90-day plan", "First 30 days", "Days 31–60"): labels of the area page, not figures. */
const en = translator('en');
const LABELS = [en('results.advice.plan'), ...(['days30', 'days60', 'days90'] as const).map((p) => en(`results.advice.phase.${p}`))];

/** The numbers in English text: 12,880 is one number, 3.45 another. */
export const numbersIn = (text: string) => (text.match(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g) ?? []).map((s) => Number(s.replace(/,/g, '')));

export const notOnPage = (found: number[], page: Page) => [...new Set(found.filter((n) => !page.numbers.has(Math.abs(round2(n)))))];

export async function pdfText(pdf: Buffer) {
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
	return text;
}

const unxml = (s: string) =>
	s
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');

export async function deckParts(deck: Buffer) {
	const zip = await JSZip.loadAsync(deck);
	const read = (re: RegExp) =>
		Promise.all(
			Object.keys(zip.files)
				.filter((f) => re.test(f))
				.sort()
				.map((f) => zip.file(f)!.async('string'))
		);
	const charts = await read(/^ppt\/charts\/chart\d+\.xml$/);
	const slides = await read(/^ppt\/slides\/slide\d+\.xml$/);
	// Chart values are the numbers in the series' <c:val> (the <c:cat> holds the category names, e.g. "1"…"5");
	// an empty <c:v></c:v> is a point without a value (a hidden figure), not a 0.
	const values = charts.flatMap((c) =>
		[...c.matchAll(/<c:val>([\s\S]*?)<\/c:val>/g)].flatMap((m) => [...m[1].matchAll(/<c:v>([^<]+)<\/c:v>/g)].map((v) => Number(v[1])))
	);
	// Slide text: the runs of each paragraph joined, paragraphs apart. The slide-number field (layout, like
	// a PDF's page number) is left out.
	const text = slides
		.map((s) => s.replace(/<a:fld [^>]*type="slidenum"[^>]*>[\s\S]*?<\/a:fld>/g, ''))
		.map((s) => [...s.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((p) => [...p[1].matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => unxml(t[1])).join('')).join(' \n '))
		.join(' \n ');
	return { values, text };
}
