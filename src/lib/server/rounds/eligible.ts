import { db, type Db } from '$lib/server/db';
import { getModel } from '$lib/server/models/registry';

/**
 * The eligible-participant rule, in one place: a person can be invited to a round only with a unit and a
 * job role that is one of the round's model's respondent groups (`groups`), since results are placed by
 * both, and only while active (a deactivated person is never invited). Every query that chooses or counts possible participants starts from this one.
 */
export function eligibleUsers(organizationId: string, groups: readonly string[], executor: Db = db()) {
	return executor
		.selectFrom('users')
		.where('organization_id', '=', organizationId)
		.where('deactivated_at', 'is', null)
		.where('unit_id', 'is not', null)
		.where('job_role', 'in', groups.length ? [...groups] : ['']); // a model has at least one group; '' is no key
}

/** The respondent groups of a model version (a round's `model_id`, `model_version`): whom its rounds invite. */
export async function modelGroups(model: { id: string; version: string }): Promise<string[]> {
	return (await getModel(model.id, model.version)).structure.groups;
}

/** How many eligible people each unit has directly (not counting the units below it). */
export async function eligibleCountsByUnit(opts: { organizationId: string; groups: readonly string[] }, executor: Db = db()): Promise<Map<string, number>> {
	const rows = await eligibleUsers(opts.organizationId, opts.groups, executor)
		.select((eb) => ['unit_id', eb.fn.countAll<number>().as('n')])
		.groupBy('unit_id')
		.execute();
	return new Map(rows.map((c) => [c.unit_id!, Number(c.n)]));
}

/** The eligible people by name, with their unit. */
export async function listEligiblePeople(
	opts: { organizationId: string; groups: readonly string[] },
	executor: Db = db()
): Promise<{ id: string; name: string; unitId: string; jobRole: string }[]> {
	const rows = await eligibleUsers(opts.organizationId, opts.groups, executor).select(['id', 'name', 'unit_id', 'job_role']).orderBy('name').execute();
	return rows.map((p) => ({ id: p.id, name: p.name, unitId: p.unit_id!, jobRole: p.job_role! }));
}
