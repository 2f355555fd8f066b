import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { ForbiddenError, NotFoundError } from '$lib/server/errors';
import { listUnits } from '$lib/server/units/queries';
import { subtreeIds } from '$lib/server/units/tree';

/**
 * Who may work with the actions of which units (the actions policy, scoped like results): an admin all
 * units, a viewer the units of their subtree. Participants have none.
 */
export async function actionScope(db: Db, actor: Actor): Promise<{ organizationId: string; userId: string; canSee: (unitId: string) => boolean; unitIds: string[] | null }> {
	const m = actor.membership;
	if (!m || (m.access !== 'admin' && m.access !== 'viewer')) throw new ForbiddenError('Only viewers and admins work with action plans.');
	if (m.access === 'admin') return { organizationId: m.organizationId, userId: m.userId, canSee: () => true, unitIds: null };
	const ids = m.scopeUnitId ? subtreeIds(await listUnits(db, { organizationId: m.organizationId }), m.scopeUnitId) : new Set<string>();
	return { organizationId: m.organizationId, userId: m.userId, canSee: (id) => ids.has(id), unitIds: [...ids] };
}

/** The unit must exist in the organization and be the actor's to act on (404 otherwise: outsiders learn nothing). */
export function assertUnit(scope: { canSee: (unitId: string) => boolean }, unitId: string): void {
	if (!scope.canSee(unitId)) throw new NotFoundError('unit');
}
