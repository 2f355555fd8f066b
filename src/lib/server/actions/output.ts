import { z } from 'zod';
import { ACTION_STATUSES } from '$lib/actions';
import { day, id, named, timestamp } from '$lib/server/http/output-fields';

/** An action with its notes as the API answers it (queries.ts ActionView). */
export const actionOutput = z.strictObject({
	id,
	unit: named,
	roundId: id.nullable(),
	areaKey: z.string().nullable(),
	statementKey: z.string().nullable(),
	title: z.string(),
	reason: z.string(),
	owner: named.nullable(),
	dueOn: day.nullable(),
	overdue: z.boolean(),
	status: z.enum(ACTION_STATUSES),
	createdBy: z.string(),
	createdAt: timestamp,
	updatedAt: timestamp,
	notes: z.array(z.strictObject({ id, body: z.string(), author: z.string(), createdAt: timestamp }))
});
export const actionListOutput = z.strictObject({ actions: z.array(actionOutput) });
