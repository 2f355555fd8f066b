import { z } from 'zod';
import { fields } from '$lib/server/validation';
import { ACTION_STATUSES } from '$lib/actions';
import { ORGANIZATION } from '$lib/results/view';

export const day = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2027-03-31')
	.refine((d) => {
		const t = new Date(`${d}T00:00:00Z`);
		return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
	}, 'Not a real date');
export const prose = (max: number) =>
	z
		.string()
		.trim()
		.max(max, `At most ${max} characters`)
		.regex(/^[^\u0000]*$/, 'Must not contain NUL characters');
const status = z.enum(ACTION_STATUSES, { message: `Must be one of ${ACTION_STATUSES.join(', ')}` });
/** A unit's id, or "organization": the organization as a whole (its top). */
export const unitRef = z.union([fields.uuid, z.literal(ORGANIZATION)], { message: 'Not a valid id' });
const key = z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, 'Not an area or statement of the model');

/** A new action: what will be done, why (the finding it answers), who, by when, for which unit and finding. */
export const actionInput = z.strictObject({
	unitId: unitRef,
	title: prose(200).min(1, 'Say what will be done'),
	reason: prose(2000).default(''),
	ownerId: fields.uuid.nullable().default(null),
	dueOn: day.nullable().default(null),
	roundId: fields.uuid.nullable().default(null),
	areaKey: key.nullable().default(null),
	statementKey: key.nullable().default(null),
	status: status.default('planned')
});

/** A change to an action; fields left out stay as they are. */
export const actionPatch = z.strictObject({
	title: prose(200).min(1, 'Say what will be done').optional(),
	reason: prose(2000).optional(),
	ownerId: fields.uuid.nullable().optional(),
	dueOn: day.nullable().optional(),
	status: status.optional()
});

export const noteInput = z.strictObject({ body: prose(4000).min(1, 'Write the note') });

/** List filters (all optional): a unit's subtree, status, open ones, owner, only overdue, only the caller's. */
export const actionFilter = z.strictObject({
	unitId: unitRef.optional(),
	status: status.optional(),
	/** Only planned and in-progress ones. */
	open: z.enum(['true', 'false']).optional(),
	ownerId: fields.uuid.optional(),
	overdue: z.enum(['true', 'false']).optional(),
	mine: z.enum(['true', 'false']).optional(),
	areaKey: key.optional()
});
