import { z } from 'zod';
import { id, timestamp } from '$lib/server/http/output-fields';

const texts = z.strictObject({
	text: z.string(),
	options: z.array(z.string()).nullable().describe('Single and multiple choice: the options, in order.'),
	scaleLabels: z.record(z.string(), z.string()).nullable().describe('Scale questions: labels of some points of the 1–5 scale (at least 1 and 5).'),
	unit: z.string().nullable().describe('Number questions: the unit shown after the field, e.g. %.')
});
const definition = {
	type: z.enum(['scale', 'single', 'multi', 'text', 'number']),
	en: texts,
	sv: texts,
	min: z.number().nullable(),
	max: z.number().nullable()
};
const refNote = 'Put this in a round’s `questions` to include the question.';

/** An organization's own question as the API answers it (see present.ts). */
export const questionOutput = z.strictObject({
	id,
	source: z.literal('organization'),
	ref: z.strictObject({ source: z.literal('organization'), id }).describe(refNote),
	...definition,
	createdAt: timestamp,
	archivedAt: timestamp.nullable()
});

/** A question of the standard library. */
export const standardQuestionOutput = z.strictObject({
	key: z.string(),
	source: z.literal('standard'),
	ref: z.strictObject({ source: z.literal('standard'), key: z.string() }).describe(refNote),
	...definition
});

export const questionListOutput = z.strictObject({ questions: z.array(questionOutput), standard: z.array(standardQuestionOutput) });
