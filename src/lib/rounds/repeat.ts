/**
 * Repeating rounds as pure functions: how a round's dates move on to its successor's. Dates move by
 * calendar months at the same wall-clock time in the organization's zone (a round opening at 09:00 on
 * 4 May repeats at 09:00 on 4 August, whatever daylight saving does in between).
 */
import { fromLocalInput, toLocalInput } from '$lib/time/zone';

export const REPEAT_MONTHS = [3, 6, 12] as const;
export type RepeatMonths = (typeof REPEAT_MONTHS)[number];

export interface RoundSchedule {
	startsAt: Date;
	endsAt: Date;
	publishAt: Date;
	reminders: Date[];
}

const DAY = 86_400_000;

/** The calendar day of a datetime-local value as a UTC midnight, for counting whole days between two. */
const dayOf = (local: string) => Date.UTC(Number(local.slice(0, 4)), Number(local.slice(5, 7)) - 1, Number(local.slice(8, 10)));
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `date` moved on by `months` calendar months in `zone`; a day the month lacks becomes its last (31 May + 3 → 31 August, 30 November + 3 → 28/29 February). */
export function addMonths(date: Date, months: number, zone: string): Date {
	const local = toLocalInput(date, zone);
	const y = Number(local.slice(0, 4));
	const m = Number(local.slice(5, 7)) - 1 + months;
	const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
	const day = Math.min(Number(local.slice(8, 10)), lastDay);
	return fromLocalInput(`${isoDay(Date.UTC(y, m, day))}T${local.slice(11)}`, zone)!;
}

/**
 * The successor's schedule: the start moves on by the interval (by as many intervals as it takes to
 * lie after `now`, so a repeat is never due at once), and every other date keeps its distance in days
 * from the start and its time of day.
 */
export function successorSchedule(r: RoundSchedule, months: RepeatMonths, zone: string, now: Date): RoundSchedule {
	let steps = 1;
	while (addMonths(r.startsAt, months * steps, zone) <= now && steps < 1000) steps++;
	const startsAt = addMonths(r.startsAt, months * steps, zone);
	const from = dayOf(toLocalInput(r.startsAt, zone));
	const to = dayOf(toLocalInput(startsAt, zone));
	const move = (d: Date) => {
		const local = toLocalInput(d, zone);
		return fromLocalInput(`${isoDay(to + (dayOf(local) - from))}T${local.slice(11)}`, zone)!;
	};
	return { startsAt, endsAt: move(r.endsAt), publishAt: move(r.publishAt), reminders: r.reminders.map(move) };
}

/** Why a round with these dates cannot repeat every `months` months (null when it can): it must close before its successor opens. */
export function repeatProblem(s: { startsAt: Date; endsAt: Date }, months: RepeatMonths, zone: string): string | null {
	return s.endsAt < addMonths(s.startsAt, months, zone) ? null : `A round that repeats every ${months} months must close within ${months} months of its start.`;
}

/** When the admins hear of a repeated round: this many days before it opens. */
export const NOTICE_DAYS = 14;
export const noticeDueBy = (now: Date) => new Date(now.getTime() + NOTICE_DAYS * DAY);
