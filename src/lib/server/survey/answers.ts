import type { RoundQuestion } from '$lib/server/rounds/questions';

export type QuestionAnswer = number | number[] | string | null;

/** Checks one company-question answer against its definition; returns the cleaned value or an error. */
export function cleanQuestionAnswer(q: RoundQuestion, value: unknown): { value: QuestionAnswer } | { error: string } {
	if (value === null || value === undefined || value === '') return { value: null };
	const options = q.en.options?.length ?? 0;
	switch (q.type) {
		case 'scale':
			return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5 ? { value: value as number } : { error: 'must be 1–5' };
		case 'single':
			return Number.isInteger(value) && (value as number) >= 0 && (value as number) < options
				? { value: value as number }
				: { error: 'is not one of the options' };
		case 'multi': {
			if (!Array.isArray(value) || value.length > options) return { error: 'must be a list of options' };
			const set = [...new Set(value)].sort((a, b) => a - b);
			return set.every((v) => Number.isInteger(v) && v >= 0 && v < options) ? { value: set } : { error: 'is not one of the options' };
		}
		case 'number': {
			const n = typeof value === 'string' ? Number(value.replace(',', '.')) : value;
			if (typeof n !== 'number' || !Number.isFinite(n)) return { error: 'must be a number' };
			if ((q.min !== undefined && n < q.min) || (q.max !== undefined && n > q.max)) return { error: `must be between ${q.min} and ${q.max}` };
			return { value: n };
		}
		case 'text': {
			if (typeof value !== 'string') return { error: 'must be text' };
			const text = value.replace(/\u0000/g, '').trim();
			return text.length > 2000 ? { error: 'is longer than 2000 characters' } : { value: text || null };
		}
	}
}
