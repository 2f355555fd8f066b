import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import type { ActionStatus } from '$lib/server/db/schema';
import { NotFoundError } from '$lib/server/errors';
import { isUuid, parse } from '$lib/server/validation';
import { subtreeIds } from '$lib/server/units/tree';
import { listUnits } from '$lib/server/units/queries';
import { actionFilter } from './input';
import { ORGANIZATION } from '$lib/results/view';
import { actionScope, unitList, unitOfRow } from './policy';

const OPEN = sql<boolean>`a.status IN ('planned', 'in_progress')`;
// Without a due date an action is not overdue (false, not NULL).
const OVERDUE = sql<boolean>`coalesce(a.due_on < current_date, false) AND ${OPEN}`;

export interface ActionView {
	id: string;
	unit: { id: string; name: string };
	roundId: string | null;
	areaKey: string | null;
	statementKey: string | null;
	title: string;
	reason: string;
	owner: { id: string; name: string } | null;
	dueOn: string | null;
	overdue: boolean;
	status: ActionStatus;
	createdBy: string;
	createdAt: Date;
	updatedAt: Date;
	notes: { id: string; body: string; author: string; createdAt: Date }[];
}

function base(organizationId: string, executor: Db = db()) {
	return (
		executor
			.selectFrom('actions as a')
			// No unit: the organization as a whole, named as the organization.
			.innerJoin('organizations as g', 'g.id', 'a.organization_id')
			.leftJoin('units as u', (j) => j.onRef('u.organization_id', '=', 'a.organization_id').onRef('u.id', '=', 'a.unit_id'))
			.leftJoin('users as o', (j) => j.onRef('o.organization_id', '=', 'a.organization_id').onRef('o.id', '=', 'a.owner_id'))
			.leftJoin('users as c', (j) => j.onRef('c.organization_id', '=', 'a.organization_id').onRef('c.email', '=', 'a.created_by'))
			.select([
				'a.id',
				'a.unit_id',
				'u.name as unit_name',
				'g.name as organization_name',
				'a.round_id',
				'a.area_key',
				'a.statement_key',
				'a.title',
				'a.reason',
				'a.owner_id',
				'o.name as owner_name',
				'a.due_on',
				'a.status',
				'a.created_by',
				'c.name as creator_name',
				'a.created_at',
				'a.updated_at',
				OVERDUE.as('overdue')
			])
			.where('a.organization_id', '=', organizationId)
	);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];
const present = (r: Row, notes: ActionView['notes'] = []): ActionView => ({
	id: r.id,
	unit: { id: unitOfRow(r.unit_id), name: r.unit_name ?? r.organization_name },
	roundId: r.round_id,
	areaKey: r.area_key,
	statementKey: r.statement_key,
	title: r.title,
	reason: r.reason,
	owner: r.owner_id && r.owner_name ? { id: r.owner_id, name: r.owner_name } : null,
	dueOn: r.due_on,
	overdue: r.overdue,
	status: r.status,
	createdBy: r.creator_name ?? r.created_by,
	createdAt: r.created_at,
	updatedAt: r.updated_at,
	notes
});

/** One action the actor may see, with its notes (404 for anything outside the actor's units). */
export async function getAction(opts: { actor: Actor; actionId: string }, executor: Db = db()): Promise<ActionView> {
	if (!isUuid(opts.actionId)) throw new NotFoundError('action');
	const scope = await actionScope(opts.actor, executor);
	const row = await base(scope.organizationId, executor).where('a.id', '=', opts.actionId).executeTakeFirst();
	if (!row || !scope.canSee(unitOfRow(row.unit_id))) throw new NotFoundError('action');
	const notes = await executor
		.selectFrom('action_notes')
		.select(['id', 'body', 'author', 'created_at as createdAt'])
		.where('organization_id', '=', scope.organizationId)
		.where('action_id', '=', row.id)
		.orderBy('created_at')
		.execute();
	return present(row, notes);
}

/** Actions of the units the actor may see, filtered; open ones first (overdue at the top), then by due date. */
export async function listActions(opts: { actor: Actor; filter?: unknown }, executor: Db = db()): Promise<ActionView[]> {
	const f = parse(actionFilter, opts.filter ?? {});
	const scope = await actionScope(opts.actor, executor);
	let q = base(scope.organizationId, executor);
	if (scope.unitIds) q = q.where('a.unit_id', 'in', unitList(scope.unitIds));
	if (f.unitId && f.unitId !== ORGANIZATION)
		q = q.where('a.unit_id', 'in', unitList([...subtreeIds(await listUnits({ organizationId: scope.organizationId }, executor), f.unitId)]));
	if (f.status) q = q.where('a.status', '=', f.status);
	if (f.open === 'true') q = q.where(OPEN);
	if (f.ownerId) q = q.where('a.owner_id', '=', f.ownerId);
	if (f.mine === 'true') q = q.where('a.owner_id', '=', scope.userId);
	if (f.areaKey) q = q.where('a.area_key', '=', f.areaKey);
	if (f.overdue === 'true') q = q.where(OVERDUE);
	const rows = await q
		.orderBy(OPEN, 'desc')
		.orderBy(OVERDUE, 'desc')
		.orderBy(sql`a.due_on asc nulls last`)
		.orderBy('a.created_at', 'desc')
		.limit(500)
		.execute();
	return rows.map((r) => present(r));
}

/** Open actions (planned or in progress) of a unit's subtree, or of everything the actor sees for the organization. */
export async function openActionsOf(opts: { actor: Actor; unitId: string }, executor: Db = db()): Promise<ActionView[]> {
	return listActions({ actor: opts.actor, filter: { open: 'true', ...(isUuid(opts.unitId) && { unitId: opts.unitId }) } }, executor);
}

/**
 * What a unit decided to do, for its participants: the titles and status of its own actions planned
 * since `since` or for that round (no reasons, owners or notes). Scoped by the caller to the unit the
 * participant answered for; `unitId` null: the organization as a whole (its actions without a unit).
 */
export async function unitActionTitles(
	opts: { organizationId: string; unitId: string | null; roundId: string; since: Date },
	executor: Db = db()
): Promise<{ id: string; title: string; status: ActionStatus }[]> {
	return executor
		.selectFrom('actions')
		.select(['id', 'title', 'status'])
		.where('organization_id', '=', opts.organizationId)
		.where((w) => (opts.unitId === null ? w('unit_id', 'is', null) : w('unit_id', '=', opts.unitId)))
		.where((w) => w.or([w('round_id', '=', opts.roundId), w('created_at', '>=', opts.since)]))
		.orderBy('created_at')
		.limit(20)
		.execute();
}
