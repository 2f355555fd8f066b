import type { Locale } from '$lib/i18n';
import type { CompiledModel } from '$lib/server/models/registry';

/** A model's texts in one language, falling back to English, then to the key. */
export function modelText(model: CompiledModel, locale: Locale) {
	const tr = model.translations[locale] ?? model.translations.en ?? Object.values(model.translations)[0];
	const fallback = model.translations.en ?? tr;
	const area = (key: string) => {
		const a = tr.areas[key] ?? fallback.areas[key];
		return { name: a?.name ?? key, description: a?.description ?? '', advice: { summary: a?.advice.summary ?? '', actions: a?.advice.actions ?? [] } };
	};
	const statement = (areaKey: string, key: string) => {
		const s = tr.areas[areaKey]?.statements[key] ?? fallback.areas[areaKey]?.statements[key];
		return { text: s?.text ?? key, advice: s?.advice };
	};
	return { area, statement };
}
