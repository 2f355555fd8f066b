import { describe, expect, it } from 'vitest';
import { monthKey } from './month';
import { monthsOver, parseQuarterKey, quarterKey, quarterMonths, quarterOf, recentQuarters } from './quarter';

describe('quarters', () => {
	it('reads and writes keys, and refuses anything but Q1–Q4', () => {
		expect(parseQuarterKey('2026-Q3')).toEqual({ year: 2026, quarter: 3 });
		expect(quarterKey({ year: 2026, quarter: 3 })).toBe('2026-Q3');
		for (const bad of ['2026-Q0', '2026-Q5', '2026-3', '26-Q1', '2026-q1', ' 2026-Q1']) expect(parseQuarterKey(bad)).toBeNull();
	});

	it('knows its months and the quarter of a month', () => {
		expect(quarterMonths({ year: 2026, quarter: 3 }).map(monthKey)).toEqual(['2026-07', '2026-08', '2026-09']);
		expect([1, 3, 4, 6, 7, 9, 10, 12].map((month) => quarterOf({ year: 2026, month }).quarter)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
	});

	it('reads a quarter under way to date, and offers it first when one of its months is over', () => {
		const november = { year: 2026, month: 11 };
		expect(monthsOver({ year: 2026, quarter: 4 }, november).map(monthKey)).toEqual(['2026-10', '2026-11']);
		expect(monthsOver({ year: 2026, quarter: 3 }, november)).toHaveLength(3);
		expect(monthsOver({ year: 2027, quarter: 1 }, november)).toEqual([]);
		expect(recentQuarters(november)).toEqual(['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1']);
		expect(recentQuarters({ year: 2027, month: 3 })).toEqual(['2027-Q1', '2026-Q4', '2026-Q3', '2026-Q2']);
	});
});
