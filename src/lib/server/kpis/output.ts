import { z } from 'zod';
import { ALARM_STATUSES } from '$lib/kpis/alarm';
import { DIRECTIONS, KPI_UNITS } from '$lib/kpis/definition';

const decimal = z
	.string()
	.nullable()
	.describe('A decimal number as a string: exact where it has a finite decimal expansion, else rounded to 6 decimals. Null: no figure.');
const status = z.enum(ALARM_STATUSES).describe('ok: on plan; amber: behind plan by at least the amber threshold; red: by at least the red one; no_data.');
const check = z
	.strictObject({
		status,
		plan: decimal.describe('The plan compared with: the month’s, the year to date’s, or the annual plan (run rate).'),
		actual: decimal.describe('The actual compared: the month’s, the year to date’s, or the forecast at the pace so far (run rate).'),
		deviationPct: decimal.describe('(actual − plan) ÷ |plan| × 100; null without data or with a plan of 0.'),
		missing: z.enum(['plan', 'actual']).nullable().describe('What is missing when the status is no_data.')
	})
	.nullable()
	.describe('Null when the KPI has no such alarm.');
const cell = z.strictObject({
	kpi: z.string(),
	plan: decimal.describe('The month’s plan.'),
	actual: decimal.describe('The month’s actual.'),
	month: check,
	ytd: check,
	runRate: check,
	worst: status.describe('red, else amber, else no_data, else ok.')
});
const row = z.strictObject({
	kind: z
		.enum(['total', 'unit', 'own', 'person'])
		.describe('total: the chosen unit (or the organization); unit: a child unit with its subtree; own: the unit’s own figures; person: a person in the unit.'),
	id: z.string().nullable().describe('The unit’s or person’s id; null for the organization’s total.'),
	name: z.string(),
	drill: z.boolean().describe('Whether the caller may open this unit’s board (?unit=<id>).'),
	cells: z.array(cell).describe('One per KPI, in the order of `kpis`.')
});

export const kpiBoardOutput = z.strictObject({
	month: z.string().describe('YYYY-MM: the calendar month in the organization’s time zone.'),
	zone: z.string().describe('The organization’s time zone.'),
	unit: z.strictObject({ id: z.string(), name: z.string() }).nullable().describe('The chosen unit; null at the organization’s top.'),
	path: z.array(z.strictObject({ id: z.string().nullable(), name: z.string() })).describe('The units above, from where the caller starts (null id: the top).'),
	kpis: z.array(
		z.strictObject({
			key: z.string(),
			names: z.strictObject({ en: z.string(), sv: z.string() }),
			unit: z.enum(KPI_UNITS),
			direction: z.enum(DIRECTIONS),
			alarm: z.boolean().describe('False for a figure without thresholds (a part of another KPI).')
		})
	),
	total: row,
	rows: z.array(row)
});
