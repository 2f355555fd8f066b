import { describe, expect, it, afterAll } from 'vitest';
import { render } from 'svelte/server';
import type { Component } from 'svelte';
import ScoreBar from './ScoreBar.svelte';
import Sparkline from './Sparkline.svelte';
import Radar from './Radar.svelte';
import GapChart from './GapChart.svelte';
import TrendChart from './TrendChart.svelte';
import Distribution from './Distribution.svelte';
import { heatColour } from '$lib/charts/heat';
import { chartColours, contrast, wrapLabel } from '$lib/charts/colours';

/** Server-rendered markup; with CHARTS_PNG_DIR set, also kept for an HTML preview page (see end). */
const rendered: { name: string; file: string; body: string }[] = [];
function ssr<P extends Record<string, unknown>>(component: Component<P>, props: P, name = '', file = ''): string {
	const { body } = render(component as Component<Record<string, unknown>>, { props });
	if (name) rendered.push({ name, file, body });
	return body;
}
const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;
/** Elements with class `name` (the scope class svelte-… may follow). */
const cls = (name: string) => new RegExp(`class="${name}[ "]`, 'g');
/** Markup of the svg with class `cls` (wide/narrow drawings). */
const svgOf = (html: string, cls: string) => html.match(new RegExp(`<svg class="${cls}[^"]*"[\\s\\S]*?</svg>`))?.[0] ?? '';

const areas = [
	'Strategy',
	'Pipeline management and forecasting discipline',
	'Coaching',
	'Recruitment & onboarding',
	'Key account management',
	'Sales meetings',
	'Targets',
	'Compensation & incentives'
];

describe('ScoreBar', () => {
	it('draws track, gridlines, bar and benchmark tick, hidden from assistive technology', () => {
		const html = ssr(ScoreBar, { score: 3.5, benchmark: 3.1, status: 'green' }, 'ScoreBar green', 'ScoreBar');
		expect(html).toContain('<svg');
		expect(html).toContain('aria-hidden="true"');
		expect(count(html, cls('bar'))).toBe(1);
		expect(count(html, cls('grid'))).toBe(3);
		expect(count(html, cls('benchmark'))).toBe(1);
		expect(html).toContain(chartColours.status.green.fill);
		expect(html).not.toContain('role="img"');
	});
	it('with a null score draws only the track', () => {
		const html = ssr(ScoreBar, { score: null, benchmark: 3.2, status: 'neutral', width: 160 }, 'ScoreBar null', 'ScoreBar');
		expect(html).toContain('class="track"');
		expect(html).not.toContain('class="bar"');
		expect(html).not.toContain('class="benchmark"');
		ssr(ScoreBar, { score: 1.2, benchmark: 4.6, status: 'red' }, 'ScoreBar red', 'ScoreBar');
		ssr(ScoreBar, { score: 2.9, benchmark: 5, status: 'yellow' }, 'ScoreBar yellow', 'ScoreBar');
	});
});

describe('Sparkline', () => {
	it('draws one line per run, emphasises the last point, survives nulls', () => {
		const html = ssr(Sparkline, { values: [3.1, 3.4, null, 3.9, 4.2] }, 'Sparkline', 'Sparkline');
		expect(html).toContain('aria-hidden="true"');
		expect(count(html, /<polyline/g)).toBe(2);
		expect(count(html, cls('last'))).toBe(1);
		expect(() => ssr(Sparkline, { values: [] })).not.toThrow();
		expect(count(ssr(Sparkline, { values: [null, 2.5] }), cls('last'))).toBe(1);
	});
});

describe('Radar', () => {
	const series = [
		{ name: 'North region', values: [3.2, 4.1, 2.5, null, 3.8, 4.4, 3.0, 2.2], kind: 'unit' as const },
		{ name: 'Benchmark', values: [3.5, 3.6, 3.4, 3.3, 3.7, 3.9, 3.2, 3.0], kind: 'benchmark' as const },
		{ name: 'Sales managers', values: [3.9, 4.4, 3.1, 3.5, 4.0, 4.6, 3.4, 2.8], kind: 'other' as const }
	];
	it('renders an accessible figure with one polygon per series in each drawing', () => {
		const html = ssr(Radar, { label: 'Scores by area', axes: areas, series, caption: 'Scale 1–5' }, 'Radar 8 axes', 'Radar');
		expect(count(html, /role="img"/g)).toBe(2);
		expect(html).toContain('aria-label="Scores by area"');
		expect(html).toMatch(/<figcaption[^>]*>Scale 1–5<\/figcaption>/);
		for (const drawing of ['wide', 'narrow']) {
			const svg = svgOf(html, drawing);
			expect(count(svg, cls('series'))).toBe(3);
			expect(count(svg, cls('dot'))).toBe(8);
			expect(count(svg, /<polygon/g)).toBe(5 + 3); // rings + series
		}
		expect(count(html.match(/<ul class="legend[\s\S]*?<\/ul>/)?.[0] ?? '', /<li[ >]/g)).toBe(3);
	});
	it('wraps long axis labels into at most 2 lines, keeps the full text, letters the narrow axes when names do not fit', () => {
		const html = ssr(Radar, { label: 'x', axes: areas, series });
		const wide = svgOf(html, 'wide');
		expect(wide).toContain('Pipeline');
		expect(wide).toContain('<title>Pipeline management and forecasting discipline</title>');
		for (const m of wide.matchAll(/<text x="[^"]*" y="[^"]*" text-anchor="[^"]*">([\s\S]*?)<\/text>/g)) expect(count(m[1], /<tspan/g)).toBeLessThanOrEqual(2);
		expect(wrapLabel('Pipeline management and forecasting discipline', 14, 2)).toEqual({ lines: ['Pipeline', 'management…'], truncated: true });
		expect(wrapLabel('Recruitment & onboarding', 11, 2)).toEqual({ lines: ['Recruitment', '& onboarding'], truncated: false });
		expect(wrapLabel('Strategy', 14, 2)).toEqual({ lines: ['Strategy'], truncated: false });
		// Too long for the narrow drawing: lettered axes and a key with the full names.
		const narrow = svgOf(html, 'narrow');
		expect(narrow).toContain('>A</tspan>');
		expect(narrow).not.toContain('Pipeline');
		expect(html).toMatch(/<ol class="keys[^>]*>/);
		expect(html).toContain('Pipeline management and forecasting discipline</li>');
		const short = ssr(Radar, { label: 'x', axes: ['Strategy', 'Coaching', 'Targets', 'Meetings', 'Pipeline'], series }, 'Radar 5 short axes', 'Radar');
		expect(svgOf(short, 'narrow')).toContain('>Coaching</tspan>');
		expect(short).not.toContain('class="keys');
	});
	it('works for 3 and 12 axes and all-null values', () => {
		const three = ssr(
			Radar,
			{ label: 'x', axes: ['A', 'B', 'C'], series: [{ name: 'U', values: [null, null, null], kind: 'unit' }] },
			'Radar 3 axes null',
			'Radar'
		);
		expect(count(svgOf(three, 'wide'), cls('dot'))).toBe(3);
		const twelve = Array.from({ length: 12 }, (_, i) => `Area number ${i + 1} with a long name`);
		ssr(
			Radar,
			{
				label: 'x',
				axes: twelve,
				series: [
					{ name: 'U', values: twelve.map((_, i) => 1 + (i % 5)), kind: 'unit' },
					{ name: 'B', values: twelve.map(() => 3), kind: 'benchmark' }
				]
			},
			'Radar 12 axes',
			'Radar'
		);
	});
});

describe('GapChart', () => {
	const rows = [
		{ name: 'Strategy', a: 3.2, b: 3.9 },
		{ name: 'Pipeline management and forecasting discipline', a: 3.8, b: 3.1 },
		{ name: 'Coaching', a: null, b: 3.3 },
		{ name: 'Targets', a: 3.5, b: 3.5 }
	];
	it('draws a circle and a diamond per complete row, signed gaps, dashes for missing', () => {
		const html = ssr(
			GapChart,
			{ label: 'Perception gap', rows, aName: 'Salespeople', bName: 'Sales managers', gapLabel: 'Gap', caption: 'Gap = managers − salespeople' },
			'GapChart',
			'GapChart'
		);
		expect(html).toContain('aria-label="Perception gap"');
		for (const drawing of ['wide', 'narrow']) {
			const svg = svgOf(html, drawing);
			expect(count(svg, cls('a'))).toBe(3);
			expect(count(svg, cls('b'))).toBe(3);
			expect(svg).toContain('+0.70');
			expect(svg).toContain('−0.70');
			expect(svg).toContain('>0.00<');
			expect(svg).toContain('>–<');
		}
		expect(html).toContain('Pipeline management and for…');
		expect(html).toContain('<title>Pipeline management and forecasting discipline</title>');
		expect(html).toContain('Sales managers');
	});
	it('uses the locale decimal comma', () => {
		expect(ssr(GapChart, { label: 'x', rows: [{ name: 'A', a: 3, b: 3.25 }], aName: 'a', bName: 'b', locale: 'sv' })).toContain('+0,25');
	});
});

describe('TrendChart', () => {
	const rounds = [
		'Mar 2024',
		'Sep 2024',
		'Mar 2025',
		'Sep 2025',
		'Mar 2026',
		'Sep 2026',
		'Mar 2027',
		'Sep 2027',
		'Mar 2028',
		'Sep 2028',
		'Mar 2029',
		'Sep 2029'
	];
	it('draws dots with values, a dashed benchmark, breaks at nulls', () => {
		const points = [
			{ x: 'Mar 2025', value: 3.1, benchmark: 3.3 },
			{ x: 'Sep 2025', value: 3.45, benchmark: 3.35 },
			{ x: 'Mar 2026', value: null, benchmark: 3.4 },
			{ x: 'Sep 2026', value: 3.9, benchmark: 3.4 },
			{ x: 'Mar 2027', value: 4.05, benchmark: 3.5 }
		];
		const html = ssr(
			TrendChart,
			{ label: 'Coaching over time', points, valueName: 'North region', benchmarkName: 'Benchmark' },
			'TrendChart 5 with gap',
			'TrendChart'
		);
		expect(html).toContain('aria-label="Coaching over time"');
		const wide = svgOf(html, 'wide');
		expect(count(wide, cls('dot'))).toBe(4);
		expect(count(wide, cls('series'))).toBe(2);
		expect(count(wide, cls('benchmark'))).toBe(1);
		expect(wide).toContain('3.45');
		expect(wide).toContain('stroke-dasharray="6 4"');
	});
	it('works for one point and for twelve (thinning labels in the narrow drawing)', () => {
		const one = ssr(TrendChart, { label: 'x', points: [{ x: 'Mar 2026', value: 3.2 }] }, 'TrendChart 1', 'TrendChart');
		expect(count(svgOf(one, 'wide'), cls('dot'))).toBe(1);
		const html = ssr(
			TrendChart,
			{ label: 'x', points: rounds.map((x, i) => ({ x, value: 2 + (i % 4) * 0.7, benchmark: 3.2 })) },
			'TrendChart 12',
			'TrendChart'
		);
		expect(count(svgOf(html, 'wide'), cls('value'))).toBe(12);
		const narrow = svgOf(html, 'narrow');
		expect(count(narrow, cls('dot'))).toBe(12);
		expect(count(narrow, cls('value'))).toBeLessThan(12);
		expect(narrow).toContain('Sep</tspan>'); // the latest round is always labelled
		expect(() => ssr(TrendChart, { label: 'x', points: [] })).not.toThrow();
	});
});

describe('Distribution', () => {
	const scale = [
		{ key: '1', label: 'Strongly disagree', count: 2 },
		{ key: '2', label: 'Disagree', count: 5 },
		{ key: '3', label: 'Neither', count: 9 },
		{ key: '4', label: 'Agree', count: 21 },
		{ key: '5', label: 'Strongly agree', count: 12 },
		{ key: 'dk', label: "Don't know", count: 3 }
	];
	it('stacks segments to 100%, writes wide-enough percentages, hatches "don\'t know"', () => {
		const html = ssr(Distribution, { label: 'Answers to question 4', segments: scale, caption: '52 answers' }, 'Distribution scale', 'Distribution');
		expect(html).toContain('role="img"');
		expect(html).toContain('aria-label="Answers to question 4"');
		expect(count(html, cls('segment'))).toBe(6);
		expect(count(html, /<text/g)).toBe(4); // 10%, 17%, 40%, 23%; 4% and 6% are too narrow
		expect(html).toContain('40%');
		expect(html).toMatch(/<pattern id="[^"]+-dk"/);
		expect(html).toMatch(/fill="url\(#[^"]+-dk\)"/);
		expect(html).toContain("Don't know");
		expect(html).toContain('(21)');
		expect(html).toContain(chartColours.diverging['4']);
	});
	it('takes its pattern id from $props.id(), uses the categorical palette, draws an empty track for zeros', () => {
		// The id comes from $props.id(), unique per instance within one page render.
		const id = ssr(Distribution, { label: 'a', segments: scale }).match(/<pattern id="([^"]+)"/)?.[1];
		expect(id).toMatch(/^s\d+-dk$/);
		const cats = ssr(
			Distribution,
			{
				label: 'Channels',
				segments: ['Phone', 'Email', 'Visit', 'Video', 'Other'].map((label, i) => ({ key: label.toLowerCase(), label, count: [14, 9, 6, 3, 1][i] })),
				locale: 'sv'
			},
			'Distribution categorical',
			'Distribution'
		);
		expect(cats).toContain(chartColours.categorical[1]);
		expect(cats).toMatch(/42\s%/); // sv-SE: no-break space
		const zero = ssr(Distribution, { label: 'None', segments: scale.map((s) => ({ ...s, count: 0 })) }, 'Distribution zeros', 'Distribution');
		expect(zero).toContain('class="track"');
		expect(zero).not.toContain('class="segment"');
	});
});

describe('escaping', () => {
	it('draws a name with markup as text in every chart', () => {
		const evil = '<script>alert(1)</script>';
		const pages = [
			ssr(Radar, { label: evil, axes: [evil, 'B', 'C'], series: [{ name: evil, values: [3, 3, 3], kind: 'unit' }] }),
			ssr(GapChart, { label: evil, rows: [{ name: evil, a: 3, b: 4 }], aName: evil, bName: 'b', gapLabel: evil }),
			ssr(TrendChart, { label: evil, points: [{ x: evil, value: 3 }], valueName: evil }),
			ssr(Distribution, { label: evil, segments: [{ key: 'a', label: evil, count: 1 }] })
		];
		for (const html of pages) {
			expect(html).not.toContain('<script>');
			expect(html).toContain('&lt;script');
		}
	});
});

describe('heatColour', () => {
	it('gives every status a light background with AA-contrast text', () => {
		for (const s of ['green', 'yellow', 'red', 'neutral', 'suppressed'] as const) {
			const { background, color } = heatColour(s);
			expect(contrast(color, background)).toBeGreaterThanOrEqual(7);
		}
		expect(heatColour('green')).toEqual({ background: '#dcfce7', color: '#14532d' });
	});
});

// Preview: CHARTS_PNG_DIR=/tmp/x npx vitest run src/lib/components/charts writes one HTML page per component.
afterAll(async () => {
	const dir = process.env.CHARTS_PNG_DIR;
	if (!dir) return;
	const { writeFileSync, readFileSync } = await import('node:fs');
	const { compile } = await import('svelte/compiler');
	for (const file of [...new Set(rendered.map((r) => r.file))]) {
		const items = rendered.filter((r) => r.file === file);
		const scope = items[0].body.match(/svelte-[a-z0-9]+/)?.[0] ?? 'none';
		const source = readFileSync(new URL(`./${file}.svelte`, import.meta.url), 'utf8');
		const css = compile(source, { filename: `${file}.svelte`, css: 'external', cssHash: () => scope }).css?.code ?? '';
		const sections = items.map((r) => `<section class="card"><h3>${r.name}</h3>${r.body}</section>`).join('\n');
		const page = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><style>body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;color:#111827;background:#f6f7f9;margin:0;padding:1.5rem 1rem;line-height:1.5}.card{background:#fff;border:1px solid #d9dee5;border-radius:8px;padding:1.25rem;margin-bottom:1rem}h3{margin:0 0 .5rem;font-size:1rem}${css}</style></head><body>${sections}</body></html>`;
		writeFileSync(`${dir}/${file}.html`, page);
	}
});
