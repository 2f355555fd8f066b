import { describe, expect, it } from 'vitest';
import { formatDeviation, formatFigure, formatMonthName } from './format';

describe('KPI formatting', () => {
	it('formats decimal strings exactly, in the reader’s locale', () => {
		expect(formatFigure('1234567.5', 'currency', 'en')).toBe('1,234,567.5');
		expect(formatFigure('1234567.5', 'currency', 'sv')).toBe('1\u00a0234\u00a0567,5');
		// Beyond a float's 15–17 digits: no rounding through a number.
		expect(formatFigure('123456789012345.25', 'count', 'en')).toBe('123,456,789,012,345.25');
		expect(formatFigure('42.55', 'percent', 'en')).toBe('42.6%');
		expect(formatFigure(null, 'ratio', 'en')).toBe('–');
	});

	it('signs deviations and names months', () => {
		expect(formatDeviation('-12', 'en')).toBe('-12%');
		expect(formatDeviation('3.333333', 'sv')).toMatch(/^\+3,3\s%$/);
		expect(formatDeviation('0', 'en')).toBe('0%');
		expect(formatMonthName({ year: 2027, month: 3 }, 'en')).toBe('March 2027');
		expect(formatMonthName({ year: 2027, month: 3 }, 'sv')).toBe('mars 2027');
	});
});
