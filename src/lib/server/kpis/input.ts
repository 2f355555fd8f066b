import { z } from 'zod';
import { isDecimal } from '$lib/kpis/rational';

/** A figure as a decimal string or a number: exact, at most 15 digits before the point and 6 after. */
const figure = z
	.union([z.string(), z.number()])
	.transform((v) => String(v).trim())
	.refine((s) => isDecimal(s) && /^-?\d{1,15}(\.\d{1,6})?$/.test(s), 'Write a number like 1200 or 12.5 (at most 15 digits, 6 decimals)')
	.nullable();

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** One plan and/or actual of a KPI for a unit or a person (by email) and a calendar month. */
export const kpiValueInput = z
	.strictObject({
		kpi: z.string().min(1).max(40).describe('The KPI key, e.g. order_intake.'),
		unit: z.string().max(64).optional().describe('A unit id: the unit’s own figure (not its sub-units’).'),
		person: z.string().max(254).optional().describe('A person’s email: their own figure.'),
		month: z.string().regex(MONTH, 'A month like 2026-03').describe('The calendar month, YYYY-MM, in the organization’s time zone.'),
		plan: figure.optional().describe('Omitted: left as it is; null: cleared.'),
		actual: figure.optional().describe('Omitted: left as it is; null: cleared.')
	})
	.refine((v) => (v.unit === undefined) !== (v.person === undefined), 'Name either a unit or a person')
	.refine((v) => v.plan !== undefined || v.actual !== undefined, 'Give a plan, an actual or both');

export const MAX_VALUES = 100_000;

export const kpiValuesInput = z.strictObject({
	values: z
		.array(kpiValueInput)
		.min(1, 'Give at least one value')
		.max(MAX_VALUES, `At most ${MAX_VALUES.toLocaleString('en')} values at a time`)
});

export type KpiValueInput = z.output<typeof kpiValueInput>;

export const kpiValueQuery = z.strictObject({ month: z.string().regex(MONTH, 'month: a month like 2026-03'), kpi: z.string().max(40).optional() });

export const kpiChangeQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100) });
