import { describe, expect, it } from 'vitest';
import { chartColours } from './colours';
import { distributionSvg } from './distribution';
import { gapSvg, gapText } from './gap';
import { radarSvg } from './radar';
import { scoreBarSvg } from './score-bar';
import { sparklineSvg } from './sparkline';
import { esc } from './svg';
import { trendSvg } from './trend';

const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;
const cls = (name: string) => new RegExp(`class="${name}"`, 'g');
const EVIL = '<script>alert("x")</script> & co';
const SAFE = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co';

/** The svg is well formed enough for the PDF: one root, every tag closed. */
function balanced(svg: string) {
	expect(svg.startsWith('<svg')).toBe(true);
	expect(svg.endsWith('</svg>')).toBe(true);
	const open = count(svg, /<[a-z]+(?=[\s>])(?![^>]*\/>)[^>]*>/g);
	expect(open).toBe(count(svg, /<\/[a-z]+>/g));
}

describe('esc', () => {
	it('escapes markup and quotes', () => {
		expect(esc(EVIL)).toBe(SAFE);
		expect(esc("it's")).toBe('it&#39;s');
	});
});

describe('scoreBarSvg', () => {
	it('draws track, three gridlines, the bar in the status colour and the benchmark tick; decorative', () => {
		const svg = scoreBarSvg({ score: 3.5, benchmark: 3.1, status: 'green' });
		balanced(svg);
		expect(count(svg, cls('bar'))).toBe(1);
		expect(count(svg, cls('grid'))).toBe(3);
		expect(count(svg, cls('benchmark'))).toBe(1);
		expect(svg).toContain(`fill="${chartColours.status.green.fill}"`);
		expect(svg).toContain('aria-hidden="true"');
		expect(svg).not.toContain('<title>');
	});
	it('a hidden score draws the track only; a null status is neutral', () => {
		const svg = scoreBarSvg({ score: null, benchmark: 3, status: null, width: 160 });
		expect(svg).toContain('viewBox="0 0 160 20"');
		expect(svg).not.toContain('class="bar"');
		expect(svg).not.toContain('class="benchmark"');
		expect(scoreBarSvg({ score: 2, benchmark: null, status: null })).toContain(chartColours.status.neutral.fill);
	});
});

describe('sparklineSvg', () => {
	it('one polyline per run, a dot on the last value', () => {
		const svg = sparklineSvg({ values: [3.1, 3.4, null, 3.9, 4.2] });
		balanced(svg);
		expect(count(svg, /<polyline/g)).toBe(2);
		expect(count(svg, cls('last'))).toBe(1);
		expect(sparklineSvg({ values: [] })).not.toContain('<circle');
	});
});

describe('radarSvg', () => {
	const axes = ['Strategy', 'Coaching', 'Targets', EVIL];
	const series = [
		{ name: 'Unit', values: [3, 4, null, 2], kind: 'unit' as const },
		{ name: 'Benchmark', values: [3.5, 3.5, 3.5, 3.5], kind: 'benchmark' as const }
	];
	it('is an image named by its title, with rings, one polygon per series and dots for the unit', () => {
		const svg = radarSvg({ label: 'Scores by area', axes, series });
		balanced(svg);
		expect(svg).toMatch(/^<svg class="wide"[^>]* role="img" aria-label="Scores by area"[^>]*><title>Scores by area<\/title>/);
		expect(count(svg, /<polygon/g)).toBe(5 + 2);
		expect(count(svg, cls('dot'))).toBe(4);
		expect(svg).toContain('stroke-dasharray="6 4"');
		for (const v of [1, 2, 3, 4, 5]) expect(svg).toContain(`>${v}</text>`);
	});
	it('escapes axis names and the label', () => {
		const svg = radarSvg({ label: EVIL, axes, series }, 'narrow');
		expect(svg).not.toContain('<script');
		expect(svg).toContain(`<title>${SAFE}</title>`);
		expect(radarSvg({ label: 'x', axes: ['A', 'B', '<b>'], series })).toContain('>&lt;b&gt;</tspan>');
	});
});

describe('gapSvg', () => {
	const rows = [
		{ name: 'Strategy', a: 3.2, b: 3.9 },
		{ name: EVIL, a: 3.8, b: 3.1 },
		{ name: 'Coaching', a: null, b: 3.3 }
	];
	it('draws a circle and a diamond per complete row and writes the signed gaps', () => {
		const svg = gapSvg({ label: 'Perception gap', rows, gapLabel: 'Gap' });
		balanced(svg);
		expect(svg).toContain('<title>Perception gap</title>');
		expect(count(svg, cls('a'))).toBe(2);
		expect(count(svg, cls('b'))).toBe(2);
		expect(svg).toContain('>+0.70</text>');
		expect(svg).toContain('>−0.70</text>');
		expect(svg).toContain('>–</text>');
		expect(svg).toContain('>Gap</text>');
		expect(svg).not.toContain('<script');
		expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;…</text>');
		expect(gapText({ name: 'x', a: 3, b: 3.25 }, 'sv')).toBe('+0,25');
	});
	it('the narrow drawing puts names above the axis', () => {
		const svg = gapSvg({ label: 'x', rows: rows.slice(0, 1) }, 'narrow');
		expect(svg).toContain('viewBox="0 0 320 86"');
		expect(svg).toContain('class="name" x="0" y="44"');
	});
});

describe('trendSvg', () => {
	const points = [
		{ x: 'Mar 2025', value: 3.1, benchmark: 3.3 },
		{ x: 'Sep 2025', value: 3.45, benchmark: 3.35 },
		{ x: 'Mar 2026', value: null, benchmark: 3.4 },
		{ x: '<i>2026</i>', value: 3.9, benchmark: 3.4 }
	];
	it('draws dots with values, the dashed benchmark, breaks at nulls, names itself', () => {
		const svg = trendSvg({ label: 'Coaching over time', points });
		balanced(svg);
		expect(svg).toContain('<title>Coaching over time</title>');
		expect(count(svg, cls('dot'))).toBe(3);
		expect(count(svg, cls('value'))).toBe(3);
		expect(count(svg, cls('series'))).toBe(1);
		expect(count(svg, cls('benchmark'))).toBe(1);
		expect(svg).toContain('>3.45</text>');
		expect(svg).toContain('&lt;i&gt;2026&lt;/i&gt;');
		expect(trendSvg({ label: 'x', points, locale: 'sv' })).toContain('>3,45</text>');
	});
	it('marks where the model version changed, before that point', () => {
		const svg = trendSvg({ label: 'x', points: points.map((p, i) => (i === 2 ? { ...p, marker: 'Model 1.1' } : p)) });
		balanced(svg);
		expect(count(svg, cls('marker'))).toBe(1);
		expect(svg).toContain('>Model 1.1</text>');
		expect(count(trendSvg({ label: 'x', points }), cls('marker'))).toBe(0);
	});
});

describe('distributionSvg', () => {
	const segments = [
		{ key: '1', label: 'Strongly disagree', count: 2 },
		{ key: '2', label: 'Disagree', count: 5 },
		{ key: '3', label: 'Neither', count: 9 },
		{ key: '4', label: 'Agree', count: 21 },
		{ key: '5', label: 'Strongly agree', count: 12 },
		{ key: 'dk', label: "Don't know", count: 3 }
	];
	it('stacks segments to 100%, writes wide-enough shares, hatches "don\'t know"', () => {
		const svg = distributionSvg({ label: 'Answers', segments, id: 'q4' });
		balanced(svg);
		expect(svg).toContain('<title>Answers</title>');
		expect(count(svg, cls('segment'))).toBe(6);
		expect(count(svg, /<text/g)).toBe(4);
		expect(count(svg, /class="tight"/g)).toBe(1);
		expect(svg).toContain('<pattern id="q4-dk"');
		expect(svg).toContain('fill="url(#q4-dk)"');
		expect(svg).toContain(chartColours.diverging['4']);
		expect(distributionSvg({ label: 'Answers', segments, id: 'q4', shares: false })).not.toContain('<text');
	});
	it('escapes the label and the id', () => {
		const svg = distributionSvg({ label: EVIL, segments, id: '"x' });
		expect(svg).not.toContain('<script');
		expect(svg).toContain('id="&quot;x-dk"');
	});
});
