import type { UserRow } from './queries';

/** The API shape of a user. */
export function presentUser(u: UserRow) {
	return {
		id: u.id,
		name: u.name,
		email: u.email,
		language: u.language,
		unitId: u.unitId,
		jobRole: u.jobRole,
		access: u.access,
		scopeUnitId: u.scopeUnitId,
		createdAt: u.createdAt.toISOString(),
		updatedAt: u.updatedAt.toISOString()
	};
}
