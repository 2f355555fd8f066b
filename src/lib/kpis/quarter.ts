/**
 * Calendar quarters of KPI months (pure): "2026-Q3" is July to September in the organization's time zone.
 * A quarter is reviewed once one of its months is over; until its last month is over it is read to date.
 */
import { addMonths, monthKey, type Month } from './month';

export interface Quarter {
	year: number;
	/** 1–4. */
	quarter: number;
}

export const quarterKey = (q: Quarter) => `${String(q.year).padStart(4, '0')}-Q${q.quarter}`;

export function parseQuarterKey(key: string): Quarter | null {
	const match = /^(\d{4})-Q([1-4])$/.exec(key);
	return match ? { year: Number(match[1]), quarter: Number(match[2]) } : null;
}

/** The quarter a month falls in. */
export const quarterOf = (m: Month): Quarter => ({ year: m.year, quarter: Math.ceil(m.month / 3) });

/** The quarter's three months, first to last. */
export const quarterMonths = (q: Quarter): Month[] => [1, 2, 3].map((i) => ({ year: q.year, month: (q.quarter - 1) * 3 + i }));

/** The quarter's months that are over at `lastClosed` (none for a quarter not begun; all three for one that has ended). */
export const monthsOver = (q: Quarter, lastClosed: Month): Month[] => quarterMonths(q).filter((m) => monthKey(m) <= monthKey(lastClosed));

/** The `count` latest quarters with a month over at `lastClosed`, newest first (the one under way first when it has one). */
export function recentQuarters(lastClosed: Month, count = 4): string[] {
	return Array.from({ length: count }, (_, i) => quarterKey(quarterOf(addMonths(lastClosed, -3 * i))));
}
