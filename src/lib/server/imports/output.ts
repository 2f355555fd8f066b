import { z } from 'zod';
import { id, int, timestamp } from '$lib/server/http/output-fields';

const counts = { rows: int, creates: int, updates: int, unchanged: int, errors: int, newUnits: int, unitAttributes: int.optional() };

/** What applying a file would do (types.ts ImportPreview). */
const preview = z
	.strictObject({
		levels: z.array(z.string()).describe('The organization’s level names the file was checked against.'),
		warnings: z.array(z.string()).describe('File-level remarks, e.g. unknown columns that were ignored.'),
		counts: z.strictObject(counts),
		newUnits: z.array(z.array(z.string())).describe('Units that applying would create, each as its path from the top (at most 1000).'),
		unitAttributes: z
			.array(z.string())
			.optional()
			.describe('Attribute values (unit_ columns) applying would set, one line per unit and attribute (at most 1000).'),
		rows: z
			.array(
				z.strictObject({
					rowNumber: int,
					email: z.string(),
					name: z.string(),
					action: z.enum(['create', 'update', 'unchanged']),
					errors: z.array(z.string()),
					notes: z.array(z.string()),
					changes: z.array(z.string())
				})
			)
			.describe('The first 1000 rows with errors and the first 1000 other rows that create, update or carry a note.'),
		omitted: z.strictObject({ errorRows: int, otherRows: int, newUnits: int })
	})
	.describe('Counts (rows, creates, updates, unchanged, errors, newUnits) and the rows with their errors.');

export const importPreviewOutput = z
	.strictObject({ importId: id, preview })
	.describe('What applying the file would do. Nothing is written until the import is applied.');

/** A stored import read back: its preview, and when it was made and applied. */
export const userImportOutput = z.strictObject({ importId: id, fileName: z.string(), createdAt: timestamp, appliedAt: timestamp.nullable(), preview });

export const importAppliedOutput = z
	.strictObject({ ...counts, accessChanged: int.describe('Existing users whose access or viewer scope changed.') })
	.describe('Counts of the rows applied: created and updated users, unchanged rows, new units.');
