import { describe, expect, it } from 'vitest';
import { addMonths, repeatProblem, successorSchedule } from './repeat';

const ZONE = 'Europe/Stockholm';
const at = (iso: string) => new Date(iso);

describe('addMonths', () => {
	it('keeps the wall-clock time across daylight saving', () => {
		// 09:00 in winter (UTC+1) is 09:00 in summer (UTC+2).
		expect(addMonths(at('2027-03-01T08:00:00Z'), 3, ZONE).toISOString()).toBe('2027-06-01T07:00:00.000Z');
		expect(addMonths(at('2027-06-01T07:00:00Z'), 6, ZONE).toISOString()).toBe('2027-12-01T08:00:00.000Z');
	});

	it('moves a day the target month lacks to its last day', () => {
		expect(addMonths(at('2027-05-31T07:00:00Z'), 3, ZONE).toISOString()).toBe('2027-08-31T07:00:00.000Z');
		expect(addMonths(at('2027-11-30T08:00:00Z'), 3, ZONE).toISOString()).toBe('2028-02-29T08:00:00.000Z');
		expect(addMonths(at('2027-01-15T08:00:00Z'), 12, ZONE).toISOString()).toBe('2028-01-15T08:00:00.000Z');
	});
});

describe('successorSchedule', () => {
	const round = {
		startsAt: at('2027-03-01T08:00:00Z'),
		endsAt: at('2027-03-15T16:00:00Z'),
		publishAt: at('2027-03-22T08:00:00Z'),
		reminders: [at('2027-03-05T08:00:00Z'), at('2027-03-12T08:00:00Z')]
	};

	it('moves every date by the interval, keeping days from the start and times of day', () => {
		const s = successorSchedule(round, 3, ZONE, at('2027-03-01T08:00:00Z'));
		expect(s.startsAt.toISOString()).toBe('2027-06-01T07:00:00.000Z');
		expect(s.endsAt.toISOString()).toBe('2027-06-15T15:00:00.000Z');
		expect(s.publishAt.toISOString()).toBe('2027-06-22T07:00:00.000Z');
		expect(s.reminders.map((d) => d.toISOString())).toEqual(['2027-06-05T07:00:00.000Z', '2027-06-12T07:00:00.000Z']);
	});

	it('skips whole intervals that have passed, so a repeat is never due at once', () => {
		const s = successorSchedule(round, 3, ZONE, at('2027-07-10T00:00:00Z'));
		expect(s.startsAt.toISOString()).toBe('2027-09-01T07:00:00.000Z');
		expect(s.endsAt.toISOString()).toBe('2027-09-15T15:00:00.000Z');
	});
});

describe('repeatProblem', () => {
	it('refuses an interval the round is open longer than', () => {
		expect(repeatProblem({ startsAt: at('2027-03-01T08:00:00Z'), endsAt: at('2027-03-15T08:00:00Z') }, 3, ZONE)).toBeNull();
		expect(repeatProblem({ startsAt: at('2027-03-01T08:00:00Z'), endsAt: at('2027-06-02T08:00:00Z') }, 3, ZONE)).toMatch(/within 3 months/);
		expect(repeatProblem({ startsAt: at('2027-03-01T08:00:00Z'), endsAt: at('2027-06-02T08:00:00Z') }, 6, ZONE)).toBeNull();
	});
});
