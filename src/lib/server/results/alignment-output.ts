import { z } from 'zod';
import { id } from '$lib/server/http/output-fields';
import { experimentOutput } from '$lib/server/experiments/output';

/** A figure is null wherever the round's anonymity pattern hides it. */
const num = z.number().nullable();
const part = z.strictObject({ key: z.string(), name: z.string(), score: num });

/** Where a unit's parts of the model disagree (results/alignment.ts UnitAlignment); `alignment` is null for a model without alignment pairs. */
export const alignmentOutput = z.strictObject({
	alignment: z
		.strictObject({
			round: z.strictObject({ id, name: z.string(), model: z.string() }),
			unit: z.strictObject({ id: z.string(), name: z.string() }),
			threshold: z.number().describe('A pair is flagged when its two shown scores differ by at least this much.'),
			areas: z.array(part),
			matrix: z
				.array(z.array(z.strictObject({ difference: num, beyond: z.boolean(), pair: z.string().nullable() })))
				.describe('Areas × areas in model order: the row area’s shown score minus the column area’s.'),
			pairs: z.array(
				z.strictObject({
					key: z.string(),
					kind: z.enum(['areas', 'statements']),
					items: z.array(part),
					difference: num,
					flagged: z.boolean(),
					symptom: z.string(),
					behaviours: z.array(z.string())
				})
			),
			groupGaps: z.array(
				z.strictObject({
					statement: z.strictObject({ key: z.string(), area: z.string(), text: z.string() }),
					groups: z.array(z.strictObject({ key: z.string(), name: z.string(), score: z.number() })),
					difference: z.number()
				})
			),
			groupGapCount: z.number().int()
		})
		.nullable(),
	followUp: z
		.array(experimentOutput.extend({ then: num, now: num, change: num }))
		.describe('Experiments the unit started from earlier rounds of this model, with the watched area’s score then and now.')
});
