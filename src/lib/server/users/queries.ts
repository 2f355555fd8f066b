import { db, type Db } from '$lib/server/db';
import type { Access, JobRole, Language } from '$lib/server/db/schema';
import { NotFoundError } from '$lib/server/errors';
import { isUuid } from '$lib/server/validation';
import { containsPattern } from '$lib/server/db/like';

export interface UserRow {
	id: string;
	name: string;
	email: string;
	language: Language;
	unitId: string | null;
	jobRole: JobRole | null;
	access: Access;
	scopeUnitId: string | null;
	createdAt: Date;
	updatedAt: Date;
	/** When the person was deactivated (by SCIM provisioning): they keep their history but cannot sign in and are not invited. */
	deactivatedAt: Date | null;
	/** The identity provider's id for the person (SCIM externalId), when provisioned. */
	externalId: string | null;
}

/** The columns of a UserRow, for queries in other modules that return people. */
export const userColumns = [
	'id',
	'name',
	'email',
	'language',
	'unit_id as unitId',
	'job_role as jobRole',
	'access',
	'scope_unit_id as scopeUnitId',
	'created_at as createdAt',
	'updated_at as updatedAt',
	'deactivated_at as deactivatedAt',
	'external_id as externalId'
] as const;

export interface UserFilter {
	organizationId: string;
	search?: string;
	unitId?: string;
	access?: Access;
	limit?: number;
	offset?: number;
}

/** A page of users, filtered, sorted by name, with the total count for paging. */
export async function listUsers(f: UserFilter, executor: Db = db()): Promise<{ users: UserRow[]; total: number }> {
	let q = executor.selectFrom('users').where('organization_id', '=', f.organizationId);
	// NUL cannot be stored (names refuse it) and makes PostgreSQL fail: it is simply not searched for.
	const search = f.search?.replaceAll('\u0000', '');
	if (search) {
		const like = containsPattern(search);
		q = q.where((eb) => eb.or([eb('name', 'ilike', like), eb('email', 'ilike', like)]));
	}
	if (f.unitId) q = q.where('unit_id', '=', f.unitId);
	if (f.access) q = q.where('access', '=', f.access);
	const [users, count] = await Promise.all([
		q
			.select(userColumns)
			.orderBy('name')
			.orderBy('email')
			.limit(f.limit ?? 50)
			.offset(f.offset ?? 0)
			.execute(),
		q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { users, total: Number(count.n) };
}

export async function getUser(opts: { organizationId: string; userId: string }, executor: Db = db()): Promise<UserRow> {
	if (!isUuid(opts.userId)) throw new NotFoundError('user');
	const row = await executor
		.selectFrom('users')
		.select(userColumns)
		.where('organization_id', '=', opts.organizationId)
		.where('id', '=', opts.userId)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('user');
	return row;
}

export async function countUsers(opts: { organizationId: string }, executor: Db = db()) {
	const r = await executor
		.selectFrom('users')
		.select((eb) => [
			eb.fn.countAll<number>().as('total'),
			eb.fn.count<number>('id').filterWhere('access', '=', 'admin').as('admins'),
			eb.fn.count<number>('id').filterWhere('access', '=', 'viewer').as('viewers')
		])
		.where('organization_id', '=', opts.organizationId)
		.executeTakeFirstOrThrow();
	return { total: Number(r.total), admins: Number(r.admins), viewers: Number(r.viewers) };
}
