import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allowedActions, defaultSchedule, scheduleProblems, statusAt, transitions, type RoundStatus } from './state';

const t = (h: number) => new Date(Date.UTC(2026, 0, 1, h));
const dates = { startsAt: t(10), endsAt: t(20), publishAt: t(30) };

describe('statusAt', () => {
	it.each([
		['scheduled', 9, 'scheduled'],
		['scheduled', 10, 'open'],
		['scheduled', 19, 'open'],
		['scheduled', 20, 'closed'],
		['scheduled', 30, 'published'],
		['open', 25, 'closed'],
		['closed', 31, 'published'],
		['draft', 31, 'draft'],
		['closed', 12, 'closed'], // closed early stays closed
		['published', 0, 'published']
	] as [RoundStatus, number, RoundStatus][])('%s at hour %i → %s', (from, hour, to) => {
		expect(statusAt({ status: from, ...dates }, t(hour))).toBe(to);
	});

	it('never moves a round backwards and only through the listed steps', () => {
		const statuses: RoundStatus[] = ['draft', 'scheduled', 'open', 'closed', 'published'];
		fc.assert(
			fc.property(fc.constantFrom(...statuses), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (status, h1, h2) => {
				const [a, b] = h1 <= h2 ? [h1, h2] : [h2, h1];
				const first = statusAt({ status, ...dates }, t(a));
				const second = statusAt({ status: first, ...dates }, t(b));
				expect(statuses.indexOf(first)).toBeGreaterThanOrEqual(statuses.indexOf(status));
				expect(statuses.indexOf(second)).toBeGreaterThanOrEqual(statuses.indexOf(first));
				expect(transitions(status, second)).toEqual(statuses.slice(statuses.indexOf(status) + 1, statuses.indexOf(second) + 1));
			})
		);
	});
});

describe('allowedActions', () => {
	it('allows launching drafts, closing and reminding open rounds, nothing after close', () => {
		expect(allowedActions('draft')).toEqual(['launch']);
		expect(allowedActions('open')).toEqual(['close', 'extend', 'remind']);
		expect(allowedActions('closed')).toEqual([]);
		expect(allowedActions('published')).toEqual([]);
	});
});

describe('schedule', () => {
	it('defaults to two weeks, publishing at the end, three reminders inside the period', () => {
		const s = defaultSchedule(t(0));
		expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(14 * 86_400_000);
		expect(s.publishAt).toEqual(s.endsAt);
		expect(s.reminders).toHaveLength(3);
		expect(scheduleProblems(s)).toEqual({});
	});
	it('names each problem', () => {
		expect(scheduleProblems({ startsAt: t(10), endsAt: t(5), publishAt: t(4), reminders: [t(11)] })).toMatchObject({
			endsAt: expect.any(String),
			publishAt: expect.any(String),
			reminders: expect.any(String)
		});
	});
});
