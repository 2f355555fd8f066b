import { round2 } from '$lib/results/colour';

/** Swedish, else English: the locale's Intl tag. */
const tag = (locale: string) => (locale === 'sv' ? 'sv-SE' : 'en-GB');

/** Each formatter is made once per locale (making one costs far more than formatting with it; a report formats thousands). */
function once<T>(make: (tag: string) => T): (locale: string) => T {
	const made = new Map<string, T>();
	return (locale) => made.get(tag(locale)) ?? made.set(tag(locale), make(tag(locale))).get(tag(locale))!;
}
const scores = once((t) => new Intl.NumberFormat(t, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
const counts = once((t) => new Intl.NumberFormat(t));
const shares = once((t) => new Intl.NumberFormat(t, { style: 'percent', maximumFractionDigits: 0 }));
const days = once((t) => new Intl.DateTimeFormat(t, { dateStyle: 'medium' }));
const months = once((t) => new Intl.DateTimeFormat(t, { month: 'short', year: 'numeric' }));

/**
 * A score or benchmark as shown everywhere: two decimals in the reader's locale. Rounded with round2
 * first, as colours and differences are: Intl alone rounds 2.425 (stored as 2.42499…) up to "2.43"
 * while round2 gives 2.42, so the page would show a figure other than the one its colour and
 * difference were decided on (and than the one a chart holds).
 */
export const score = (v: number | null, locale: string) => (v === null ? '–' : scores(locale).format(round2(v)));

/** A signed difference, e.g. +0.25 / −0.40. */
export const signed = (v: number | null, locale: string) => (v === null ? '–' : (v > 0 ? '+' : v < 0 ? '−' : '±') + score(Math.abs(v), locale));

export const count = (v: number, locale: string) => counts(locale).format(v);

/** A share (0..1) as a whole percentage ("34%", "34 %" in Swedish). */
export const formatShare = (share: number, locale: string) => shares(locale).format(share);

export const formatDay = (d: Date | string, locale: string) => days(locale).format(new Date(d));

export const formatMonth = (d: Date | string, locale: string) => months(locale).format(new Date(d));

/** A calendar date (YYYY-MM-DD, e.g. a due date) in the reader's locale: the same day in every zone. */
export const formatDate = (ymd: string, locale: string) => formatDay(`${ymd}T12:00:00Z`, locale);
