/**
 * KPI figures as shown (pure): decimal strings from the server formatted in the reader's locale without
 * going through a float (Intl formats a decimal string exactly), rounded only for display.
 */
import type { KpiDefinition } from './definition';
import type { Month } from './month';

const tag = (locale: string) => (locale === 'sv' ? 'sv-SE' : 'en-GB');
type Decimal = `${number}`;

function once<T>(make: (tag: string) => T): (locale: string) => T {
	const made = new Map<string, T>();
	return (locale) => made.get(tag(locale)) ?? made.set(tag(locale), make(tag(locale))).get(tag(locale))!;
}
const plain = once((t) => new Intl.NumberFormat(t, { maximumFractionDigits: 2 }));
const percent = once((t) => new Intl.NumberFormat(t, { style: 'unit', unit: 'percent', maximumFractionDigits: 1 }));
const deviation = once((t) => new Intl.NumberFormat(t, { style: 'unit', unit: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }));
const months = once((t) => new Intl.DateTimeFormat(t, { month: 'long', year: 'numeric', timeZone: 'UTC' }));

/** A KPI's figure: a percentage with its sign (42.5 %), anything else as a number; '–' for none. */
export function formatFigure(value: string | null, unit: KpiDefinition['unit'], locale: string): string {
	if (value === null) return '–';
	return (unit === 'percent' ? percent : plain)(locale).format(value as Decimal);
}

/** A deviation from plan in percent, signed (−12 %, +3.5 %); '–' for none. */
export const formatDeviation = (pct: string | null, locale: string) => (pct === null ? '–' : deviation(locale).format(pct as Decimal));

/** "March 2027" / "mars 2027". */
export const formatMonthName = (m: Month, locale: string) => months(locale).format(new Date(Date.UTC(m.year, m.month - 1, 15)));
