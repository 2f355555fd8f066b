import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, lastClosedMonth, monthKey, monthOf, monthSpan, parseMonthKey } from './month';

describe('monthOf', () => {
	it.each([
		['2027-01-31T22:59:59Z', 'Europe/Stockholm', '2027-01'],
		['2027-01-31T23:00:00Z', 'Europe/Stockholm', '2027-02'], // midnight in Stockholm
		['2027-03-31T21:59:59Z', 'Europe/Stockholm', '2027-03'], // summer time: +2 h
		['2027-03-31T22:00:00Z', 'Europe/Stockholm', '2027-04'],
		['2027-01-01T04:59:59Z', 'America/New_York', '2026-12'],
		['2027-01-01T00:00:00Z', 'UTC', '2027-01']
	])('%s in %s is %s', (instant, zone, key) => {
		expect(monthKey(monthOf(new Date(instant), zone))).toBe(key);
	});

	it('reviews the month before the current one', () => {
		expect(lastClosedMonth(new Date('2027-01-05T10:00:00Z'), 'Europe/Stockholm')).toEqual({ year: 2026, month: 12 });
		expect(lastClosedMonth(new Date('2027-02-28T23:30:00Z'), 'Europe/Stockholm')).toEqual({ year: 2027, month: 2 });
	});
});

describe('monthSpan', () => {
	it('spans the month in the zone, DST included', () => {
		const march = monthSpan({ year: 2027, month: 3 }, 'Europe/Stockholm');
		expect(march.start.toISOString()).toBe('2027-02-28T23:00:00.000Z');
		expect(march.end.toISOString()).toBe('2027-03-31T22:00:00.000Z');
	});

	it('holds exactly the instants of its month', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
				fc.constantFrom('Europe/Stockholm', 'America/New_York', 'Asia/Kolkata', 'UTC'),
				(d, zone) => {
					const { start, end } = monthSpan(monthOf(d, zone), zone);
					expect(start.getTime() <= d.getTime() && d.getTime() < end.getTime()).toBe(true);
				}
			)
		);
	});
});

describe('keys', () => {
	it('reads and writes "YYYY-MM"', () => {
		expect(parseMonthKey('2027-03')).toEqual({ year: 2027, month: 3 });
		for (const bad of ['2027-13', '2027-00', '2027-3', '27-03', '2027-03-01']) expect(parseMonthKey(bad)).toBeNull();
	});

	it('adds months across years', () => {
		expect(addMonths({ year: 2027, month: 1 }, -1)).toEqual({ year: 2026, month: 12 });
		expect(addMonths({ year: 2027, month: 12 }, 13)).toEqual({ year: 2029, month: 1 });
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 9000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -500, max: 500 }), (year, month, n) => {
				const m = { year, month };
				expect(addMonths(addMonths(m, n), -n)).toEqual(m);
				expect(parseMonthKey(monthKey(m))).toEqual(m);
			})
		);
	});
});
