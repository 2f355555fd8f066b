import { groupNames, knownGroups } from '$lib/server/models/registry';
import { fields } from '$lib/server/validation';
import { jobRoleWords, type JobRoles } from './values';

/** The job roles an import accepts: the groups the models know, by key or by name in any language SOS speaks. */
export async function importJobRoles(): Promise<JobRoles> {
	const [keys, names] = await Promise.all([knownGroups(), Promise.all(fields.language.options.map((l) => groupNames(l)))]);
	return jobRoleWords(keys, names);
}
