import { z } from 'zod';
import { int, timestamp } from '$lib/server/http/output-fields';
import { DIRECTIONS, KPI_UNITS, rollup } from '$lib/kpis/definition';

/** An exact decimal as a string (never a binary float), or null where none was entered. */
const decimal = z
	.string()
	.regex(/^-?\d+(\.\d+)?$/)
	.nullable();
const month = z
	.string()
	.regex(/^\d{4}-\d{2}$/)
	.describe('YYYY-MM');

const thresholds = z
	.strictObject({ amberPct: z.string(), redPct: z.string() })
	.nullable()
	.describe('How many % worse than plan turns a figure amber, and red.');

/** A KPI's definition as stored (lib/kpis/definition.ts). */
const definition = z.strictObject({
	key: z.string(),
	names: z.strictObject({ en: z.string(), sv: z.string() }),
	unit: z.enum(KPI_UNITS),
	direction: z.enum(DIRECTIONS),
	rollup,
	period: z.literal('month'),
	alarm: z.strictObject({ month: thresholds, ytd: thresholds, runRate: z.boolean() })
});

export const kpiListOutput = z.strictObject({ kpis: z.array(z.strictObject({ id: z.guid(), definition })) });

export const kpiValuesWrittenOutput = z
	.strictObject({
		created: int,
		updated: int,
		unchanged: int,
		corrections: int.describe('Values already entered that this write changed (kept as corrections).')
	})
	.describe('What the write did. Sending the same values again gives only unchanged ones.');

const owner = { unitId: z.guid().nullable(), person: z.string().nullable().describe('The person’s email, for a person’s own figure.') };

export const kpiValueListOutput = z.strictObject({
	values: z.array(z.strictObject({ kpi: z.string(), ...owner, month, plan: decimal, actual: decimal, updatedBy: z.string(), updatedAt: timestamp }))
});

export const kpiChangeListOutput = z.strictObject({
	changes: z.array(
		z.strictObject({
			kpi: z.string(),
			...owner,
			month,
			field: z.enum(['plan', 'actual']),
			before: decimal,
			after: decimal,
			source: z.enum(['import', 'api', 'manual']),
			changedBy: z.string(),
			changedAt: timestamp
		})
	)
});
