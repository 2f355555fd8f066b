import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import { NotFoundError } from '$lib/server/errors';

export interface UnitRow {
	id: string;
	parentId: string | null;
	name: string;
	userCount: number;
	childCount: number;
	createdAt: Date;
	/** The import's unit_ columns: key → value. */
	attributes: Record<string, string>;
}

export async function listUnits(opts: { organizationId: string }, executor: Db = db()): Promise<UnitRow[]> {
	return executor
		.selectFrom('units as u')
		.select([
			'u.id',
			'u.parent_id as parentId',
			'u.name',
			'u.created_at as createdAt',
			'u.attributes',
			sql<number>`(SELECT count(*) FROM users WHERE users.organization_id = u.organization_id AND users.unit_id = u.id)::int`.as('userCount'),
			sql<number>`(SELECT count(*) FROM units c WHERE c.organization_id = u.organization_id AND c.parent_id = u.id)::int`.as('childCount')
		])
		.where('u.organization_id', '=', opts.organizationId)
		.orderBy('u.name')
		.execute();
}

export async function getUnit(opts: { organizationId: string; unitId: string }, executor: Db = db()): Promise<UnitRow> {
	const all = await listUnits(opts, executor);
	const unit = all.find((u) => u.id === opts.unitId);
	if (!unit) throw new NotFoundError('unit');
	return unit;
}

export async function getLevelNames(opts: { organizationId: string }, executor: Db = db()): Promise<string[]> {
	const org = await executor.selectFrom('organizations').select('level_names').where('id', '=', opts.organizationId).executeTakeFirstOrThrow();
	return org.level_names;
}

/** How many units the organization has. */
export async function countUnits(opts: { organizationId: string }, executor: Db = db()): Promise<number> {
	const row = await executor
		.selectFrom('units')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('organization_id', '=', opts.organizationId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The names of the given units, in the given order (units that no longer exist are left out). */
export async function listUnitNames(opts: { organizationId: string; unitIds: string[] }, executor: Db = db()): Promise<string[]> {
	const names = await executor.selectFrom('units').select(['id', 'name']).where('organization_id', '=', opts.organizationId).execute();
	const byId = new Map(names.map((u) => [u.id, u.name]));
	return opts.unitIds.map((id) => byId.get(id)).filter((n): n is string => !!n);
}

/** Every unit's attributes (the import's unit_ columns) that has any: unit id → key → value. */
export async function listUnitAttributes(opts: { organizationId: string }, executor: Db = db()): Promise<Map<string, Record<string, string>>> {
	const rows = await executor
		.selectFrom('units')
		.select(['id', 'attributes'])
		.where('organization_id', '=', opts.organizationId)
		.where(sql<boolean>`attributes <> '{}'::jsonb`)
		.execute();
	return new Map(rows.map((r) => [r.id, r.attributes]));
}

/** The attribute keys the organization's units carry, sorted. */
export async function listAttributeKeys(opts: { organizationId: string }, executor: Db = db()): Promise<string[]> {
	const rows = await sql<{ key: string }>`
		SELECT DISTINCT jsonb_object_keys(attributes) AS key FROM units WHERE organization_id = ${opts.organizationId}::uuid ORDER BY key`.execute(executor);
	return rows.rows.map((r) => r.key);
}
