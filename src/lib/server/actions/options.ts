import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { listUnits } from '$lib/server/units/queries';
import { flattenTree, subtreeIds } from '$lib/server/units/tree';
import { ORGANIZATION } from '$lib/results/view';
import { actionScope, unitList, type ActionScope } from './policy';

export interface Option {
	id: string;
	label: string;
}

/** The units the actor may plan actions for, as select options ("Region › Team"), in tree order; first the organization as a whole for an admin. */
export async function actionUnitOptions(actor: Actor, executor: Db = db()): Promise<Option[]> {
	const scope = await actionScope(actor, executor);
	const units = await listUnits({ organizationId: scope.organizationId }, executor);
	const top = scope.canSee(ORGANIZATION) ? [{ id: ORGANIZATION, label: actor.membership!.organizationName }] : [];
	return [
		...top,
		...flattenTree(units)
			.filter((r) => scope.canSee(r.unit.id))
			.map((r) => ({ id: r.unit.id, label: r.path.join(' › ') }))
	];
}

/**
 * Who can own an action of a unit: the people of that unit and the units below it, the organization's
 * viewers and admins (the managers who follow actions up), and the actor. `keep` (the current owner)
 * stays a choice. At most 1000, by name.
 */
export async function ownerOptions(opts: { actor: Actor; unitId: string | null; keep?: string | null }, executor: Db = db()): Promise<Option[]> {
	const scope = await actionScope(opts.actor, executor);
	const rows = await (await owners(scope, opts.unitId, executor)).orderBy('name').limit(1000).execute();
	const out = rows.map((r) => ({ id: r.id, label: r.name }));
	if (opts.keep && !out.some((o) => o.id === opts.keep)) {
		const kept = await executor
			.selectFrom('users')
			.select(['id', 'name'])
			.where('organization_id', '=', scope.organizationId)
			.where('id', '=', opts.keep)
			.executeTakeFirst();
		if (kept) out.unshift({ id: kept.id, label: kept.name });
	}
	return out;
}

/** True when `ownerId` may own an action of `unitId` (the rule of ownerOptions). */
export async function mayOwn(opts: { actor: Actor; unitId: string; ownerId: string }, executor: Db = db()): Promise<boolean> {
	const scope = await actionScope(opts.actor, executor);
	return (await (await owners(scope, opts.unitId, executor)).where('id', '=', opts.ownerId).executeTakeFirst()) !== undefined;
}

async function owners(scope: ActionScope, unitId: string | null, executor: Db = db()) {
	const org = scope.organizationId;
	const q = executor.selectFrom('users').select(['id', 'name']).where('organization_id', '=', org);
	// The organization as a whole: anyone in it.
	if (unitId === ORGANIZATION && scope.canSee(unitId)) return q;
	const below = unitId && scope.canSee(unitId) ? [...subtreeIds(await listUnits({ organizationId: org }, executor), unitId)] : [];
	return q.where((w) => w.or([w('access', 'in', ['viewer', 'admin']), ...(below.length ? [w('unit_id', 'in', below)] : []), w('id', '=', scope.userId)]));
}

/** Owners of the actions the actor can see (for the list's owner filter). */
export async function currentOwners(actor: Actor, executor: Db = db()): Promise<Option[]> {
	const scope = await actionScope(actor, executor);
	let q = executor
		.selectFrom('actions as a')
		.innerJoin('users as o', (j) => j.onRef('o.organization_id', '=', 'a.organization_id').onRef('o.id', '=', 'a.owner_id'))
		.select(['o.id', 'o.name'])
		.distinct()
		.where('a.organization_id', '=', scope.organizationId);
	if (scope.unitIds) q = q.where('a.unit_id', 'in', unitList(scope.unitIds));
	return (await q.orderBy('o.name').limit(1000).execute()).map((r) => ({ id: r.id, label: r.name }));
}
