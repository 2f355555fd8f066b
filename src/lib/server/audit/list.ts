import { db, type Db } from '$lib/server/db';

export interface AuditPage {
	events: { id: string; at: Date; actor: string; action: string; target: string | null; details: Record<string, unknown>; ip: string | null }[];
	nextBefore: string | null;
}

/** Newest first, 50 a page, keyset-paginated by id. */
export async function listAuditEvents(
	opts: { organizationId: string; before?: string | null; action?: string | null; limit?: number },
	executor: Db = db()
): Promise<AuditPage> {
	const limit = opts.limit ?? 50;
	let q = executor
		.selectFrom('audit_events')
		.select(['id', 'at', 'actor', 'action', 'target', 'details', 'ip'])
		.where('organization_id', '=', opts.organizationId)
		.orderBy('id', 'desc')
		.limit(limit + 1);
	if (opts.before) q = q.where('id', '<', opts.before);
	if (opts.action) q = q.where('action', '=', opts.action);
	const rows = await q.execute();
	const more = rows.length > limit;
	const events = rows.slice(0, limit).map((r) => ({ ...r, id: String(r.id) }));
	return { events, nextBefore: more ? events[events.length - 1].id : null };
}
