import type { StandardQuestion, QuestionType } from '$lib/server/models/schema';
import type { OrgQuestion } from './store';

type Texts = StandardQuestion['en'];

function texts(t: Texts) {
	return { text: t.text, options: t.options ?? null, scaleLabels: t.scaleLabels ?? null, unit: t.unit ?? null };
}

/** What every question, standard or own, says about itself. */
function definitionFields(d: Omit<StandardQuestion, 'key'>) {
	return { type: d.type, en: texts(d.en), sv: texts(d.sv), min: d.min ?? null, max: d.max ?? null };
}

/** The API shape of an organization's own question. */
export function presentQuestion(q: OrgQuestion) {
	const d = q.definition;
	return {
		id: q.id,
		source: 'organization' as const,
		ref: { source: 'organization' as const, id: q.id },
		...definitionFields(d),
		createdAt: q.createdAt.toISOString(),
		archivedAt: q.archivedAt?.toISOString() ?? null
	};
}

/** The API shape of a question of the operator's standard library. */
export function presentStandardQuestion(q: StandardQuestion) {
	return {
		key: q.key,
		source: 'standard' as const,
		ref: { source: 'standard' as const, key: q.key },
		...definitionFields(q)
	};
}

/** What a page shows of a question in one language: its text and a short line about its answers. */
export interface QuestionSummary {
	type: QuestionType;
	text: string;
	options: string[];
	low: string | null;
	high: string | null;
	min: number | null;
	max: number | null;
	unit: string | null;
}

export function summarize(d: StandardQuestion, locale: 'en' | 'sv'): QuestionSummary {
	const t = d[locale] ?? d.en;
	return {
		type: d.type,
		text: t.text,
		options: t.options ?? [],
		low: t.scaleLabels?.['1'] ?? null,
		high: t.scaleLabels?.['5'] ?? null,
		min: d.min ?? null,
		max: d.max ?? null,
		unit: t.unit ?? null
	};
}
