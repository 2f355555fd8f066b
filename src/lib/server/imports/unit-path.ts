import type { Transaction } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import { NotFoundError, ValidationError } from '$lib/server/errors';
import { createMissingUnits } from './apply-writes';
import { unitPaths } from './state';
import { hasControlCharacter, MAX_TEXT_LENGTH, unitPathKey } from './text';

/** The organization's level names and a unit id by unitPathKey(path), as the import sees its units. */
export async function loadUnitPaths(
	opts: { organizationId: string },
	executor: Db = db()
): Promise<{ levels: string[]; unitIdByKey: Map<string, string>; pathById: Map<string, string[]> }> {
	const org = await executor.selectFrom('organizations').select('level_names').where('id', '=', opts.organizationId).executeTakeFirst();
	if (!org) throw new NotFoundError('organization');
	const units = await executor.selectFrom('units').select(['id', 'parent_id', 'name']).where('organization_id', '=', opts.organizationId).execute();
	const pathById = unitPaths(units);
	const unitIdByKey = new Map([...pathById].map(([id, path]) => [unitPathKey(path), id]));
	return { levels: org.level_names, unitIdByKey, pathById };
}

/**
 * The unit at `path` (names from the top level down), matched as the import matches (case-insensitively)
 * and created with its missing parents as the import creates them. A path with more names than the
 * organization has levels, or a name the import would refuse, is a ValidationError at `field`. Returns the
 * unit and how many units were created.
 */
export async function ensureUnitPath(
	opts: { organizationId: string; path: readonly string[]; field: string },
	trx: Transaction<Database>
): Promise<{ unitId: string; created: number }> {
	const { levels, unitIdByKey } = await loadUnitPaths(opts, trx);
	const refuse = (message: string) => new ValidationError(`${opts.field}: ${message}`, [{ path: opts.field, message }]);
	if (opts.path.length === 0) throw refuse('A unit path needs at least one name.');
	if (opts.path.length > levels.length)
		throw refuse(`The path has ${opts.path.length} names but the organization has ${levels.length} levels (${levels.join(', ')}).`);
	for (const name of opts.path) {
		if (name.length > MAX_TEXT_LENGTH) throw refuse(`A unit name is longer than ${MAX_TEXT_LENGTH} characters.`);
		if (hasControlCharacter(name)) throw refuse('A unit name contains a line break or another control character.');
	}
	const created = await createMissingUnits(trx, { organizationId: opts.organizationId, records: [{ unitPath: [...opts.path] }], unitIdByKey });
	return { unitId: unitIdByKey.get(unitPathKey(opts.path))!, created };
}
