import { z } from 'zod';
import { day, id, named, timestamp } from '$lib/server/http/output-fields';
import { CORRECTIONS } from '$lib/kpis/corrections';

/** The API's answers for alarms, monthly reviews, corrections and the executives' agenda. */
const month = z
	.string()
	.regex(/^\d{4}-\d{2}$/)
	.describe('YYYY-MM');
const exact = z.string().nullable().describe('A decimal number as a string (exact, or rounded to 6 decimals); null: no figure.');
const unit = named.describe('The unit; id `organization` and the organization’s name for the organization’s top.');

export const kpiAlarmListOutput = z.strictObject({
	month,
	zone: z.string().describe('The organization’s time zone.'),
	unit: named.nullable().describe('The chosen unit; null at the organization’s top.'),
	alarms: z.array(
		z.strictObject({
			kpi: z.string(),
			row: z
				.strictObject({ kind: z.enum(['total', 'unit', 'own', 'person']), id: z.string().nullable(), name: z.string() })
				.describe('The board row: the chosen unit’s total, a child unit with its subtree, the unit’s own figures, or a person.'),
			measure: z.enum(['month', 'ytd', 'runRate']).describe('month: the month against its plan; ytd: year to date; runRate: the year at this pace.'),
			level: z.enum(['red', 'amber']),
			plan: exact,
			actual: exact.describe('For runRate: the forecast for the year at the pace so far.'),
			deviationPct: exact.describe('(actual − plan) ÷ |plan| × 100.')
		})
	)
});

const reviewFields = {
	id,
	unit,
	month: month.describe('The month under review.'),
	status: z.enum(['open', 'closed']),
	minutes: z.string().describe('The minutes, written when the review is closed.'),
	correctionCount: z.int().describe('How many corrections were recorded at the review.'),
	createdBy: z.string(),
	createdAt: timestamp,
	closedAt: timestamp.nullable(),
	closedBy: z.string().nullable()
};
export const kpiReviewListOutput = z.strictObject({ reviews: z.array(z.strictObject(reviewFields)) });

export const kpiCorrectionOutput = z.strictObject({
	id,
	reviewId: id.nullable(),
	unit,
	kpi: z.string(),
	alarmMonth: month.describe('The month whose alarm the correction answers.'),
	correction: z.enum(CORRECTIONS),
	title: z.string(),
	owner: named.nullable(),
	expectedEffect: z.string(),
	checkOn: day.nullable(),
	due: z.boolean().describe('Whether the check date has come (today in the organization’s time zone).'),
	passedDown: z.string().describe('What the sales people are told.'),
	decidedOn: day,
	createdBy: z.string()
});
export const kpiCorrectionListOutput = z.strictObject({ corrections: z.array(kpiCorrectionOutput) });

export const kpiReviewOutput = z.strictObject({ ...reviewFields, corrections: z.array(kpiCorrectionOutput) });

const agenda = z.strictObject({
	id,
	decidedOn: day,
	decidedBy: z.string().describe('Who decided: the executive team or its members.'),
	kpis: z.array(z.string()).describe('The KPI keys the sales organization works to.'),
	priorities: z.string(),
	reporting: z.string().describe('The reporting the executives ask for.'),
	recordedBy: z.string(),
	recordedAt: timestamp
});
export const salesAgendaOutput = agenda;
export const salesAgendaListOutput = z.strictObject({ agendas: z.array(agenda).describe('The agenda in force first, then earlier decisions.') });
