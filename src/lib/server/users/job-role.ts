import { ValidationError } from '$lib/server/errors';
import { groupNames, knownGroups } from '$lib/server/models/registry';

export interface JobRoleChoice {
	key: string;
	/** The group's name for one person, in the language asked for. */
	name: string;
}

/** The job roles a person may have: the respondent groups the models know, with their names in `language`. */
export async function jobRoleChoices(language: string): Promise<JobRoleChoice[]> {
	const [keys, names] = await Promise.all([knownGroups(), groupNames(language)]);
	return keys.map((key) => ({ key, name: names[key]?.one ?? key }));
}

/** "sales_person (Sales person), sales_manager (Sales manager)": the known groups, for messages. */
export async function describeJobRoles(): Promise<string> {
	return (await jobRoleChoices('en')).map((c) => (c.name === c.key ? c.key : `${c.key} (${c.name})`)).join(', ');
}

/**
 * A job role must be one of the groups the models know (a user's role decides which rounds invite them).
 * Null (no role) is allowed; anything else unknown is a ValidationError at `path` naming the known groups.
 */
export async function assertKnownJobRole(jobRole: string | null | undefined, path = 'jobRole'): Promise<void> {
	if (jobRole === null || jobRole === undefined || (await knownGroups()).includes(jobRole)) return;
	const message = `'${jobRole}' is not a respondent group of the models. Use one of: ${await describeJobRoles()}.`;
	throw new ValidationError(`${path}: ${message}`, [{ path, message }]);
}
