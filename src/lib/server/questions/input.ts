import { z } from 'zod';
import { NO_CONTROL, noControl } from '$lib/server/validation';
import { ValidationError } from '$lib/server/errors';
import { QUESTION_TYPES, standardQuestionSchema, type StandardQuestion } from '$lib/server/models/schema';

/**
 * An organization's own company-specific question, as an admin writes it: English is required, Swedish
 * may be left out (or partly out) and then falls back to the English text. It is stored in the shape of
 * the operator's standard library (`standardQuestionSchema`), so a round snapshots it as it is.
 */
const line = (max: number) => z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`).regex(NO_CONTROL, noControl);

const scaleLabels = z.strictObject({
	'1': line(80),
	'2': line(80).optional(),
	'3': line(80).optional(),
	'4': line(80).optional(),
	'5': line(80)
});

const english = z.strictObject({
	text: line(300),
	options: z.array(line(150)).min(2, 'At least two options').max(30, 'At most 30 options').optional(),
	scaleLabels: scaleLabels.optional(),
	unit: line(20).optional()
});

const swedish = z.strictObject({
	text: line(300).optional(),
	options: z.array(line(150)).min(2, 'At least two options').max(30, 'At most 30 options').optional(),
	scaleLabels: scaleLabels.optional(),
	unit: line(20).optional()
});

const bound = z.number({ message: 'Must be a number' }).min(-1_000_000_000, 'At least -1000000000').max(1_000_000_000, 'At most 1000000000');

export const questionInput = z.strictObject({
	type: z.enum(QUESTION_TYPES, { message: `Must be one of ${QUESTION_TYPES.join(', ')}` }),
	en: english,
	sv: swedish.optional(),
	min: bound.optional(),
	max: bound.optional()
});
export type QuestionInput = z.infer<typeof questionInput>;

/** The stored definition: both languages complete (Swedish filled from English where left out), checked as a library question is. */
export function toDefinition(input: QuestionInput, key: string): StandardQuestion {
	const sv = input.sv ?? {};
	const candidate = {
		key,
		type: input.type,
		en: input.en,
		sv: {
			text: sv.text ?? input.en.text,
			...((sv.options ?? input.en.options) ? { options: sv.options ?? input.en.options } : {}),
			...((sv.scaleLabels ?? input.en.scaleLabels) ? { scaleLabels: sv.scaleLabels ?? input.en.scaleLabels } : {}),
			...((sv.unit ?? input.en.unit) ? { unit: sv.unit ?? input.en.unit } : {})
		},
		...(input.min !== undefined ? { min: input.min } : {}),
		...(input.max !== undefined ? { max: input.max } : {})
	};
	const result = standardQuestionSchema.safeParse(candidate);
	if (result.success) return result.data;
	const details = result.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
	throw new ValidationError(details.map((d) => `${d.path}: ${d.message}`).join('; '), details);
}
