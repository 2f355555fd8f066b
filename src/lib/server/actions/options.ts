import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { listUnits } from '$lib/server/units/queries';
import { flattenTree, subtreeIds } from '$lib/server/units/tree';
import { actionScope } from './policy';

export interface Option {
	id: string;
	label: string;
}

/** The units the actor may plan actions for, as select options ("Region › Team"), in tree order. */
export async function actionUnitOptions(db: Db, actor: Actor): Promise<Option[]> {
	const scope = await actionScope(db, actor);
	const units = await listUnits(db, { organizationId: scope.organizationId });
	return flattenTree(units)
		.filter((r) => scope.canSee(r.unit.id))
		.map((r) => ({ id: r.unit.id, label: r.path.join(' › ') }));
}

/**
 * Who can own an action of a unit: the people of that unit and the units below it, and the
 * organization's viewers and admins (the managers who follow actions up). At most 1000, by name.
 */
export async function ownerOptions(db: Db, opts: { actor: Actor; unitId: string | null }): Promise<Option[]> {
	const scope = await actionScope(db, opts.actor);
	const org = scope.organizationId;
	const below = opts.unitId && scope.canSee(opts.unitId) ? [...subtreeIds(await listUnits(db, { organizationId: org }), opts.unitId)] : [];
	const rows = await db
		.selectFrom('users')
		.select(['id', 'name'])
		.where('organization_id', '=', org)
		.where((w) => w.or([w('access', 'in', ['viewer', 'admin']), ...(below.length ? [w('unit_id', 'in', below)] : []), w('id', '=', scope.userId)]))
		.orderBy('name')
		.limit(1000)
		.execute();
	return rows.map((r) => ({ id: r.id, label: r.name }));
}

/** Owners of the actions the actor can see (for the list's owner filter). */
export async function currentOwners(db: Db, actor: Actor): Promise<Option[]> {
	const scope = await actionScope(db, actor);
	let q = db
		.selectFrom('actions as a')
		.innerJoin('users as o', (j) => j.onRef('o.organization_id', '=', 'a.organization_id').onRef('o.id', '=', 'a.owner_id'))
		.select(['o.id', 'o.name'])
		.distinct()
		.where('a.organization_id', '=', scope.organizationId);
	if (scope.unitIds) q = q.where('a.unit_id', 'in', scope.unitIds.length ? scope.unitIds : ['00000000-0000-0000-0000-000000000000']);
	return (await q.orderBy('o.name').limit(1000).execute()).map((r) => ({ id: r.id, label: r.name }));
}
