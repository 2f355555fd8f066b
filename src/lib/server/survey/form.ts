import { cleanQuestionAnswer, type QuestionAnswer } from './answers';
import type { SurveyContext } from './participant';
import type { AnswersPatch } from './save';

/** Form field names: `a_<statement key>` for statements, `q_<question key>` for company questions. */
export const STATEMENT_FIELD = 'a_';
export const QUESTION_FIELD = 'q_';

export interface FormPatch {
	patch: AnswersPatch;
	/** Company questions whose answer could not be kept, by key: the message and what was typed. */
	errors: Record<string, string>;
	values: Record<string, string | string[]>;
}

/**
 * Reads a survey page's form post (no JavaScript). Statements left unchosen are left as they were.
 * Company questions are read only from the questions page, where every question is on the form: an
 * empty field or no ticked box clears the answer. A question whose answer is not valid is reported
 * and left as it was; the rest is kept. Statement keys and values are checked by saveDraft.
 */
export function patchFromForm(ctx: SurveyContext, form: FormData, page: string): FormPatch {
	const answers: Record<string, number | null> = {};
	for (const [name, value] of form.entries()) {
		if (!name.startsWith(STATEMENT_FIELD) || typeof value !== 'string') continue;
		// -1 is "not used in our team"; anything that is not a small whole number is refused by saveDraft.
		answers[name.slice(STATEMENT_FIELD.length)] = /^-?\d$/.test(value) ? Number(value) : Number.NaN;
	}
	const questions: Record<string, QuestionAnswer> = {};
	const errors: Record<string, string> = {};
	const values: Record<string, string | string[]> = {};
	if (page === 'questions') {
		for (const q of ctx.questions) {
			const name = QUESTION_FIELD + q.key;
			const raw = form.getAll(name).filter((v): v is string => typeof v === 'string');
			if ((q.type === 'scale' || q.type === 'single') && raw.length === 0) continue; // nothing chosen
			let input: unknown;
			if (q.type === 'multi') input = raw.length ? raw.map((v) => (/^\d{1,3}$/.test(v) ? Number(v) : -1)) : null;
			else if (q.type === 'scale' || q.type === 'single') input = /^\d{1,3}$/.test(raw[0]) ? Number(raw[0]) : -1;
			else input = (raw[0] ?? '').trim();
			const clean = cleanQuestionAnswer(q, input);
			if ('error' in clean) {
				errors[q.key] = clean.error;
				values[q.key] = q.type === 'multi' ? raw : (raw[0] ?? '');
			} else questions[q.key] = clean.value;
		}
	}
	return { patch: { answers, questions }, errors, values };
}
