import { describe, expect, it } from 'vitest';
import { associationSvg } from './association';

const input = {
	label: 'Rho <of> "areas"',
	rows: [
		{ name: '<script>alert(1)</script>', rho: 0.62, low: 0.2, high: 0.85 },
		{ name: 'Forecasting', rho: null, low: null, high: null }
	],
	none: 'too few',
	lowEnd: 'missing',
	highEnd: 'hitting'
};

describe('associationSvg', () => {
	it('escapes every text, names the chart and writes each figure', () => {
		for (const drawing of ['wide', 'narrow'] as const) {
			const svg = associationSvg(input, drawing);
			expect(svg).not.toContain('<script>');
			expect(svg).toContain('&lt;script&gt;');
			expect(svg).toContain('<title>Rho &lt;of&gt; &quot;areas&quot;</title>');
			expect(svg).toContain('+0.62');
			expect(svg).toContain('too few');
			expect(svg.match(/class="rho"/g)).toHaveLength(1);
		}
	});

	it('puts zero in the middle and the interval around the dot', () => {
		const svg = associationSvg({ ...input, rows: [{ name: 'A', rho: 0, low: -0.5, high: 0.5 }] }, 'wide');
		const cx = Number(/class="rho" cx="([\d.]+)"/.exec(svg)![1]);
		const [x1, x2] = /class="interval" x1="([\d.]+)" x2="([\d.]+)"/.exec(svg)!.slice(1).map(Number);
		expect(cx).toBeCloseTo((x1 + x2) / 2);
		expect(svg).toContain('−1');
		expect(svg).toContain('+0.5');
	});
});
