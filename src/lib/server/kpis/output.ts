import { z } from 'zod';
import { int, timestamp } from '$lib/server/http/output-fields';
import { DIRECTIONS, KPI_UNITS, rollup } from '$lib/kpis/definition';
import { ALARM_STATUSES } from '$lib/kpis/alarm';

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
	alarm: z.strictObject({ month: thresholds, ytd: thresholds, runRate: z.boolean() }),
	owner: z
		.string()
		.nullable()
		.describe('The email of who owns the KPI (a viewer or an admin): they get one email with its new alarms when a month’s actuals are in. Null: no owner.')
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

const exact = z
	.string()
	.nullable()
	.describe('A decimal number as a string: exact where it has a finite decimal expansion, else rounded to 6 decimals. Null: no figure.');
const status = z.enum(ALARM_STATUSES).describe('ok: on plan; amber: behind plan by at least the amber threshold; red: by at least the red one; no_data.');
const check = z
	.strictObject({
		status,
		plan: exact.describe('The plan compared with: the month’s, the year to date’s, or the annual plan (run rate).'),
		actual: exact.describe('The actual compared: the month’s, the year to date’s, or the forecast at the pace so far (run rate).'),
		deviationPct: exact.describe('(actual − plan) ÷ |plan| × 100; null without data or with a plan of 0.'),
		missing: z.enum(['plan', 'actual']).nullable().describe('What is missing when the status is no_data.')
	})
	.nullable()
	.describe('Null when the KPI has no such alarm.');
const cell = z.strictObject({
	kpi: z.string(),
	plan: exact.describe('The month’s plan.'),
	actual: exact.describe('The month’s actual.'),
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
