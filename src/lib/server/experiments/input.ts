import { z } from 'zod';
import { fields } from '$lib/server/validation';
import { day, prose, unitRef } from '$lib/server/actions/input';
import { daysBetween, EXPERIMENT_STATUSES, WINDOW_MAX_DAYS, WINDOW_MIN_DAYS } from '$lib/experiments';

const key = z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, 'Not a part of the model');
const status = z.enum(EXPERIMENT_STATUSES, { message: `Must be one of ${EXPERIMENT_STATUSES.join(', ')}` });

/** The metric to watch: an area score of the round's model, or one of the organization's KPIs. */
export const metricInput = z.discriminatedUnion(
	'kind',
	[z.strictObject({ kind: z.literal('area'), area: key }), z.strictObject({ kind: z.literal('kpi'), kpiId: fields.uuid })],
	{ message: 'Choose an area or a KPI to watch' }
);
export type MetricInput = z.infer<typeof metricInput>;

export const WINDOW_MESSAGE = `The experiment runs 6–8 weeks: the end is ${WINDOW_MIN_DAYS}–${WINDOW_MAX_DAYS} days after the start`;

/** Whether a window (start and end) is 6–8 weeks; the issue to add when it is not. */
export function windowProblem(startsOn: string, endsOn: string): string | null {
	const days = daysBetween(startsOn, endsOn);
	return days >= WINDOW_MIN_DAYS && days <= WINDOW_MAX_DAYS ? null : WINDOW_MESSAGE;
}

/** A new experiment: from a round's misalignment, one lever changed for 6–8 weeks, with a metric and an owner. */
export const experimentInput = z
	.strictObject({
		unitId: unitRef,
		roundId: fields.uuid,
		pairKey: key.nullable().default(null),
		statementKey: key.nullable().default(null),
		hypothesis: prose(1000).min(1, 'Say what you expect to change, and why'),
		lever: prose(300).min(1, 'Name the one thing you will change'),
		metric: metricInput,
		startsOn: day,
		endsOn: day,
		ownerId: fields.uuid,
		status: status.default('planned'),
		result: prose(4000).default('')
	})
	.superRefine((x, ctx) => {
		const problem = windowProblem(x.startsOn, x.endsOn);
		if (problem) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: problem });
	});
export type ExperimentInput = z.infer<typeof experimentInput>;

/** A change to an experiment; fields left out stay. The window is checked with the stored dates filled in. */
export const experimentPatch = z.strictObject({
	hypothesis: prose(1000).min(1, 'Say what you expect to change, and why').optional(),
	lever: prose(300).min(1, 'Name the one thing you will change').optional(),
	metric: metricInput.optional(),
	startsOn: day.optional(),
	endsOn: day.optional(),
	ownerId: fields.uuid.optional(),
	status: status.optional(),
	result: prose(4000).optional()
});

/** List filters: a unit (itself, not its subtree) and the round the experiments came from. */
export const experimentFilter = z.strictObject({
	unitId: unitRef.optional(),
	roundId: fields.uuid.optional()
});

/** A form's metric choice ("area:<key>" or "kpi:<id>") as the input's metric; anything else is left for zod to refuse. */
export function metricFromField(value: string | null | undefined): unknown {
	const [kind, ref] = (value ?? '').split(':', 2);
	if (kind === 'area') return { kind, area: ref ?? '' };
	if (kind === 'kpi') return { kind, kpiId: ref ?? '' };
	return { kind };
}
