import { describe, expect, it } from 'vitest';
import { formatShare } from '$lib/results/format';
import { convertLocal, formatInstant, fromLocalInput, isTimeZone, offsetMs, pickZone, toLocalInput } from './zone';

const H = 3_600_000;
const utc = (s: string) => new Date(s).toISOString();

describe('offsetMs', () => {
	it('is the zone offset at the instant, DST included', () => {
		expect(offsetMs('Europe/Stockholm', new Date('2026-07-01T12:00:00Z'))).toBe(2 * H);
		expect(offsetMs('Europe/Stockholm', new Date('2026-01-01T12:00:00Z'))).toBe(1 * H);
		expect(offsetMs('America/New_York', new Date('2026-01-01T12:00:00Z'))).toBe(-5 * H);
		expect(offsetMs('Asia/Kolkata', new Date('2026-01-01T12:00:00.750Z'))).toBe(5.5 * H);
		expect(offsetMs('UTC', new Date('2026-01-01T12:00:00Z'))).toBe(0);
	});

	it('changes exactly at the DST switch', () => {
		expect(offsetMs('Europe/Stockholm', new Date('2026-03-29T00:59:59Z'))).toBe(1 * H);
		expect(offsetMs('Europe/Stockholm', new Date('2026-03-29T01:00:00Z'))).toBe(2 * H);
		expect(offsetMs('Europe/Stockholm', new Date('2026-10-25T00:59:59Z'))).toBe(2 * H);
		expect(offsetMs('Europe/Stockholm', new Date('2026-10-25T01:00:00Z'))).toBe(1 * H);
	});
});

describe('toLocalInput', () => {
	it('gives the wall clock in the zone, to the minute', () => {
		expect(toLocalInput(new Date('2026-05-04T07:00:59Z'), 'Europe/Stockholm')).toBe('2026-05-04T09:00');
		expect(toLocalInput(new Date('2026-12-31T23:30:00Z'), 'Europe/Stockholm')).toBe('2027-01-01T00:30');
		expect(toLocalInput(new Date('2026-03-29T00:59:00Z'), 'Europe/Stockholm')).toBe('2026-03-29T01:59');
		expect(toLocalInput(new Date('2026-03-29T01:00:00Z'), 'Europe/Stockholm')).toBe('2026-03-29T03:00');
		expect(toLocalInput(new Date('2026-10-25T00:30:00Z'), 'Europe/Stockholm')).toBe('2026-10-25T02:30');
		expect(toLocalInput(new Date('2026-10-25T01:30:00Z'), 'Europe/Stockholm')).toBe('2026-10-25T02:30');
		expect(toLocalInput(new Date('2026-05-04T07:00:00Z'), 'UTC')).toBe('2026-05-04T07:00');
	});
});

describe('fromLocalInput', () => {
	it('reads a wall-clock time in the zone', () => {
		expect(utc(fromLocalInput('2026-05-04T09:00', 'Europe/Stockholm')!.toISOString())).toBe('2026-05-04T07:00:00.000Z');
		expect(fromLocalInput('2026-01-15T09:00', 'Europe/Stockholm')!.toISOString()).toBe('2026-01-15T08:00:00.000Z');
		expect(fromLocalInput('2026-05-04T09:00:30', 'Europe/Stockholm')!.toISOString()).toBe('2026-05-04T07:00:30.000Z');
		expect(fromLocalInput(' 2026-05-04T09:00:30.5 ', 'UTC')!.toISOString()).toBe('2026-05-04T09:00:30.000Z');
		expect(fromLocalInput('2026-01-15T09:00', 'America/New_York')!.toISOString()).toBe('2026-01-15T14:00:00.000Z');
		expect(fromLocalInput('2026-01-15T09:00', 'Asia/Kolkata')!.toISOString()).toBe('2026-01-15T03:30:00.000Z');
	});

	it('moves a time skipped by DST forward by the gap', () => {
		expect(fromLocalInput('2026-03-29T02:30', 'Europe/Stockholm')!.toISOString()).toBe('2026-03-29T01:30:00.000Z');
		expect(fromLocalInput('2026-03-29T02:00', 'Europe/Stockholm')!.toISOString()).toBe('2026-03-29T01:00:00.000Z');
		expect(fromLocalInput('2026-03-29T03:00', 'Europe/Stockholm')!.toISOString()).toBe('2026-03-29T01:00:00.000Z');
		expect(fromLocalInput('2026-03-08T02:30', 'America/New_York')!.toISOString()).toBe('2026-03-08T07:30:00.000Z');
	});

	it('takes the earlier instant of an ambiguous time', () => {
		expect(fromLocalInput('2026-10-25T02:30', 'Europe/Stockholm')!.toISOString()).toBe('2026-10-25T00:30:00.000Z');
		expect(fromLocalInput('2026-10-25T03:00', 'Europe/Stockholm')!.toISOString()).toBe('2026-10-25T02:00:00.000Z');
		expect(fromLocalInput('2026-11-01T01:30', 'America/New_York')!.toISOString()).toBe('2026-11-01T05:30:00.000Z');
	});

	it('round-trips every half hour across both DST changes', () => {
		for (const start of ['2026-03-28T12:00:00Z', '2026-10-24T12:00:00Z']) {
			for (let t = Date.parse(start); t < Date.parse(start) + 24 * H; t += H / 2) {
				const local = toLocalInput(new Date(t), 'Europe/Stockholm');
				expect(toLocalInput(fromLocalInput(local, 'Europe/Stockholm')!, 'Europe/Stockholm')).toBe(local);
			}
		}
	});

	it('is null for what is not a real date and time', () => {
		for (const v of [
			'',
			'x',
			'2026-04-31T10:00',
			'2026-02-29T10:00',
			'2026-13-01T10:00',
			'2026-05-04T24:00',
			'2026-05-04T10:60',
			'1969-12-31T23:00',
			'2026-05-04 10:00'
		])
			expect(fromLocalInput(v, 'Europe/Stockholm')).toBeNull();
		expect(fromLocalInput('2028-02-29T10:00', 'Europe/Stockholm')).not.toBeNull();
	});
});

describe('the rest', () => {
	it('converts a wall-clock value between zones', () => {
		expect(convertLocal('2026-05-04T09:00', 'Europe/Stockholm', 'Europe/London')).toBe('2026-05-04T08:00');
		expect(convertLocal('2026-05-04T09:00', 'UTC', 'America/New_York')).toBe('2026-05-04T05:00');
		expect(convertLocal('nonsense', 'UTC', 'Europe/Stockholm')).toBe('nonsense');
	});

	it('knows time zones and picks one', () => {
		expect(isTimeZone('Europe/Stockholm')).toBe(true);
		expect(isTimeZone('UTC')).toBe(true);
		expect(isTimeZone('Mars/Olympus')).toBe(false);
		expect(isTimeZone('Europe/Stockholm; drop')).toBe(false);
		expect(isTimeZone(42)).toBe(false);
		expect(pickZone('America/New_York', 'SE')).toBe('America/New_York');
		expect(pickZone('bogus', 'se')).toBe('Europe/Stockholm');
		expect(pickZone(null, 'US')).toBe('UTC');
		expect(pickZone(undefined, null)).toBe('UTC');
	});

	it('formats instants and percentages', () => {
		expect(formatInstant('2026-05-04T07:00:00Z', 'en', 'Europe/Stockholm')).toBe('4 May 2026, 09:00');
		expect(formatInstant(new Date('2026-05-04T23:00:00Z'), 'en', 'Europe/Stockholm', false)).toBe('5 May 2026');
		expect(formatShare(0.456, 'en')).toBe('46%');
	});
});
