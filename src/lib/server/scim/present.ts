import type { UserRow } from '$lib/server/users/queries';
import type { ScimSettings } from './settings';
import { CORE_URN, ENTERPRISE_URN } from './patch';

export const LIST_URN = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** What SOS answers for a person: the attributes it keeps, with the mapped unit path where it is an enterprise attribute. */
export function presentScimUser(u: UserRow, opts: { origin: string; settings: ScimSettings; unitPath: string[] | null }) {
	const mapped =
		opts.settings.unitAttribute !== 'none' && opts.unitPath ? { [ENTERPRISE_URN]: { [opts.settings.unitAttribute]: opts.unitPath.join('/') } } : {};
	return {
		schemas: mapped[ENTERPRISE_URN] ? [CORE_URN, ENTERPRISE_URN] : [CORE_URN],
		id: u.id,
		...(u.externalId ? { externalId: u.externalId } : {}),
		userName: u.email,
		name: { formatted: u.name },
		displayName: u.name,
		active: u.deactivatedAt === null,
		emails: [{ value: u.email, type: 'work', primary: true }],
		preferredLanguage: u.language,
		...mapped,
		meta: {
			resourceType: 'User',
			created: u.createdAt.toISOString(),
			lastModified: u.updatedAt.toISOString(),
			location: `${opts.origin}/scim/v2/Users/${u.id}`
		}
	};
}
export type ScimUser = ReturnType<typeof presentScimUser>;
