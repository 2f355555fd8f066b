import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import type { Locale } from '$lib/i18n';
import { score, signed } from '$lib/results/format';
import { translator } from '$lib/i18n';
import { fixtureAdvice, useModelsWithFullAdvice } from '$tests/full-advice';
import type { ReportData } from './data';
import { ACTION_TITLE, EXPERIMENT_LEVER, auditReport, publishedReport } from '$tests/report';
import { unitAlignment } from '$lib/server/results/alignment';
import { PDF_GROUP_GAPS } from './pdf-alignment';
import { renderPdf } from './pdf';
import { winAnsi } from './pdf-layout';

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
		...r.areas.flatMap((a) => [a.score, a.benchmark, a.interval?.low ?? null, a.interval?.high ?? null]),
		...r.statements.map((s) => s.score),
		...(r.gap?.areas.flatMap((g) => Object.values(g.scores)) ?? []),
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

/** As the page's area table writes an area's n and interval ("n = 38 · 90 %: 3.10–3.50"), as the PDF prints it (WinAnsi, spaces made one). */
function intervalAsOnPage(a: ReportData['results']['areas'][number], locale: Locale): string | null {
	if (!a.interval || !a.n) return null;
	const text = translator(locale)('results.interval.short', { n: a.n, low: score(a.interval.low, locale), high: score(a.interval.high, locale) });
	return winAnsi(text).replace(/\s+/g, ' ');
}

/** The report with one area hidden as the pattern hides it: no score, no n, no interval (and so neither strength nor improvement). */
function withHiddenArea(data: ReportData, key: string): ReportData {
	const out = structuredClone(data);
	const r = out.results;
	const a = r.areas.find((x) => x.key === key)!;
	Object.assign(a, { score: null, difference: null, status: null, rank: null, n: null, interval: null, inLine: false });
	r.strengths = r.strengths.filter((k) => k !== key);
	r.improvements = r.improvements.filter((i) => i.key !== key);
	return out;
}

describe('the PDF report’s statistics and plans', () => {
	it('prints each area’s n and 90 % interval exactly as the page’s table, and none for an area hidden on the page', async () => {
		for (const locale of ['en', 'sv'] as const) {
			const areas = reports[locale].results.areas;
			expect(areas.every((a) => a.interval && a.n)).toBe(true);
			for (const a of areas) expect(pdfs[locale].text).toContain(intervalAsOnPage(a, locale)!);
		}
		expect(pdfs.en.text).toContain('n is the number of respondents with a score for the area');
		// The bars carry the interval as the page's bars do, and say so.
		expect(pdfs.en.text).toContain(winAnsi(translator('en')('report.legend.interval')).replace(/\s+/g, ' '));
		const data = reports.en;
		const hidden = data.results.areas[0];
		const shown = intervalAsOnPage(hidden, 'en')!;
		// (Unique in this report, so that its absence means something.)
		expect(data.results.areas.filter((a) => intervalAsOnPage(a, 'en') === shown)).toHaveLength(1);
		const { text } = await textOf(await renderPdf(withHiddenArea(data, hidden.key)));
		expect(text).not.toContain(shown);
		// One "n = " fewer in the table, and one fewer again where the area had a card.
		const card = data.results.strengths.includes(hidden.key) || data.results.improvements.some((i) => i.key === hidden.key);
		const ns = (s: string) => s.split('n = ').length - 1;
		expect(ns(pdfs.en.text) - ns(text)).toBe(card ? 2 : 1);
		expect(text).toContain(`${hidden.name} – `);
	}, 60_000);

	it('says "in line with benchmark" for a red or yellow score whose interval holds the benchmark, as the page’s chip does', async () => {
		const data = structuredClone(reports.en);
		const t = translator('en');
		expect(pdfs.en.text.includes(t('results.status.inLine'))).toBe(data.results.areas.some((a) => a.inLine && (a.status === 'red' || a.status === 'yellow')));
		const red = data.results.areas.find((a) => a.status === 'red')!;
		expect(red).toBeDefined();
		for (const a of data.results.areas) a.inLine = a === red;
		const { text } = await textOf(await renderPdf(data));
		// Once in the table and once more where the area has a card (a strength or an improvement area).
		const card = data.results.strengths.includes(red.key) || data.results.improvements.some((i) => i.key === red.key);
		expect(text.split(t('results.status.inLine')).length - 1).toBe(card ? 2 : 1);
		// The report as made: every such area of the page says so in the table.
		const inLine = reports.en.results.areas.filter((a) => a.inLine && (a.status === 'red' || a.status === 'yellow'));
		expect(pdfs.en.text.split(t('results.status.inLine')).length - 1).toBeGreaterThanOrEqual(inLine.length);
		expect(text).toContain(t('results.status.inLineNote'));
	}, 60_000);

	it('prints each improvement area’s 30/60/90-day plan, agenda and pitfalls as its area page shows them, and no other area’s', () => {
		const { text } = pdfs.en;
		const data = reports.en;
		const r = data.results;
		const t = translator('en');
		expect(r.improvements.length).toBeGreaterThan(0);
		for (const label of [t('results.advice.plan'), t('results.advice.phase.days30'), t('results.advice.phase.days60'), t('results.advice.phase.days90')])
			expect(text).toContain(winAnsi(label));
		for (const imp of r.improvements) {
			const advice = data.advice[imp.key];
			expect(advice.plan!.days30).toEqual([fixtureAdvice(imp.key, 'en days30 first'), fixtureAdvice(imp.key, 'en days30 second')]);
			for (const step of [...advice.plan!.days30, ...advice.plan!.days60, ...advice.plan!.days90, ...advice.agenda!, ...advice.pitfalls!])
				expect(text).toContain(step);
		}
		// Only the improvement areas' plans: a strength's plan is on its area page, not in the report.
		for (const key of r.strengths) expect(text).not.toContain(fixtureAdvice(key, 'en days30 first'));
		expect(pdfs.sv.text).toContain(winAnsi(translator('sv')('results.advice.agenda')));
		expect(pdfs.sv.text).toContain(fixtureAdvice(r.improvements[0].key, 'sv pitfall 2'));
	});

	it('prints no plan, agenda or pitfalls for a model without them (advice as before)', async () => {
		const data = structuredClone(reports.en);
		for (const key of Object.keys(data.advice)) Object.assign(data.advice[key], { plan: null, agenda: null, pitfalls: null });
		const { text } = await textOf(await renderPdf(data));
		const t = translator('en');
		expect(text).not.toContain(t('results.advice.plan'));
		expect(text).not.toContain(t('results.advice.pitfalls'));
		expect(text).toContain(t('results.improvements.actions'));
	}, 60_000);
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

	it('names the organization once in the footer of the organization’s own report, and the unit beside it otherwise', async () => {
		const region = reports.en;
		expect(pdfs.en.text).toContain(`${region.organization} · ${region.results.unit.name} · ${region.results.round.name}`);
		const top = (await publishedReport(['en', 'sv'], { organization: true })) as Record<Locale, ReportData>;
		for (const locale of ['en', 'sv'] as const) {
			const data = top[locale];
			expect(data.results.unit.isOrganization).toBe(true);
			const { text } = await textOf(await renderPdf(data));
			expect(text).toContain(`${data.organization} · ${data.results.round.name}`);
			expect(text).not.toContain(`${data.organization} · ${data.organization}`);
		}
	}, 120_000);
});

/** Every figure the alignment page shows of this data (its unitAlignment and follow-up), as the PDF prints it (signs dropped). */
function alignmentFigures(data: ReportData): Set<string> {
	const a = data.alignment!;
	const values = [
		a.threshold,
		...a.areas.map((x) => x.score),
		...a.matrix.flat().map((c) => c.difference),
		...a.pairs.flatMap((p) => [...p.items.map((i) => i.score), p.difference]),
		...a.groupGaps.flatMap((g) => [...g.groups.map((x) => x.score), g.difference]),
		...data.followUp.flatMap((x) => [x.then, x.now, x.change])
	];
	return new Set(values.filter((v) => v !== null).map((v) => score(Math.abs(v!), data.locale)));
}

describe('the PDF report of an ecosystem audit round', () => {
	let audit: Awaited<ReturnType<typeof auditReport>>;
	const texts = {} as Record<Locale, string>;
	beforeAll(async () => {
		audit = await auditReport(['en', 'sv']);
		for (const locale of ['en', 'sv'] as const) {
			const pdf = await renderPdf(audit.reports[locale]);
			if (process.env.REPORT_OUT) writeFileSync(`${process.env.REPORT_OUT}/audit-${locale}.pdf`, pdf);
			texts[locale] = (await textOf(pdf)).text;
		}
	}, 120_000);
	const flat = (s: string) => winAnsi(s).replace(/\s+/g, ' ');

	it('holds the alignment exactly as the alignment page’s use case gives it, and the follow-up of the earlier round’s experiment', async () => {
		const data = audit.reports.en;
		const a = data.alignment!;
		expect(a).toEqual(await unitAlignment({ actor: audit.actor, roundId: audit.roundId, unitId: data.results.unit.id, locale: 'en' }));
		expect(a.matrix).toHaveLength(4);
		expect(a.pairs.filter((p) => p.flagged).length).toBeGreaterThan(1);
		expect(a.groupGaps.length).toBeGreaterThan(0);
		expect(data.followUp.map((x) => x.lever)).toEqual([EXPERIMENT_LEVER]);
		expect(data.followUp[0].change).not.toBeNull();
		// The organization's split is shown: every group holds at least k.
		expect(data.results.gap?.groups.map((g) => g.key)).toEqual(['executive', 'sales_manager', 'sales_person', 'sales_support']);
	});

	it('prints the matrix with its misaligned cells in words, each misaligned pair’s symptom and behaviours, group gaps and the follow-up', () => {
		const text = texts.en;
		const a = audit.reports.en.alignment!;
		const t = translator('en');
		expect(text).toContain(t('alignment.matrix.title'));
		for (const x of a.areas) expect(text).toContain(flat(x.name));
		const beyond = a.matrix.flat().filter((c) => c.beyond).length;
		expect(beyond).toBeGreaterThan(0);
		// "misaligned" in every cell beyond the threshold and once under each misaligned pair's figures.
		const flagged = a.pairs.filter((p) => p.flagged);
		expect(text.split(` ${t('alignment.matrix.beyond')}`).length - 1).toBeGreaterThanOrEqual(beyond + flagged.length);
		for (const p of flagged) {
			expect(text).toContain(flat(p.symptom));
			for (const b of p.behaviours) expect(text).toContain(flat(b));
			expect(text).toContain(t('alignment.pairs.difference', { difference: winAnsi(signed(p.difference, 'en')) }));
		}
		for (const p of a.pairs.filter((x) => !x.flagged)) expect(text).not.toContain(flat(p.symptom));
		for (const g of a.groupGaps.slice(0, PDF_GROUP_GAPS)) for (const x of g.groups) expect(text).toContain(`${x.name}: ${score(x.score, 'en')}`);
		for (const name of ['Executives', 'Sales managers', 'Sales people', 'Sales support']) expect(text).toContain(name);
		const x = audit.reports.en.followUp[0];
		expect(text).toContain(EXPERIMENT_LEVER);
		expect(text).toContain(flat(t('experiments.thenNow', { then: score(x.then, 'en'), now: score(x.now, 'en'), change: signed(x.change, 'en') })));
	});

	it('prints on its alignment page only figures the alignment page shows, and elsewhere only figures the report page shows', () => {
		const data = audit.reports.en;
		const text = texts.en;
		const t = translator('en');
		const start = text.indexOf(t('alignment.matrix.title'));
		const end = text.indexOf(t('results.gap.title'), start);
		expect(start).toBeGreaterThan(0);
		expect(end).toBeGreaterThan(start);
		const page = text.slice(start, end);
		const onPage = page.match(/\d+\.\d\d\b/g) ?? [];
		expect(onPage.length).toBeGreaterThan(20);
		const fromAlignment = alignmentFigures(data);
		expect(onPage.filter((n) => !fromAlignment.has(n))).toEqual([]);
		const rest = text.slice(0, start) + text.slice(end);
		const allowed = shownFigures(data);
		expect((rest.match(/\d+\.\d\d\b/g) ?? []).filter((n) => !allowed.has(n))).toEqual([]);
	});

	it('is written in Swedish for a Swedish reader', () => {
		const text = texts.sv;
		const a = audit.reports.sv.alignment!;
		const t = translator('sv');
		expect(text).toContain(t('alignment.matrix.title'));
		expect(text).toContain(t('alignment.pairs.behaviours'));
		expect(text).toContain(flat(a.pairs.find((p) => p.flagged)!.symptom));
		expect(text).toContain('Säljare');
		const onPage = text.slice(text.indexOf(t('alignment.matrix.title')), text.indexOf(t('results.gap.title'), text.indexOf(t('alignment.matrix.title'))));
		expect(onPage).not.toMatch(/\b\d\.\d\d\b/);
		expect((onPage.match(/\d+,\d\d\b/g) ?? []).filter((n) => !alignmentFigures(audit.reports.sv).has(n))).toEqual([]);
	});

	it('has no alignment section in a report of the SOS model', () => {
		expect(reports.en.alignment).toBeNull();
		expect(reports.en.followUp).toEqual([]);
		expect(pdfs.en.text).not.toContain(translator('en')('alignment.matrix.title'));
		expect(pdfs.en.text).not.toContain(translator('en')('alignment.pairs.behaviours'));
		expect(pdfs.sv.text).not.toContain(translator('sv')('alignment.matrix.title'));
	});
});
