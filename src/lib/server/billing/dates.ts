/**
 * Billing's calendar: plain dates ('YYYY-MM-DD') in Swedish time, where the seller keeps its books.
 * A period [start, end) includes its first day and excludes its last.
 */
const stockholm = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The date in Stockholm at `now`. */
export const dateIn = (now: Date): string => stockholm.format(now);

const parts = (d: string) => d.split('-').map(Number) as [number, number, number];
const utc = (d: string) => {
	const [y, m, day] = parts(d);
	return Date.UTC(y, m - 1, day);
};
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Days from `a` to `b` (negative when b is earlier). */
export const daysBetween = (a: string, b: string): number => Math.round((utc(b) - utc(a)) / 86_400_000);

export const addDays = (d: string, days: number): string => iso(utc(d) + days * 86_400_000);

/** `months` calendar months after `d`; a day the month lacks becomes its last (31 January + 1 month = 28 or 29 February). */
export function addMonths(d: string, months: number): string {
	const [y, m, day] = parts(d);
	const first = new Date(Date.UTC(y, m - 1 + months, 1));
	const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
	return iso(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, last)));
}

/** Whole months from `start` to `d` (0 before the first monthly boundary). */
export function monthsSince(start: string, d: string): number {
	let k = 0;
	while (addMonths(start, k + 1) <= d) k++;
	return k;
}
