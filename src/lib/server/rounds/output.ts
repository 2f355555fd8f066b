import { z } from 'zod';
import { id, int, timestamp } from '$lib/server/http/output-fields';

const status = z.enum(['draft', 'scheduled', 'open', 'closed', 'published']);
const questionType = z.enum(['scale', 'single', 'multi', 'text', 'number']);
/** A question's texts in one language as the round froze them (fields the question does not use are left out). */
const frozenTexts = z.strictObject({
	text: z.string(),
	options: z.array(z.string()).nullish().describe('Single and multiple choice: the options, in order.'),
	scaleLabels: z.record(z.string(), z.string()).nullish().describe('Scale questions: labels of some points of the 1–5 scale (at least 1 and 5).'),
	unit: z.string().nullish().describe('Number questions: the unit shown after the field, e.g. %.')
});

/** A survey round as the API answers it (see routes/api/v1/rounds/present.ts). */
export const roundOutput = z.strictObject({
	id,
	name: z.string(),
	status,
	model: z.strictObject({ id: z.string(), version: z.string() }),
	startsAt: timestamp,
	endsAt: timestamp,
	publishAt: timestamp,
	reminders: z.array(timestamp).describe('When reminders go (went) out to those who have not answered.'),
	remindersSent: int.describe('How many of the reminders have gone out.'),
	minGroupSize: int.describe('k: no figure rests on fewer than k people.'),
	participants: z
		.union([
			z.strictObject({ mode: z.literal('all') }),
			z.strictObject({ mode: z.literal('units'), unitIds: z.array(id) }),
			z.strictObject({ mode: z.literal('users'), userIds: z.array(id) })
		])
		.describe('{"mode":"all"}, {"mode":"units","unitIds":[…]} or {"mode":"users","userIds":[…]}'),
	questions: z
		.array(z.strictObject({ key: z.string(), type: questionType, en: frozenTexts, sv: frozenTexts, min: z.number().nullable(), max: z.number().nullable() }))
		.describe('The company-specific questions as frozen into the round.'),
	invited: int,
	completed: int.nullable().describe('null while fewer than minGroupSize are invited.'),
	responseRate: z.number().nullable().describe('completed ÷ invited (0–1); null while fewer than minGroupSize are invited.'),
	actions: z.array(z.enum(['launch', 'close', 'extend', 'remind'])).describe('What the round’s status allows now.'),
	repeatMonths: z
		.union([z.literal(3), z.literal(6), z.literal(12), z.null()])
		.describe(
			'How often the round repeats (months); null when it does not. When a repeating round opens, its successor is created as a scheduled round with the same settings and every date moved on by the interval.'
		),
	repeatsFrom: id.nullable().describe('The round this one was created from by its repeat.'),
	nextRoundId: id.nullable().describe('The round created from this one by its repeat, once it exists.'),
	createdBy: z.string().describe('`system` for a round created by a repeat.'),
	createdAt: timestamp
});
export const roundListOutput = z.strictObject({ rounds: z.array(roundOutput) });

/** Something the caller should know about a round it just created or launched; the action itself went through. */
export const roundWarningOutput = z
	.strictObject({
		code: z.enum(['overlaps_open_round']).describe('Stable; ignore codes you do not know (more may come).'),
		message: z.string(),
		roundId: id.describe('The open round this one overlaps.'),
		roundName: z.string(),
		endsAt: timestamp.describe('When the open round ends.'),
		people: int.describe('How many people are invited to both rounds: a count of invitations, which says nothing about who answered.')
	})
	.describe(
		'`overlaps_open_round`: some of the people this round invites are invited to a round that is still open when this one starts; they get two surveys at the same time, which tends to lower response rates.'
	);
/** A round just created or launched, with what the caller should know about it. */
export const roundWithWarningsOutput = roundOutput.extend({
	warnings: z.array(roundWarningOutput).describe('Empty when there is nothing to say. A draft gets none: launching it warns then.')
});

export const responseRatesOutput = z
	.strictObject({
		roundId: id,
		status,
		minGroupSize: int,
		total: z.strictObject({ invited: int, completed: int.nullable(), rate: z.number().nullable(), hidden: z.boolean() }),
		units: z
			.array(
				z.strictObject({
					unitId: id,
					name: z.string(),
					depth: int,
					invited: int.nullable(),
					completed: int.nullable(),
					rate: z.number().nullable(),
					hidden: z.boolean(),
					hiddenReason: z.enum(['fewer_than_k', 'protects_smaller_group']).nullable()
				})
			)
			.describe('In tree order (depth-first, siblings by name).')
	})
	.describe(
		'Live response rates per unit, each unit covering its whole subtree. A unit with fewer than minGroupSize invited — or whose figures would let such a group be worked out from the others — is hidden: its figures are null. Units nobody in the round belongs to are left out.'
	);
