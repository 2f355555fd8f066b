import { z } from 'zod';
import { id, int, timestamp } from '$lib/server/http/output-fields';

/** A unit as the API answers it (see present.ts). */
export const unitOutput = z.strictObject({
	id,
	parentId: id.nullable(),
	name: z.string(),
	userCount: int,
	childCount: int,
	createdAt: timestamp,
	attributes: z.record(z.string(), z.string()).describe('Attributes from the import’s unit_ columns (e.g. sales_model), which cut the heatmap.')
});
export const unitListOutput = z.strictObject({ units: z.array(unitOutput) });
