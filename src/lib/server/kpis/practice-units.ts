import { flattenTree } from '$lib/server/units/tree';
import { ORGANIZATION, type BoardAccess } from './board-access';

export interface PracticeUnit {
	id: string;
	name: string;
	depth: number;
}

/**
 * The units the practices page offers: where the caller starts (the organization's top for an admin) and
 * every unit below it that has units of its own (a team alone is one unit: nothing to compare), indented.
 */
export function practiceUnits(access: BoardAccess, organizationName: string): PracticeUnit[] {
	const parents = new Set(access.units.map((u) => u.parentId));
	const inside = (id: string) => !access.open || access.open.has(id);
	const rows = flattenTree(access.units)
		.filter((r) => inside(r.unit.id) && parents.has(r.unit.id))
		.map((r) => ({ id: r.unit.id, name: r.unit.name, depth: r.depth }));
	if (access.open) {
		if (!rows.length) return [];
		const top = Math.min(...rows.map((r) => r.depth));
		return rows.map((r) => ({ ...r, depth: r.depth - top }));
	}
	return [{ id: ORGANIZATION, name: organizationName, depth: 0 }, ...rows.map((r) => ({ ...r, depth: r.depth + 1 }))];
}
