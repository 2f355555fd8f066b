import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { ForbiddenError, NotFoundError } from '$lib/server/errors';
import { listUnits } from '$lib/server/units/queries';
import { subtreeIds } from '$lib/server/units/tree';
import { isUuid } from '$lib/server/validation';
import { ORGANIZATION } from '$lib/results/view';

export interface ActionScope {
	organizationId: string;
	userId: string;
	canSee: (unitId: string) => boolean;
	/** The units the actor may act on; null for an admin (all of them). */
	unitIds: string[] | null;
}

/** Stands in for "no unit" in `unit_id IN (…)`, which may not be empty. */
const NO_UNIT = '00000000-0000-0000-0000-000000000000';
export const unitList = (ids: string[]) => (ids.length ? ids : [NO_UNIT]);

/** The unit column of an action or decision: NULL for the organization as a whole (ORGANIZATION in views and input). */
export const unitColumn = (unitId: string) => (unitId === ORGANIZATION ? null : unitId);
/** The unit a stored row is for, as views name it. */
export const unitOfRow = (unitId: string | null) => unitId ?? ORGANIZATION;

/**
 * Who may work with the actions and decisions of which units (scoped like results): an admin all
 * units and the organization as a whole (ORGANIZATION), a viewer the units of their subtree.
 * Participants have none.
 */
export async function actionScope(actor: Actor, executor: Db = db()): Promise<ActionScope> {
	const m = actor.membership;
	if (!m || (m.access !== 'admin' && m.access !== 'viewer')) throw new ForbiddenError('Only viewers and admins work with action plans.');
	if (m.access === 'admin') return { organizationId: m.organizationId, userId: m.userId, canSee: () => true, unitIds: null };
	const ids = m.scopeUnitId ? subtreeIds(await listUnits({ organizationId: m.organizationId }, executor), m.scopeUnitId) : new Set<string>();
	return { organizationId: m.organizationId, userId: m.userId, canSee: (id) => ids.has(id), unitIds: [...ids] };
}

/**
 * Every unit must be one of the organization's and the actor's to act on (404 otherwise: outsiders
 * learn nothing). An admin's scope is "every unit", so the units are looked up too. ORGANIZATION (the
 * organization as a whole) is the admin's only.
 */
export async function assertUnits(scope: ActionScope, unitIds: string[], executor: Db = db()): Promise<void> {
	const ids = [...new Set(unitIds)];
	if (!ids.length || !ids.every((id) => (isUuid(id) || id === ORGANIZATION) && scope.canSee(id))) throw new NotFoundError('unit');
	const wanted = ids.filter((id) => id !== ORGANIZATION);
	if (!wanted.length) return;
	const known = await executor.selectFrom('units').select('id').where('organization_id', '=', scope.organizationId).where('id', 'in', wanted).execute();
	if (known.length !== wanted.length) throw new NotFoundError('unit');
}

/** Whether the actor may plan actions and record decisions for a unit (ORGANIZATION: the organization as a whole, admins only). */
export async function mayActOn(opts: { actor: Actor; unitId: string }, executor: Db = db()): Promise<boolean> {
	const m = opts.actor.membership;
	if (!m || (m.access !== 'admin' && m.access !== 'viewer')) return false;
	return (await actionScope(opts.actor, executor)).canSee(opts.unitId);
}
