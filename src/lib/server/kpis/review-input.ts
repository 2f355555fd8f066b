import { z } from 'zod';
import { fields } from '$lib/server/validation';
import { day, prose, unitRef } from '$lib/server/actions/input';
import { CORRECTIONS } from '$lib/kpis/corrections';
import { MONTH } from './input';

/** Which meeting: a unit (or the organization's top) and the month under review. */
export const reviewRef = z.strictObject({ unitId: unitRef, month: z.string().regex(MONTH, 'A month like 2026-03') });

/** A correction decided for an alarm: what, who, to which effect, when to check, what the sales people are told. */
export const correctionInput = z.strictObject({
	kpi: z.string().min(1).max(40),
	alarmMonth: z.string().regex(MONTH, 'A month like 2026-03'),
	correction: z.enum(CORRECTIONS, { message: `Must be one of ${CORRECTIONS.join(', ')}` }),
	title: prose(200).min(1, 'Say what was decided'),
	ownerId: fields.uuid.nullable().default(null),
	expectedEffect: prose(1000).default(''),
	checkOn: day,
	passedDown: prose(1000).default(''),
	/** Also plan it as an action of the unit (due on the check date). */
	asAction: z.boolean().default(false)
});

export const closeInput = z.strictObject({ minutes: prose(20_000).default('') });
