import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import type { ExportFormat, ExportStatus } from '$lib/server/db/schema';
import { NotFoundError } from '$lib/server/errors';
import { isUuid } from '$lib/server/validation';
import { FILE_TYPES } from './input';

export interface ExportView {
	id: string;
	format: ExportFormat;
	status: ExportStatus;
	/** 0 … 1 while it is being made. */
	progress: number;
	roundId: string;
	unitId: string;
	filename: string | null;
	emailWhenReady: boolean;
	error: string | null;
	createdAt: Date;
	expiresAt: Date;
}

const columns = ['id', 'format', 'status', 'progress', 'round_id', 'unit_key', 'filename', 'email_when_ready', 'error', 'created_at', 'expires_at'] as const;

function mine(db: Db, actor: Actor) {
	const m = actor.membership;
	if (!m) throw new NotFoundError('export');
	return db.selectFrom('report_exports').where('organization_id', '=', m.organizationId).where('requested_by', '=', actor.label).where('expires_at', '>', new Date());
}

const present = (r: { id: string; format: ExportFormat; status: ExportStatus; progress: number; round_id: string; unit_key: string; filename: string | null; email_when_ready: boolean; error: string | null; created_at: Date; expires_at: Date }): ExportView => ({
	id: r.id,
	format: r.format,
	status: r.status,
	progress: r.status === 'ready' ? 1 : r.progress,
	roundId: r.round_id,
	unitId: r.unit_key,
	filename: r.filename,
	emailWhenReady: r.email_when_ready,
	error: r.error,
	createdAt: r.created_at,
	expiresAt: r.expires_at
});

/** An export only the member who asked for it can see (404 for everyone else), until it expires. */
export async function getExport(db: Db, opts: { actor: Actor; exportId: string }): Promise<ExportView> {
	if (!isUuid(opts.exportId)) throw new NotFoundError('export');
	const row = await mine(db, opts.actor).select(columns).where('id', '=', opts.exportId).executeTakeFirst();
	if (!row) throw new NotFoundError('export');
	return present(row);
}

/** The caller's exports of the last days, newest first. */
export async function listExports(db: Db, opts: { actor: Actor }): Promise<ExportView[]> {
	return (await mine(db, opts.actor).select(columns).orderBy('created_at', 'desc').limit(50).execute()).map(present);
}

/** The finished file of an export of the caller's. */
export async function exportFile(db: Db, opts: { actor: Actor; exportId: string }): Promise<{ body: Buffer; filename: string; type: string }> {
	if (!isUuid(opts.exportId)) throw new NotFoundError('export');
	const row = await mine(db, opts.actor).select(['format', 'file', 'filename']).where('id', '=', opts.exportId).where('status', '=', 'ready').executeTakeFirst();
	if (!row?.file || !row.filename) throw new NotFoundError('export file');
	return { body: row.file, filename: row.filename, type: FILE_TYPES[row.format].type };
}
