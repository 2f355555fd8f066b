import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import type { Locale } from '$lib/i18n';
import { score, signed } from '$lib/results/format';
import type { ReportData } from './data';
import { ACTION_TITLE, publishedReport } from '$tests/report';
import { renderPdf } from './pdf';
import { winAnsi } from './pdf-layout';
import { useModelsWithFullAdvice } from '$tests/full-advice';

// SOS 1.0 with full advice added, in a temporary folder: the report shows the advice that fits each score.
useModelsWithFullAdvice();

let reports: Record<Locale, ReportData>;
const pdfs = {} as Record<Locale, { text: string; pages: number }>;

/** Text of the PDF with runs of white space made one space (lines and cells are split apart). */
async function textOf(pdf: Buffer) {
	const doc = await getDocumentProxy(new Uint8Array(pdf));
	const { text, totalPages } = await extractText(doc, { mergePages: true });
	return { text: text.replace(/\s+/g, ' '), pages: totalPages };
}

/** Every figure with two decimals the report page shows for this data, as the page formats it. */
function shownFigures(data: ReportData): Set<string> {
	const r = data.results;
	const values = [
		r.high,
		r.improvementThreshold,
		...r.areas.flatMap((a) => [a.score, a.benchmark]),
		...r.statements.map((s) => s.score),
		...(r.gap?.areas.flatMap((g) => [g.salesPeople, g.salesManagers]) ?? []),
		...r.subunits.flatMap((s) => s.areas.map((a) => a.score)),
		...data.trend.rounds.flatMap((round) => round.areas.map((a) => a.score)),
		...r.questions.map((q) => ('mean' in q ? q.mean : null))
	];
	const differences = [...r.areas.map((a) => a.difference), ...(r.gap?.areas.map((g) => g.gap) ?? [])];
	const plain = (s: string) => winAnsi(s).replace(/[+±-]/g, '');
	return new Set([...values.map((v) => score(v, data.locale)), ...differences.map((v) => plain(signed(v, data.locale)))].filter((s) => s !== '–'));
}

beforeAll(async () => {
	reports = await publishedReport(['en', 'sv']);
	for (const locale of ['en', 'sv'] as const) {
		const pdf = await renderPdf(reports[locale]);
		if (process.env.REPORT_OUT) writeFileSync(`${process.env.REPORT_OUT}/report-${locale}.pdf`, pdf);
		pdfs[locale] = await textOf(pdf);
	}
}, 120_000);

describe('the PDF report', () => {
	it('shows the unit, every area with its score as formatted, the benchmark, advice and open actions', () => {
		const { text } = pdfs.en;
		const r = reports.en.results;
		expect(text).toContain(r.unit.name);
		expect(text).toContain(r.round.name);
		expect(r.benchmark.label).toBeTruthy();
		expect(text).toContain(r.benchmark.label!);
		for (const a of r.areas) {
			expect(text).toContain(a.name);
			expect(a.score).not.toBeNull();
			expect(text).toContain(score(a.score, 'en'));
			expect(text).toContain(score(a.benchmark, 'en'));
		}
		expect(r.improvements.length).toBeGreaterThan(0);
		const advice = r.improvements[0].actions[0];
		expect(text).toContain(advice.slice(0, 40).replace(/\s+/g, ' '));
		expect(text).toContain(ACTION_TITLE);
		expect(text).toContain('High');
		expect(text).toContain('Below benchmark');
	});

	it('shows each improvement area’s advice for its level and the lowest statements’ own advice, as the page does', () => {
		const { text } = pdfs.en;
		const r = reports.en.results;
		const flat = (s: string) => s.replace(/\s+/g, ' ');
		for (const imp of r.improvements) {
			expect(imp.level).not.toBeNull();
			expect(text).toContain(flat(imp.summary));
			for (const key of imp.lowestStatements) {
				const st = r.statements.find((s) => s.key === key)!;
				if (st.advice) expect(text).toContain(flat(st.advice).slice(0, 50));
			}
		}
		// The rule is the page's: below the benchmark or below the threshold, never high.
		expect(r.improvements.every((i) => r.areas.find((a) => a.key === i.key)!.status !== 'green')).toBe(true);
		expect(text).toContain('Below benchmark');
	});

	it('prints only figures the results page shows, and a hidden one as – with its reason', () => {
		const data = reports.en;
		const tiny = data.results.subunits.find((s) => s.name === 'Team Liten')!;
		expect(tiny.respondents).toBeNull();
		expect(tiny.areas.every((a) => a.score === null)).toBe(true);
		const { text } = pdfs.en;
		expect(text).toContain('Team Liten –');
		expect(text).toContain(`hidden: fewer than ${data.results.round.k} respondents`);
		const allowed = shownFigures(data);
		const printed = text.match(/\d+\.\d\d\b/g) ?? [];
		expect(printed.length).toBeGreaterThan(50);
		expect(printed.filter((n) => !allowed.has(n))).toEqual([]);
	});

	it('is written in Swedish with å ä ö and decimal commas for a Swedish reader', () => {
		const { text } = pdfs.sv;
		const r = reports.sv.results;
		expect(text).toContain('Sammanfattning');
		expect(text).toContain('Region Nord & Öst');
		expect(text).toContain('Team Åre');
		expect(text).toMatch(/ä/);
		for (const a of r.areas) expect(text).toContain(a.name);
		const first = score(r.areas[0].score, 'sv');
		expect(first).toMatch(/^\d,\d\d$/);
		expect(text).toContain(first);
		expect(text).not.toMatch(/\b[1-5]\.\d\d\b/);
		const allowed = shownFigures(reports.sv);
		expect((text.match(/\d+,\d\d\b/g) ?? []).filter((n) => !allowed.has(n))).toEqual([]);
	});

	it('numbers its pages and reports its progress up to done', async () => {
		expect(pdfs.en.text).toMatch(new RegExp(`Page 1 of ${pdfs.en.pages}`));
		expect(pdfs.en.pages).toBeGreaterThanOrEqual(7);
		const seen: number[] = [];
		await renderPdf(reports.en, { onProgress: (f) => seen.push(f) });
		expect(seen.length).toBeGreaterThan(3);
		expect(seen).toEqual([...seen].sort((a, b) => a - b));
		expect(seen.at(-1)).toBe(1);
	});
});

describe('the PDF report of a round with k above the comment minimum', () => {
	it('states the threshold the comments really need (k, not 10)', async () => {
		const data = structuredClone(reports.en);
		data.results.round.k = 12;
		const q = data.results.questions.find((x) => x.type === 'text')!;
		Object.assign(q, { answered: null, comments: undefined });
		const { text } = await textOf(await renderPdf(data));
		expect(text).toContain('Comments are shown only for groups of at least 12 respondents.');
		expect(text).not.toContain('at least 10 respondents');
	}, 60_000);
});
