import { z } from 'zod';
import { fields } from '$lib/server/validation';

/** Query parameters of GET /api/v1/users. */
export const userListQuery = z.strictObject({
	q: fields.text.max(100).optional(),
	unitId: fields.uuid.optional(),
	access: fields.access.optional(),
	limit: z.coerce.number().int().min(1).max(500).default(100),
	offset: z.coerce.number().int().min(0).max(1_000_000).default(0)
});
