import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, daysBetween } from './dates';
import { linesFor, seatStarts, type Presence } from './seats';
import { dueThrough } from './run';

const PRICE = 400; // per user and month
const MINIMUM = 5;

/** A random history: people (some coming back) with stretches as day offsets into the period. */
const history = fc.array(
	fc.record({ person: fc.integer({ min: 0, max: 25 }), from: fc.integer({ min: -60, max: 400 }), length: fc.option(fc.integer({ min: 0, max: 200 })) }),
	{ maxLength: 60 }
);

/** What the organization owes, counted day by day: each day, at least MINIMUM seats, one per distinct person seen so far. */
function owedExactly(presence: Presence[], start: string, end: string): number {
	const periodDays = daysBetween(start, end);
	const seen = new Set<string>();
	let seatDays = 0;
	for (let d = 0; d < periodDays; d++) {
		const day = addDays(start, d);
		for (const p of presence) if (p.from <= day && (p.until === null || p.until >= day) && (p.until === null || p.until >= start)) seen.add(p.email);
		seatDays += Math.max(MINIMUM, seen.size);
	}
	return (PRICE * 12 * seatDays) / periodDays;
}

describe('billing over random histories of added and removed people', () => {
	it('invoices sum to the seats × days × price owed, to the rounding of each line', () => {
		fc.assert(
			fc.property(history, fc.constantFrom('2027-01-31', '2027-03-01', '2028-02-29'), (h, start) => {
				const end = addMonths(start, 12);
				const presence: Presence[] = h.map((s) => {
					const from = addDays(start, s.from);
					return { email: `p${s.person}`, from, until: s.length === null ? null : addDays(from, s.length) };
				});
				// The job runs at the start and at every monthly boundary, and once more at the end.
				const runs = [start, ...Array.from({ length: 12 }, (_, k) => addMonths(start, k + 1))];
				let billed = 0;
				let total = 0;
				let lines = 0;
				for (const today of runs) {
					const due = linesFor(seatStarts(presence, { start, end }, MINIMUM, dueThrough({ start, end }, today)), billed, { start, end }, PRICE);
					billed += due.reduce((n, l) => n + l.users, 0);
					total += due.reduce((n, l) => n + l.amount, 0);
					lines += due.length;
				}
				expect(Math.abs(total - owedExactly(presence, start, end))).toBeLessThanOrEqual(lines / 2);
				expect(lines).toBeGreaterThan(0); // the period's invoice in advance, at least MINIMUM seats
			}),
			{ numRuns: 150 }
		);
	});

	it('bills nothing twice: running again on the same day finds nothing due', () => {
		fc.assert(
			fc.property(history, fc.integer({ min: 0, max: 364 }), (h, offset) => {
				const start = '2027-01-01';
				const end = addMonths(start, 12);
				const presence: Presence[] = h.map((s) => ({ email: `p${s.person}`, from: addDays(start, s.from), until: null }));
				const today = addDays(start, offset);
				const starts = seatStarts(presence, { start, end }, MINIMUM, dueThrough({ start, end }, today));
				const first = linesFor(starts, 0, { start, end }, PRICE);
				const again = linesFor(
					starts,
					first.reduce((n, l) => n + l.users, 0),
					{ start, end },
					PRICE
				);
				expect(again).toEqual([]);
			})
		);
	});
});
