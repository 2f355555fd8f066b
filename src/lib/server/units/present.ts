import type { UnitRow } from './queries';

/** The API shape of a unit. */
export function presentUnit(u: UnitRow) {
	return {
		id: u.id,
		parentId: u.parentId,
		name: u.name,
		userCount: u.userCount,
		childCount: u.childCount,
		createdAt: u.createdAt.toISOString(),
		attributes: u.attributes
	};
}
