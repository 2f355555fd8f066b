import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { listUnits } from '$lib/server/units/queries';
import { flattenTree, subtreeIds } from '$lib/server/units/tree';
import { actionScope, unitList, type ActionScope } from './policy';

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
 * Who can own an action of a unit: the people of that unit and the units below it, the organization's
 * viewers and admins (the managers who follow actions up), and the actor. `keep` (the current owner)
 * stays a choice. At most 1000, by name.
 */
export async function ownerOptions(db: Db, opts: { actor: Actor; unitId: string | null; keep?: string | null }): Promise<Option[]> {
	const scope = await actionScope(db, opts.actor);
	const rows = await (await owners(db, scope, opts.unitId)).orderBy('name').limit(1000).execute();
	const out = rows.map((r) => ({ id: r.id, label: r.name }));
	if (opts.keep && !out.some((o) => o.id === opts.keep)) {
		const kept = await db.selectFrom('users').select(['id', 'name']).where('organization_id', '=', scope.organizationId).where('id', '=', opts.keep).executeTakeFirst();
		if (kept) out.unshift({ id: kept.id, label: kept.name });
	}
	return out;
}

/** True when `ownerId` may own an action of `unitId` (the rule of ownerOptions). */
export async function mayOwn(db: Db, opts: { actor: Actor; unitId: string; ownerId: string }): Promise<boolean> {
	const scope = await actionScope(db, opts.actor);
	return (await (await owners(db, scope, opts.unitId)).where('id', '=', opts.ownerId).executeTakeFirst()) !== undefined;
}

async function owners(db: Db, scope: ActionScope, unitId: string | null) {
	const org = scope.organizationId;
	const below = unitId && scope.canSee(unitId) ? [...subtreeIds(await listUnits(db, { organizationId: org }), unitId)] : [];
	return db
		.selectFrom('users')
		.select(['id', 'name'])
		.where('organization_id', '=', org)
		.where((w) => w.or([w('access', 'in', ['viewer', 'admin']), ...(below.length ? [w('unit_id', 'in', below)] : []), w('id', '=', scope.userId)]));
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
	if (scope.unitIds) q = q.where('a.unit_id', 'in', unitList(scope.unitIds));
	return (await q.orderBy('o.name').limit(1000).execute()).map((r) => ({ id: r.id, label: r.name }));
}
