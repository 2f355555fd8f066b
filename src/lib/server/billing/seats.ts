import { daysBetween } from './dates';
import { lineAmount } from './money';

/**
 * Who is billed for what, as pure functions. A seat is one billable person in a 12-month period; the
 * period is billed for at least `minimum` seats. People present at the start fill the first seats from
 * the start; each further distinct person adds a seat from the day they first had a role in the period.
 * Removing a person frees no seat before renewal. Each seat owes unit price × 12 × its days ÷ the
 * period's days.
 */

export interface Period {
	start: string;
	end: string;
}

/** One stretch of a person's role in the organization, as dates; `until` null while it lasts. */
export interface Presence {
	email: string;
	from: string;
	until: string | null;
}

/** Each distinct person's first day with a role in the period (their first stretch that overlaps it). */
export function firstDays(presence: Presence[], period: Period): Map<string, string> {
	const first = new Map<string, string>();
	for (const p of presence) {
		if (p.from >= period.end || (p.until !== null && p.until < period.start)) continue;
		const day = p.from < period.start ? period.start : p.from;
		const seen = first.get(p.email);
		if (!seen || day < seen) first.set(p.email, day);
	}
	return first;
}

/** The day each seat of the period starts, counting the people seen before `asOf`: sorted, at least `minimum`. */
export function seatStarts(presence: Presence[], period: Period, minimum: number, asOf: string): string[] {
	const days = [...firstDays(presence, period).values()].filter((d) => d < asOf).sort();
	return Array.from({ length: Math.max(days.length, minimum) }, (_, j) => (j < minimum ? period.start : days[j]));
}

export interface Line {
	fromOn: string;
	toOn: string;
	days: number;
	periodDays: number;
	users: number;
	unitPrice: number;
	amount: number;
}

/** The lines billing the seats after the first `billedSeats`: one per day seats start on, to the end of the period. */
export function linesFor(starts: string[], billedSeats: number, period: Period, unitPrice: number): Line[] {
	const periodDays = daysBetween(period.start, period.end);
	const byDay = new Map<string, number>();
	for (const day of starts.slice(billedSeats)) byDay.set(day, (byDay.get(day) ?? 0) + 1);
	return [...byDay].map(([fromOn, users]) => {
		const days = daysBetween(fromOn, period.end);
		return { fromOn, toOn: period.end, days, periodDays, users, unitPrice, amount: lineAmount(users, unitPrice, days, periodDays) };
	});
}
