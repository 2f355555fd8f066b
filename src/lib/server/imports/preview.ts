import { sql } from 'kysely';
import type { Actor } from '$lib/server/auth/actor';
import { db, type Db } from '$lib/server/db';
import { NotFoundError } from '$lib/server/errors';
import { fields, parse } from '$lib/server/validation';
import { parseUserFile, type ParsedUserFile } from './parse';
import { withImportLock } from './lock';
import { assertMayImportUsers } from './policy';
import { loadImportState } from './state';
import type { ImportPreview } from './types';
import { validateUserRows } from './validate';

/** What user_imports.preview holds: the preview shown to the admin and the parsed file apply re-checks. */
export interface StoredImport {
	preview: ImportPreview;
	file: ParsedUserFile;
}

export interface UserImportRecord {
	importId: string;
	fileName: string;
	createdBy: string;
	createdAt: Date;
	appliedAt: Date | null;
	preview: ImportPreview;
}

/**
 * Reads and checks an uploaded user file and stores the result as a pending import.
 * Writes nothing but the user_imports row; nothing is applied until applyUserImport. Runs under the
 * organization's import lock: while another preview or apply of the organization runs, it is refused
 * (ConflictError `import_running`) before the file is read.
 */
export async function previewUserImport(
	opts: { organizationId: string; actor: Actor; fileName: string; bytes: Uint8Array },
	executor: Db = db()
): Promise<{ importId: string; preview: ImportPreview }> {
	const organizationId = parse(fields.uuid, opts.organizationId);
	assertMayImportUsers(opts.actor, organizationId);
	return withImportLock(
		organizationId,
		async (trx) => {
			const file = await parseUserFile({ fileName: opts.fileName, bytes: opts.bytes });
			const state = await loadImportState({ organizationId }, trx);
			const { preview } = validateUserRows({ header: file.header, rows: file.rows, ...state });
			const stored: StoredImport = { preview, file };
			const row = await trx
				.insertInto('user_imports')
				.values({
					organization_id: organizationId,
					file_name: opts.fileName.slice(0, 255),
					created_by: opts.actor.label.slice(0, 320),
					row_count: preview.counts.rows,
					error_count: preview.counts.errors,
					preview: JSON.stringify(stored)
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			return { importId: row.id, preview };
		},
		executor
	);
}

/** A stored import preview of this organization, or NotFoundError. */
export async function getUserImport(opts: { organizationId: string; importId: string }, executor: Db = db()): Promise<UserImportRecord> {
	const ids = fields.uuid.safeParse(opts.organizationId).success && fields.uuid.safeParse(opts.importId).success;
	if (!ids) throw new NotFoundError('import');
	const row = await executor
		.selectFrom('user_imports')
		.select(['id', 'file_name', 'created_by', 'created_at', 'applied_at', sql<ImportPreview>`preview -> 'preview'`.as('preview')])
		.where('organization_id', '=', opts.organizationId)
		.where('id', '=', opts.importId)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('import');
	return {
		importId: row.id,
		fileName: row.file_name,
		createdBy: row.created_by,
		createdAt: row.created_at,
		appliedAt: row.applied_at,
		preview: row.preview
	};
}
