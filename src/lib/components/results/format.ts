import type { Locale } from '$lib/i18n';

const tag = (locale: Locale) => (locale === 'sv' ? 'sv-SE' : 'en-GB');

/** A score or benchmark as shown everywhere: two decimals in the reader's locale. */
export const score = (v: number | null, locale: Locale) => (v === null ? '–' : new Intl.NumberFormat(tag(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v));

/** A signed difference, e.g. +0.25 / −0.40. */
export const signed = (v: number | null, locale: Locale) => (v === null ? '–' : (v > 0 ? '+' : v < 0 ? '−' : '±') + score(Math.abs(v), locale));

export const count = (v: number, locale: Locale) => new Intl.NumberFormat(tag(locale)).format(v);

export const formatDay = (d: Date | string, locale: Locale) => new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium' }).format(new Date(d));

export const formatMonth = (d: Date | string, locale: Locale) => new Intl.DateTimeFormat(tag(locale), { month: 'short', year: 'numeric' }).format(new Date(d));
