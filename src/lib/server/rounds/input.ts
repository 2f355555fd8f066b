import { z } from 'zod';
import { fields } from '$lib/server/validation';
import { MODEL_ID } from '$lib/server/models/schema';

/**
 * An instant as an ISO 8601 date-time with its offset (e.g. 2026-05-04T09:00:00Z). Not a loose
 * `new Date(…)` coercion, which would read null as 1970 and "12" as December 2001.
 */
const DATE_MESSAGE = 'Not a valid date: use an ISO 8601 date and time with a time zone, e.g. 2026-05-04T09:00:00Z';
const date = z.iso.datetime({ offset: true, message: DATE_MESSAGE }).transform((s) => new Date(s));

export const participantsInput = z.discriminatedUnion('mode', [
	z.strictObject({ mode: z.literal('all') }),
	z.strictObject({ mode: z.literal('units'), unitIds: z.array(fields.uuid).min(1, 'Pick at least one unit').max(1000) }),
	z.strictObject({ mode: z.literal('users'), userIds: z.array(fields.uuid).min(1, 'Pick at least one person').max(100_000) })
]);

export const questionRef = z.discriminatedUnion('source', [
	z.strictObject({ source: z.literal('standard'), key: z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, 'Unknown question') }),
	z.strictObject({ source: z.literal('organization'), id: fields.uuid })
]);

/** How often a round repeats: every 3, 6 or 12 months, or null for not at all. */
export const repeatMonthsField = z.union([z.literal(3), z.literal(6), z.literal(12)], { message: 'Must be 3, 6, 12 or null (does not repeat)' }).nullable();

/** A new round. Dates default to: start now, end two weeks later, publish at the end, three reminders. */
export const roundInput = z.strictObject({
	name: fields.name,
	/** A model version (shipped or published); or `modelId` for its newest version; neither: the operator's default model. */
	model: z.strictObject({ id: z.string().max(40), version: z.string().max(20) }).optional(),
	modelId: z.string().regex(MODEL_ID, 'Must be a model id such as sos').optional(),
	participants: participantsInput.default({ mode: 'all' }),
	questions: z.array(questionRef).max(30, 'At most 30 questions').default([]),
	startsAt: date.optional(),
	endsAt: date.optional(),
	publishAt: date.optional(),
	reminders: z.array(date).max(10, 'At most 10 reminders').optional(),
	minGroupSize: z.number().int().min(3, 'At least 3').max(10, 'At most 10').default(5),
	launch: z.boolean().default(true),
	repeatMonths: repeatMonthsField.default(null)
});
export type RoundInput = z.infer<typeof roundInput>;

export const extendInput = z.strictObject({ endsAt: date, publishAt: date.optional() });

export const repeatInput = z.strictObject({ repeatMonths: repeatMonthsField });
