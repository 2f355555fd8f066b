import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { NotFoundError } from '$lib/server/errors';
import { subtreeIds } from '$lib/server/units/tree';

/** The organization's top, as `?unit=` names it. */
export const ORGANIZATION = 'organization';

export interface BoardUnit {
	id: string;
	parentId: string | null;
	name: string;
}

/**
 * Whose figures the caller may see on the board, and where: an admin (or admin token) every unit and the
 * organization's top; a viewer (a manager) the subtree of their scope unit; a participant (a sales
 * person, or a viewer with no scope unit) only their unit's total and their own figures. `root` is where the caller starts (null: the
 * top). Anything else is "not found", as is a unit of another organization.
 */
export interface BoardAccess {
	organizationId: string;
	units: BoardUnit[];
	root: string | null;
	/** The units the caller may open; null: all of them and the top. */
	open: Set<string> | null;
	/** A participant: the only person row they see (their own). */
	selfOnly: string | null;
}

export async function boardAccess(actor: Actor, executor: Db = db()): Promise<BoardAccess> {
	const m = actor.membership;
	if (!m) throw new NotFoundError('unit');
	const organizationId = m.organizationId;
	const units = await executor
		.selectFrom('units')
		.select(['id', 'parent_id as parentId', 'name'])
		.where('organization_id', '=', organizationId)
		.orderBy('name')
		.execute();
	if (m.access === 'admin') return { organizationId, units, root: null, open: null, selfOnly: null };
	if (m.access === 'viewer' && m.scopeUnitId) return { organizationId, units, root: m.scopeUnitId, open: subtreeIds(units, m.scopeUnitId), selfOnly: null };
	// A participant, or a viewer scoped to no unit (how a sales person signs in today): their own team.
	const me = await executor.selectFrom('users').select('unit_id').where('organization_id', '=', organizationId).where('id', '=', m.userId).executeTakeFirst();
	if (!me?.unit_id) throw new NotFoundError('unit');
	return { organizationId, units, root: me.unit_id, open: new Set([me.unit_id]), selfOnly: m.userId };
}

/** The unit to show: the one asked for (`organization`: the top) when the caller may open it, else not found; by default where they start. */
export function chosenUnit(access: BoardAccess, asked: string | null | undefined): string | null {
	if (!asked) return access.root;
	if (asked === ORGANIZATION) {
		if (access.open) throw new NotFoundError('unit');
		return null;
	}
	const exists = access.units.some((u) => u.id === asked);
	if (!exists || (access.open && !access.open.has(asked))) throw new NotFoundError('unit');
	return asked;
}
