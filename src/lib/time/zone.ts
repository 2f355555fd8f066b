/**
 * Dates of rounds in the admin's time zone (pure; used on the server and in the browser). Rounds store
 * instants (UTC); forms use `<input type="datetime-local">`, whose value ("2026-05-04T09:00") means a
 * wall-clock time in a named zone — the browser's when JavaScript runs, else a guess from the organization.
 */
import { TZDate, tzOffset } from '@date-fns/tz';

/** The wall clock in `zone` at an instant. */
function wallClock(zone: string, date: Date) {
	const t = new TZDate(date.getTime(), zone);
	return { y: t.getFullYear(), m: t.getMonth() + 1, d: t.getDate(), h: t.getHours(), mi: t.getMinutes() };
}

/** The zone's offset from UTC at an instant, in milliseconds (Stockholm in summer: +2 h). */
export function offsetMs(zone: string, date: Date): number {
	return tzOffset(zone, date) * 60_000 || 0;
}

export function isTimeZone(value: unknown): value is string {
	if (typeof value !== 'string' || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return false;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An instant as a datetime-local value (to the minute) in `zone`. */
export function toLocalInput(date: Date, zone: string): string {
	const w = wallClock(zone, date);
	return `${pad(w.y, 4)}-${pad(w.m)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
}

/**
 * A datetime-local value read as a wall-clock time in `zone`; null when it is not a real date and time.
 * A time that does not exist (skipped by a DST change) moves forward by the gap; an ambiguous one takes
 * the earlier instant.
 */
export function fromLocalInput(value: string, zone: string): Date | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/.exec(value.trim());
	if (!m) return null;
	const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
	if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return null; // 31 April and the like
	// TZDate moves a skipped time forward by the gap; for an ambiguous one it takes the later instant,
	// so try the offset in force before the change (DST changes are never closer than half a day).
	const t = new TZDate(y, mo - 1, d, h, mi, s, zone).getTime();
	const wall = Date.UTC(y, mo - 1, d, h, mi, s);
	const earlier = wall - offsetMs(zone, new Date(t - 43_200_000));
	return new Date(earlier < t && offsetMs(zone, new Date(earlier)) === wall - earlier ? earlier : t);
}

/** The same wall-clock value moved from one zone to another (the instant stays the same). */
export function convertLocal(value: string, from: string, to: string): string {
	const d = fromLocalInput(value, from);
	return d ? toLocalInput(d, to) : value;
}

/** A first guess when the browser has not said: the zone of the organization's country, when it has one. */
const countryZones: Record<string, string> = {
	SE: 'Europe/Stockholm',
	NO: 'Europe/Oslo',
	DK: 'Europe/Copenhagen',
	FI: 'Europe/Helsinki',
	IS: 'Atlantic/Reykjavik',
	EE: 'Europe/Tallinn',
	LV: 'Europe/Riga',
	LT: 'Europe/Vilnius',
	DE: 'Europe/Berlin',
	AT: 'Europe/Vienna',
	CH: 'Europe/Zurich',
	NL: 'Europe/Amsterdam',
	BE: 'Europe/Brussels',
	LU: 'Europe/Luxembourg',
	FR: 'Europe/Paris',
	IT: 'Europe/Rome',
	ES: 'Europe/Madrid',
	PL: 'Europe/Warsaw',
	CZ: 'Europe/Prague',
	GB: 'Europe/London',
	IE: 'Europe/Dublin'
};

/** The zone to show dates in: the browser's (remembered in a cookie), else the country's, else UTC. */
export function pickZone(remembered: string | undefined | null, country: string | null | undefined): string {
	if (isTimeZone(remembered)) return remembered;
	return countryZones[(country ?? '').toUpperCase()] ?? 'UTC';
}

export const ZONE_COOKIE = 'sos_tz';

export function formatInstant(date: Date | string, locale: string, zone: string, withTime = true): string {
	return new Intl.DateTimeFormat(
		locale === 'sv' ? 'sv-SE' : 'en-GB',
		withTime ? { dateStyle: 'medium', timeStyle: 'short', timeZone: zone } : { dateStyle: 'medium', timeZone: zone }
	).format(typeof date === 'string' ? new Date(date) : date);
}
