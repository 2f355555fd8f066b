import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { ForbiddenError } from '$lib/server/errors';
import { listUnits } from '$lib/server/units/queries';
import { subtreeIds } from '$lib/server/units/tree';
import type { Scope } from '$lib/results/view';

export interface ResultsAccess {
	organizationId: string;
	scope: Scope;
}

/**
 * Who may read results, and of which units (the results policy): admins (and API tokens) all of them
 * and the whole organization; a viewer the subtree of their unit as the tree is today, with the
 * history of units merged into it. Participants read no results.
 */
export async function resultsAccess(actor: Actor, executor: Db = db()): Promise<ResultsAccess> {
	const m = actor.membership;
	if (!m || (m.access !== 'admin' && m.access !== 'viewer')) throw new ForbiddenError('Only viewers and admins can read results.');
	const organizationId = m.organizationId;
	if (m.access === 'admin') return { organizationId, scope: { all: true, unitIds: new Set() } };
	if (!m.scopeUnitId) return { organizationId, scope: { all: false, unitIds: new Set() } };
	const units = await listUnits({ organizationId }, executor);
	const ids = subtreeIds(units, m.scopeUnitId);
	return { organizationId, scope: { all: false, unitIds: await withPredecessors(organizationId, ids, executor) } };
}

/** The units and every unit recorded as merged into them, and into those (a unit merged twice keeps all its history). */
export async function withPredecessors(organizationId: string, ids: Set<string>, executor: Db = db()): Promise<Set<string>> {
	const lineage = await executor.selectFrom('unit_lineage').select(['unit_id', 'predecessor_id']).where('organization_id', '=', organizationId).execute();
	const out = new Set(ids);
	for (let grew = true; grew;) {
		grew = false;
		for (const l of lineage) if (out.has(l.unit_id) && !out.has(l.predecessor_id)) grew = !!out.add(l.predecessor_id);
	}
	return out;
}
