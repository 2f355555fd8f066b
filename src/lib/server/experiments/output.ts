import { z } from 'zod';
import { EXPERIMENT_STATUSES } from '$lib/experiments';
import { day, id, named, timestamp } from '$lib/server/http/output-fields';

/** An experiment as the API answers it (queries.ts ExperimentView). */
export const experimentOutput = z.strictObject({
	id,
	unit: named.describe('A unit, or id `organization` for the organization as a whole.'),
	round: z.strictObject({ id, name: z.string(), model: z.string() }).describe('The audit round the experiment came from.'),
	pairKey: z.string().nullable().describe('The model’s alignment pair it addresses.'),
	statementKey: z.string().nullable(),
	hypothesis: z.string(),
	lever: z.string().describe('The one thing changed.'),
	metric: z.discriminatedUnion('kind', [
		z.strictObject({ kind: z.literal('area'), area: z.string(), name: z.string() }),
		z.strictObject({ kind: z.literal('kpi'), kpiId: id, name: z.string() })
	]),
	startsOn: day,
	endsOn: day.describe('42–56 days after startsOn.'),
	owner: named.nullable(),
	status: z.enum(EXPERIMENT_STATUSES),
	result: z.string(),
	createdBy: z.string(),
	createdAt: timestamp,
	updatedAt: timestamp
});
export const experimentListOutput = z.strictObject({ experiments: z.array(experimentOutput) });
