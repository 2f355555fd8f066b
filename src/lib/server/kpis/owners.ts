import { db, type Db } from '$lib/server/db';
import { ValidationError } from '$lib/server/errors';
import type { KpiSet } from '$lib/kpis/definition';

/** Who may own a KPI: the organization's viewers and admins (they may sign in and open the board). */
const OWNER_ACCESS = ['viewer', 'admin'] as const;

export interface KpiOwnerOption {
	email: string;
	name: string;
}

/** The people who may own a KPI, by name (at most 1000), for a select. */
export async function kpiOwnerOptions(opts: { organizationId: string }, executor: Db = db()): Promise<KpiOwnerOption[]> {
	return executor
		.selectFrom('users')
		.select(['email', 'name'])
		.where('organization_id', '=', opts.organizationId)
		.where('access', 'in', OWNER_ACCESS)
		.orderBy('name')
		.orderBy('email')
		.limit(1000)
		.execute();
}

/**
 * The owner each definition of a set names, as a user id by its position in the set (null: no owner);
 * a definition without `owner` is left out (its owner stays). An email that is not one of the
 * organization's viewers or admins is an error on that definition's owner.
 */
export async function kpiOwnerIds(organizationId: string, set: KpiSet, executor: Db = db()): Promise<Map<number, string | null>> {
	const emails = [...new Set(set.flatMap((d) => (d.owner ? [d.owner] : [])))];
	const found = emails.length
		? await executor
				.selectFrom('users')
				.select(['id', 'email'])
				.where('organization_id', '=', organizationId)
				.where('email', 'in', emails)
				.where('access', 'in', OWNER_ACCESS)
				.execute()
		: [];
	const idOf = new Map(found.map((u) => [u.email, u.id]));
	const out = new Map<number, string | null>();
	const problems: { path: string; message: string }[] = [];
	set.forEach((d, i) => {
		if (d.owner === undefined) return;
		const id = d.owner === null ? null : idOf.get(d.owner);
		if (id === undefined) problems.push({ path: `${i}.owner`, message: 'Not a viewer or an admin of this organization' });
		else out.set(i, id);
	});
	if (problems.length) throw new ValidationError(problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
	return out;
}
