import { m } from '$lib/paraglide/messages.js';
import { locales } from '$lib/paraglide/runtime.js';

// Messages live in messages/{locale}.json; Paraglide compiles them into src/lib/paraglide (see README.md here).
// Adding a language: list it in project.inlang/settings.json, write messages/<locale>.json, name it below.
export { locales };
export type Locale = (typeof locales)[number];
export const localeNames: Record<Locale, string> = { en: 'English', sv: 'Svenska' };

type Messages = typeof m;
export type MessageKey = keyof Messages;
/** The parameters a message takes, as Paraglide typed them from its {placeholders} and plural inputs. */
export type MessageParams<K extends MessageKey> = NonNullable<Parameters<Messages[K]>[0]>;
/** A message without parameters may still be given some (they are ignored); one with parameters must get them. */
type ParamsArg<K extends MessageKey> = [keyof MessageParams<K>] extends [never] ? [params?: Record<string, string | number>] : [params: MessageParams<K>];

/** A message key must be given its parameters: `t('home.title', { name })`; plurals take their count, `t('actions.count', { n })`. */
export type Translate = <K extends MessageKey>(key: K, ...params: ParamsArg<K>) => string;
type MessageFunction = (inputs: Record<string, unknown>, options: { locale: Locale }) => string;

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * Returns a translate function for one locale. The locale is passed to every message call, never set globally,
 * so requests in different languages that are served at the same time cannot mix.
 */
export function translator(locale: Locale): Translate {
	const options = { locale: isLocale(locale) ? locale : 'en' };
	return ((key: MessageKey, params?: Record<string, unknown>) => {
		const message = m[key] as MessageFunction | undefined;
		return message ? message(params ?? {}, options) : key;
	}) as Translate;
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
