import type { Locale } from '$lib/i18n';
import type { CompiledModel } from '$lib/server/models/registry';
import { fullAdviceSchema, type FullAdvice, type ModelTranslation } from '$lib/server/models/schema';

type TranslatedAdvice = ModelTranslation['areas'][string]['advice'];

/** The area's full advice when its translation carries every part of it (model 1.1 on), else null (1.0: summary and actions only). */
function fullAdvice(advice: TranslatedAdvice | undefined): FullAdvice | null {
	if (!advice || !Object.keys(fullAdviceSchema.shape).every((k) => advice[k as keyof FullAdvice] !== undefined)) return null;
	const { levels, gap, plan, agenda, kpi, pitfalls } = advice as TranslatedAdvice & FullAdvice;
	return { levels, gap, plan, agenda, kpi, pitfalls };
}

/** A model's texts in one language, falling back to English, then to the key. */
export function modelText(model: CompiledModel, locale: Locale) {
	const tr = model.translations[locale] ?? model.translations.en ?? Object.values(model.translations)[0];
	const fallback = model.translations.en ?? tr;
	const area = (key: string) => {
		const a = tr.areas[key] ?? fallback.areas[key];
		return {
			name: a?.name ?? key,
			description: a?.description ?? '',
			advice: { summary: a?.advice.summary ?? '', actions: a?.advice.actions ?? [], levels: a?.advice.levels ?? null, full: fullAdvice(a?.advice) }
		};
	};
	const statement = (areaKey: string, key: string) => {
		const s = tr.areas[areaKey]?.statements[key] ?? fallback.areas[areaKey]?.statements[key];
		return { text: s?.text ?? key, advice: s?.advice };
	};
	/** A respondent group's names: one person, and the group. */
	const group = (key: string) => tr.groups[key] ?? fallback.groups[key] ?? { one: key, other: key };
	return { area, statement, group };
}
