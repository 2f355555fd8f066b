import { z } from 'zod';
import { day, id, named, timestamp } from '$lib/server/http/output-fields';

export const decisionOutput = z.strictObject({
	id,
	unit: named,
	decidedOn: day,
	title: z.string(),
	reason: z.string(),
	createdBy: z.string(),
	createdAt: timestamp
});
export const decisionListOutput = z.strictObject({ decisions: z.array(decisionOutput) });
