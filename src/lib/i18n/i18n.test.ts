import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLocale, locales, negotiateLocale, translator, type MessageKey } from '$lib/i18n';

type Variant = { declarations: string[]; selectors: string[]; match: Record<string, string> };
type Message = string | Variant[];
const read = (locale: string): Record<string, Message> => {
	const { $schema: _, ...messages } = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8'));
	return messages;
};
const files = Object.fromEntries(locales.map((l) => [l, read(l)]));
const texts = (m: Message): string[] => (typeof m === 'string' ? [m] : m.flatMap((v) => Object.values(v.match)));
const placeholders = (m: Message) => [...new Set(texts(m).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1])))].sort();

describe('messages', () => {
	it('every key exists in every language, with text, and with the same placeholders as in English', () => {
		const keys = Object.keys(files.en).sort();
		expect(keys.length).toBeGreaterThan(800);
		for (const locale of locales) {
			expect(Object.keys(files[locale]).sort(), locale).toEqual(keys);
			for (const key of keys) {
				const message = files[locale][key];
				for (const text of texts(message)) expect(text.trim(), `${locale} ${key}`).not.toBe('');
				expect(placeholders(message), `${locale} ${key}`).toEqual(placeholders(files.en[key]));
			}
		}
	});

	it('every compiled message renders in every language without a placeholder left over', () => {
		for (const locale of locales) {
			const t = translator(locale);
			for (const key of Object.keys(files.en) as MessageKey[]) {
				const params = Object.fromEntries(placeholders(files.en[key]).map((p) => [p, 7]));
				const text = t(key, params);
				expect(text, `${locale} ${key}`).not.toMatch(/\{\w+\}|undefined/);
				if (typeof files[locale][key] === 'string') expect(text).toBe((files[locale][key] as string).replace(/\{(\w+)\}/g, '7'));
			}
		}
	});
});

describe('translator', () => {
	const en = translator('en');
	const sv = translator('sv');

	it('fills typed parameters', () => {
		expect(en('home.title', { name: 'Ada' })).toBe('Welcome, Ada');
		expect(sv('common.showing', { from: 1, to: 20, total: 45 })).toBe('Visar 1–20 av 45');
	});

	it('chooses the singular or the plural form from the count', () => {
		expect(en('rounds.peopleCount', { n: 1 })).toBe('1 person');
		expect(en('rounds.peopleCount', { n: 0 })).toBe('0 people');
		expect(en('rounds.peopleCount', { n: 2 })).toBe('2 people');
		expect(sv('rounds.questionsChosen', { n: 1 })).toBe('1 fråga vald.');
		expect(sv('rounds.questionsChosen', { n: 12 })).toBe('12 frågor valda.');
		expect(en('actions.count', { n: 1 })).toBe('One action');
		expect(sv('home.myActions', { n: 1 })).toBe('Du äger en öppen åtgärd');
		expect(sv('home.myActions', { n: 3 })).toBe('Du äger 3 öppna åtgärder');
		expect(en('survey.review.unanswered', { count: 1 })).toMatch(/^You have left 1 statement unanswered\./);
		expect(en('survey.review.unanswered', { count: 4 })).toMatch(/^You have left 4 statements unanswered\./);
	});

	it('keeps each translator to its own language, however calls interleave', async () => {
		const results = await Promise.all(
			Array.from({ length: 20 }, async (_, i) => {
				const t = i % 2 ? sv : en;
				await new Promise((r) => setTimeout(r, (i * 7) % 5));
				return t('common.save');
			})
		);
		results.forEach((text, i) => expect(text).toBe(i % 2 ? 'Spara' : 'Save'));
	});

	it('shows an unknown key as itself, and an unknown locale in English', () => {
		expect(en('no.such.key' as MessageKey)).toBe('no.such.key');
		expect(translator('de' as 'en')('common.save')).toBe('Save');
	});
});

describe('locales', () => {
	it('negotiates from Accept-Language', () => {
		expect(negotiateLocale('sv-SE,sv;q=0.9,en;q=0.8')).toBe('sv');
		expect(negotiateLocale('de-DE,en;q=0.5')).toBe('en');
		expect(negotiateLocale('de')).toBe('en');
		expect(negotiateLocale(null)).toBe('en');
		expect(isLocale('sv')).toBe(true);
		expect(isLocale('de')).toBe(false);
	});
});
