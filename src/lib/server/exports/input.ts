import { z } from 'zod';
import { fields } from '$lib/server/validation';
import { comparison } from '$lib/server/results/benchmark-choice';

export const EXPORT_FORMATS = ['pdf', 'pptx', 'xlsx', 'csv'] as const;
/** A CSV's shape: long (one figure a line) or wide (one row per unit, one column per area, as Excel opens it in the reader's locale). */
export const CSV_LAYOUTS = ['long', 'wide'] as const;
export type CsvLayout = (typeof CSV_LAYOUTS)[number];

/** What to export: a unit's report in a round (unit id, or "organization"), in which format and language. */
export const exportInput = comparison
	.extend({
		format: z.enum(EXPORT_FORMATS, { message: `Must be one of ${EXPORT_FORMATS.join(', ')}` }),
		roundId: fields.uuid,
		unitId: z.union([fields.uuid, z.literal('organization')], { message: 'A unit id, or "organization"' }),
		lang: fields.language.optional(),
		emailWhenReady: z.boolean().default(false),
		layout: z
			.enum(CSV_LAYOUTS, { message: `Must be one of ${CSV_LAYOUTS.join(', ')}` })
			.default('long')
			.describe(
				'For `csv`: `long` (table, row, column, value: one figure a line) or `wide` (one row per unit, one column per area; separator and decimal mark of the report’s language: `;` and `,` in Swedish). Only `long` for the other formats.'
			)
	})
	.refine((d) => d.format === 'csv' || d.layout === 'long', { message: 'Only a CSV has a wide layout', path: ['layout'] });

export const FILE_TYPES: Record<(typeof EXPORT_FORMATS)[number], { type: string; extension: string }> = {
	pdf: { type: 'application/pdf', extension: 'pdf' },
	pptx: { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extension: 'pptx' },
	xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
	csv: { type: 'text/csv; charset=utf-8', extension: 'csv' }
};
