import { en, type Messages, type MessageKey } from './en';
import { sv } from './sv';

export type { MessageKey };
export const locales = ['en', 'sv'] as const;
export type Locale = (typeof locales)[number];
export const localeNames: Record<Locale, string> = { en: 'English', sv: 'Svenska' };

// Adding a language: write one file shaped like en.ts and list it here.
const dictionaries: Record<Locale, Messages> = { en, sv };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Returns a translate function for one locale; `{name}` placeholders are filled from params. */
export function translator(locale: Locale): Translate {
	const dict = dictionaries[locale] ?? en;
	return (key, params) => {
		const template = dict[key] ?? en[key] ?? key;
		if (!params) return template;
		return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
	};
}

/** Picks the best supported language from an Accept-Language header. */
export function negotiateLocale(header: string | null): Locale {
	if (!header) return 'en';
	for (const part of header.split(',')) {
		const tag = part.split(';')[0].trim().slice(0, 2).toLowerCase();
		if (isLocale(tag)) return tag;
	}
	return 'en';
}
