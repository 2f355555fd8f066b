import type { Locale } from '$lib/i18n';
import { round2 } from '$lib/results/colour';

const tag = (locale: Locale) => (locale === 'sv' ? 'sv-SE' : 'en-GB');

/**
 * A score or benchmark as shown everywhere: two decimals in the reader's locale. Rounded with round2
 * first, as colours and differences are: Intl alone rounds 2.425 (stored as 2.42499…) up to "2.43"
 * while round2 gives 2.42, so the page would show a figure other than the one its colour and
 * difference were decided on (and than the one a chart holds).
 */
export const score = (v: number | null, locale: Locale) =>
	v === null ? '–' : new Intl.NumberFormat(tag(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(round2(v));

/** A signed difference, e.g. +0.25 / −0.40. */
export const signed = (v: number | null, locale: Locale) => (v === null ? '–' : (v > 0 ? '+' : v < 0 ? '−' : '±') + score(Math.abs(v), locale));

export const count = (v: number, locale: Locale) => new Intl.NumberFormat(tag(locale)).format(v);

export const formatDay = (d: Date | string, locale: Locale) => new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium' }).format(new Date(d));

export const formatMonth = (d: Date | string, locale: Locale) => new Intl.DateTimeFormat(tag(locale), { month: 'short', year: 'numeric' }).format(new Date(d));

/** A calendar date (YYYY-MM-DD, e.g. a due date) in the reader's locale: the same day in every zone. */
export const formatDate = (ymd: string, locale: Locale) => formatDay(`${ymd}T12:00:00Z`, locale);
