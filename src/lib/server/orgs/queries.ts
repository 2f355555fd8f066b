import { db, type Db } from '$lib/server/db';
import { containsPattern } from '$lib/server/db/like';

/** The organization's country code (e.g. 'SE'), null when it has none or does not exist. */
export async function organizationCountry(opts: { organizationId: string }, executor: Db = db()): Promise<string | null> {
	const org = await executor.selectFrom('organizations').select('country').where('id', '=', opts.organizationId).executeTakeFirst();
	return org?.country ?? null;
}

/**
 * The operator's list of organizations: customers first, then the generated demo organizations, each by
 * name; `search` keeps those whose name contains it (case-insensitive). Deleted organizations are not listed.
 */
export async function listOrganizations(opts: { search?: string } = {}, executor: Db = db()) {
	let q = executor.selectFrom('organizations as o').where('o.deleted_at', 'is', null);
	// NUL cannot be stored in a name and makes PostgreSQL fail: it is simply not searched for.
	const search = opts.search?.replaceAll('\u0000', '').trim();
	if (search) q = q.where('o.name', 'ilike', containsPattern(search));
	return q
		.select((eb) => [
			'o.id',
			'o.name',
			'o.industry',
			'o.country',
			'o.size_band as sizeBand',
			'o.sales_model as salesModel',
			'o.is_demo as isDemo',
			'o.created_at as createdAt',
			'o.deletion_due_at as deletionDueAt',
			eb.selectFrom('users').whereRef('users.organization_id', '=', 'o.id').select(eb.fn.countAll<number>().as('n')).as('userCount')
		])
		.orderBy('o.is_demo')
		.orderBy('o.name')
		.execute();
}
