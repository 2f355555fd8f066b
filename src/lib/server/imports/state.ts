import { db, type Db } from '$lib/server/db';
import { NotFoundError } from '$lib/server/errors';
import { unitPathKey } from './text';
import type { ExistingUser } from './types';
import type { JobRoles } from './values';
import { importJobRoles } from './job-roles';

/** What validation needs to know about one organization, read in one go. */
export interface ImportState {
	levels: string[];
	existingUsers: Map<string, ExistingUser>;
	existingUnitPaths: string[][];
	/** Unit id by unitPathKey(path). */
	unitIdByKey: Map<string, string>;
	/** Units' attributes (unit_ columns) by unitPathKey(path), for units that have any. */
	existingUnitAttributes: Map<string, Record<string, string>>;
	jobRoles: JobRoles;
}

interface UnitRow {
	id: string;
	parent_id: string | null;
	name: string;
	attributes: Record<string, string>;
}

/** Each unit's path of names from the top level down, by unit id. */
export function unitPaths(units: Pick<UnitRow, 'id' | 'parent_id' | 'name'>[]): Map<string, string[]> {
	const byId = new Map(units.map((u) => [u.id, u]));
	const paths = new Map<string, string[]>();
	const pathOf = (id: string, depth: number): string[] => {
		const known = paths.get(id);
		if (known) return known;
		const unit = byId.get(id);
		if (!unit || depth > 64) return [];
		const path = unit.parent_id ? [...pathOf(unit.parent_id, depth + 1), unit.name] : [unit.name];
		paths.set(id, path);
		return path;
	};
	for (const u of units) pathOf(u.id, 0);
	return paths;
}

export async function loadImportState(opts: { organizationId: string }, executor: Db = db()): Promise<ImportState> {
	const { organizationId } = opts;
	const org = await executor.selectFrom('organizations').select('level_names').where('id', '=', organizationId).executeTakeFirst();
	if (!org) throw new NotFoundError('organization');
	const units = await executor.selectFrom('units').select(['id', 'parent_id', 'name', 'attributes']).where('organization_id', '=', organizationId).execute();
	const users = await executor
		.selectFrom('users')
		.select(['id', 'name', 'email', 'language', 'unit_id', 'job_role', 'access', 'scope_unit_id'])
		.where('organization_id', '=', organizationId)
		.execute();

	const paths = unitPaths(units);
	const unitIdByKey = new Map<string, string>();
	for (const [id, path] of paths) unitIdByKey.set(unitPathKey(path), id);
	const existingUnitAttributes = new Map<string, Record<string, string>>();
	for (const u of units) if (Object.keys(u.attributes).length > 0) existingUnitAttributes.set(unitPathKey(paths.get(u.id) ?? []), u.attributes);
	const existingUsers = new Map<string, ExistingUser>();
	for (const u of users) {
		existingUsers.set(u.email, {
			id: u.id,
			name: u.name,
			language: u.language,
			unitPath: u.unit_id ? (paths.get(u.unit_id) ?? null) : null,
			jobRole: u.job_role,
			access: u.access,
			scopeUnitPath: u.scope_unit_id ? (paths.get(u.scope_unit_id) ?? null) : null
		});
	}
	return {
		levels: org.level_names,
		existingUsers,
		existingUnitPaths: [...paths.values()],
		unitIdByKey,
		existingUnitAttributes,
		jobRoles: await importJobRoles()
	};
}
