import { z } from 'zod';
import { id, int, timestamp } from '$lib/server/http/output-fields';

/** A user as the API answers it (see present.ts). */
export const userOutput = z.strictObject({
	id,
	name: z.string(),
	email: z.string().meta({ format: 'email' }),
	language: z.enum(['en', 'sv']),
	unitId: id.nullable(),
	jobRole: z.string().nullable().describe("A respondent group of the organization's models, e.g. sales_person or sales_manager."),
	access: z.enum(['participant', 'viewer', 'admin']),
	scopeUnitId: id.nullable().describe('For viewers: the unit whose subtree they may see.'),
	createdAt: timestamp,
	updatedAt: timestamp
});
export const userListOutput = z.strictObject({ users: z.array(userOutput), total: int, limit: int, offset: int });
