import { describe, expect, it } from 'vitest';
import { revenueSvg } from './revenue';

const months = ['2026-11', '2026-12', '2027-01', '2027-02'];
const bars = (svg: string) =>
	[...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/g)].map((m) => ({ y: Number(m[2]), h: Number(m[3]) }));

describe('revenueSvg', () => {
	it('draws one bar per month with revenue, taller for more, with its amount, the months and the years named', () => {
		const svg = revenueSvg({ label: 'Revenue in SEK', currency: 'SEK', months, values: [100_000, 0, 250_000, 50_000] });
		expect(svg).toContain('aria-label="Revenue in SEK"');
		const b = bars(svg);
		expect(b).toHaveLength(3);
		expect(b[1].h).toBeGreaterThan(b[0].h);
		expect(b[0].h).toBeGreaterThan(b[2].h);
		for (const label of ['1,000', '2,500', '500', 'Nov', 'Dec', 'Jan', 'Feb', '2026', '2027']) expect(svg).toContain(`>${label}</text>`);
	});

	it('hangs a month that credit notes outweigh below the zero line', () => {
		const svg = revenueSvg({ label: 'R', currency: 'EUR', months: months.slice(0, 2), values: [40_000, -10_000] });
		const zero = Number(/<line x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)" y2="[\d.]+" stroke="#4b5563"/.exec(svg)![1]);
		const [pos, neg] = bars(svg);
		expect(pos.y + pos.h).toBeCloseTo(zero);
		expect(neg.y).toBeCloseTo(zero);
		expect(svg).toContain('>-100</text>');
	});

	it('escapes its label and writes Swedish numbers in Swedish', () => {
		const svg = revenueSvg({ label: '<script>', currency: 'SEK', months: ['2027-01'], values: [123_456_00], locale: 'sv' });
		expect(svg).not.toContain('<script>');
		expect(svg).toMatch(/>123\s456<\/text>/);
	});
});
