/**
 * KPI months (pure): calendar months in the organization's time zone. A figure belongs to the month its
 * instant falls in there (31 Jan 23:30 UTC is February in Stockholm). A month is reviewed once it is over:
 * a partial month against a whole month's plan would look behind.
 */
import { TZDate } from '@date-fns/tz';

export interface Month {
	year: number;
	/** 1–12. */
	month: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2027-03": how months are keyed and stored. */
export const monthKey = (m: Month) => `${String(m.year).padStart(4, '0')}-${pad(m.month)}`;

export function parseMonthKey(key: string): Month | null {
	const match = /^(\d{4})-(\d{2})$/.exec(key);
	if (!match) return null;
	const m = { year: Number(match[1]), month: Number(match[2]) };
	return m.month >= 1 && m.month <= 12 ? m : null;
}

/** The month an instant falls in, in `zone`. */
export function monthOf(instant: Date, zone: string): Month {
	const t = new TZDate(instant.getTime(), zone);
	return { year: t.getFullYear(), month: t.getMonth() + 1 };
}

export const addMonths = (m: Month, n: number): Month => {
	const i = m.year * 12 + (m.month - 1) + n;
	return { year: Math.floor(i / 12), month: (((i % 12) + 12) % 12) + 1 };
};

/** The newest month that is over at `now` in `zone`: the one a monthly review looks at. */
export const lastClosedMonth = (now: Date, zone: string): Month => addMonths(monthOf(now, zone), -1);

/** The instants a month spans in `zone`: [start, end). */
export function monthSpan(m: Month, zone: string): { start: Date; end: Date } {
	const next = addMonths(m, 1);
	return { start: new Date(new TZDate(m.year, m.month - 1, 1, zone).getTime()), end: new Date(new TZDate(next.year, next.month - 1, 1, zone).getTime()) };
}

/** The months a board offers, newest first: this month and three years back, and `chosen` if it is older or later. */
export function boardMonths(now: Date, zone: string, chosen: string): string[] {
	const current = monthOf(now, zone);
	const keys = Array.from({ length: 37 }, (_, i) => monthKey(addMonths(current, -i)));
	return keys.includes(chosen) ? keys : [chosen, ...keys].sort().reverse();
}
