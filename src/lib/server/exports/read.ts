import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import type { ExportFormat, ExportStatus } from '$lib/server/db/schema';
import { NotFoundError } from '$lib/server/errors';
import { isUuid } from '$lib/server/validation';
import { FILE_TYPES, type CsvLayout } from './input';
import { assertStillVisible, requesterKey, stillVisible } from './requester';

export interface ExportView {
	id: string;
	format: ExportFormat;
	/** A CSV's shape (long for every other format). */
	layout: CsvLayout;
	status: ExportStatus;
	/** 0 … 1 while it is being made. */
	progress: number;
	roundId: string;
	roundName: string;
	unitId: string;
	/** The unit's name today (the organization's name for the whole organization). */
	unitName: string;
	filename: string | null;
	emailWhenReady: boolean;
	error: string | null;
	createdAt: Date;
	expiresAt: Date;
}

const columns = [
	'e.id',
	'e.format',
	'e.options',
	'e.status',
	'e.progress',
	'e.round_id',
	'e.unit_key',
	'e.filename',
	'e.email_when_ready',
	'e.error',
	'e.created_at',
	'e.expires_at',
	'r.name as round_name'
] as const;

function mine(actor: Actor, executor: Db = db()) {
	const m = actor.membership;
	if (!m) throw new NotFoundError('export');
	return executor
		.selectFrom('report_exports as e')
		.innerJoin('rounds as r', (j) => j.onRef('r.organization_id', '=', 'e.organization_id').onRef('r.id', '=', 'e.round_id'))
		.leftJoin('units as u', (j) => j.onRef('u.organization_id', '=', 'e.organization_id').on(sql`u.id::text`, '=', sql.ref('e.unit_key')))
		.select(sql<string>`coalesce(u.name, ${m.organizationName})`.as('unit_name'))
		.where('e.organization_id', '=', m.organizationId)
		.where('e.requested_by', '=', requesterKey(actor))
		.where('e.expires_at', '>', new Date());
}

const present = (r: {
	round_name: string;
	unit_name: string;
	id: string;
	format: ExportFormat;
	options: Record<string, string>;
	status: ExportStatus;
	progress: number;
	round_id: string;
	unit_key: string;
	filename: string | null;
	email_when_ready: boolean;
	error: string | null;
	created_at: Date;
	expires_at: Date;
}): ExportView => ({
	id: r.id,
	format: r.format,
	layout: r.options.layout === 'wide' ? 'wide' : 'long',
	status: r.status,
	progress: r.status === 'ready' ? 1 : r.progress,
	roundId: r.round_id,
	roundName: r.round_name,
	unitId: r.unit_key,
	unitName: r.unit_name,
	filename: r.filename,
	emailWhenReady: r.email_when_ready,
	error: r.error,
	createdAt: r.created_at,
	expiresAt: r.expires_at
});

/** An export only the member who asked for it can see (404 for everyone else), until it expires. */
export async function getExport(opts: { actor: Actor; exportId: string }, executor: Db = db()): Promise<ExportView> {
	if (!isUuid(opts.exportId)) throw new NotFoundError('export');
	const row = await mine(opts.actor, executor).select(columns).where('e.id', '=', opts.exportId).executeTakeFirst();
	if (!row) throw new NotFoundError('export');
	await assertStillVisible(opts.actor, row.unit_key, executor);
	return present(row);
}

/** The caller's exports of the last days, newest first. */
export async function listExports(opts: { actor: Actor }, executor: Db = db()): Promise<ExportView[]> {
	const rows = await mine(opts.actor, executor).select(columns).orderBy('e.created_at', 'desc').limit(50).execute();
	const visible = await stillVisible(opts.actor, executor);
	return rows.filter((r) => visible(r.unit_key)).map(present);
}

/** The finished file of an export of the caller's. */
export async function exportFile(opts: { actor: Actor; exportId: string }, executor: Db = db()): Promise<{ body: Buffer; filename: string; type: string }> {
	if (!isUuid(opts.exportId)) throw new NotFoundError('export');
	const row = await mine(opts.actor, executor)
		.select(['e.format', 'e.file', 'e.filename', 'e.unit_key'])
		.where('e.id', '=', opts.exportId)
		.where('e.status', '=', 'ready')
		.executeTakeFirst();
	if (!row?.file || !row.filename) throw new NotFoundError('export file');
	await assertStillVisible(opts.actor, row.unit_key, executor);
	return { body: row.file, filename: row.filename, type: FILE_TYPES[row.format].type };
}
