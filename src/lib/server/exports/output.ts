import { z } from 'zod';
import { id, timestamp } from '$lib/server/http/output-fields';
import { CSV_LAYOUTS, EXPORT_FORMATS } from './input';

export const exportOutput = z.strictObject({
	id,
	format: z.enum(EXPORT_FORMATS),
	layout: z.enum(CSV_LAYOUTS).describe('A CSV’s shape: `long` or `wide`; `long` for every other format.'),
	status: z.enum(['queued', 'running', 'ready', 'failed']),
	progress: z.number().min(0).max(1),
	roundId: id,
	roundName: z.string(),
	unitId: z.string().describe('A unit id, or `organization`.'),
	unitName: z.string(),
	filename: z.string().nullable(),
	emailWhenReady: z.boolean(),
	error: z.string().nullable(),
	createdAt: timestamp,
	expiresAt: timestamp
});
export const exportListOutput = z.strictObject({ exports: z.array(exportOutput) });
