import { db, type Db } from '$lib/server/db';
import type { ScimEventAction } from '$lib/server/db/schema';

/** How many provisioning events an organization keeps (the newest). */
export const KEPT_EVENTS = 200;

/**
 * Appends one provisioning event and drops the organization's events beyond the newest 200. A person is
 * named by id only; `detail` says what changed or why a request was refused, without personal data.
 */
export async function recordScimEvent(
	opts: { organizationId: string; action: ScimEventAction; status: number; userId?: string | null; detail?: string },
	executor: Db = db()
): Promise<void> {
	await executor
		.insertInto('scim_events')
		.values({
			organization_id: opts.organizationId,
			action: opts.action,
			status: opts.status,
			user_id: opts.userId ?? null,
			detail: (opts.detail ?? '').slice(0, 500)
		})
		.execute();
	const oldestKept = executor
		.selectFrom('scim_events')
		.select('id')
		.where('organization_id', '=', opts.organizationId)
		.orderBy('id', 'desc')
		.offset(KEPT_EVENTS - 1)
		.limit(1);
	await executor.deleteFrom('scim_events').where('organization_id', '=', opts.organizationId).where('id', '<', oldestKept).execute();
}

export interface ScimEventRow {
	id: string;
	at: Date;
	action: ScimEventAction;
	status: number;
	detail: string;
	userId: string | null;
	/** The person's name now (null when there is none, or they were deleted). */
	userName: string | null;
	userDeactivated: boolean;
}

/** The newest events first, each with the person's current name. */
export async function listScimEvents(opts: { organizationId: string; limit?: number }, executor: Db = db()): Promise<ScimEventRow[]> {
	const rows = await executor
		.selectFrom('scim_events as e')
		.leftJoin('users as u', (j) => j.onRef('u.organization_id', '=', 'e.organization_id').onRef('u.id', '=', 'e.user_id'))
		.select(['e.id', 'e.at', 'e.action', 'e.status', 'e.detail', 'e.user_id as userId', 'u.name as userName', 'u.deactivated_at as deactivatedAt'])
		.where('e.organization_id', '=', opts.organizationId)
		.orderBy('e.id', 'desc')
		.limit(Math.min(opts.limit ?? 50, KEPT_EVENTS))
		.execute();
	return rows.map(({ deactivatedAt, ...r }) => ({ ...r, id: String(r.id), userDeactivated: deactivatedAt !== null }));
}
