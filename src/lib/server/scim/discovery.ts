import { CORE_URN, ENTERPRISE_URN } from './patch';
import { LIST_URN } from './present';

const SCHEMA_URN = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

/** What SOS's SCIM service does (RFC 7643 §5): PATCH, filter (userName, externalId, id eq), no bulk, sort, etag or password change. */
export function serviceProviderConfig(origin: string) {
	return {
		schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
		patch: { supported: true },
		bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
		filter: { supported: true, maxResults: 200 },
		changePassword: { supported: false },
		sort: { supported: false },
		etag: { supported: false },
		authenticationSchemes: [
			{ type: 'oauthbearertoken', name: 'Bearer token', description: 'The organization’s SCIM token from Settings → Provisioning.', primary: true }
		],
		meta: { resourceType: 'ServiceProviderConfig', location: `${origin}/scim/v2/ServiceProviderConfig` }
	};
}

const attr = (name: string, extra: Record<string, unknown> = {}) => ({
	name,
	type: 'string',
	multiValued: false,
	required: false,
	caseExact: false,
	mutability: 'readWrite',
	returned: 'default',
	uniqueness: 'none',
	...extra
});

/** The attributes SOS reads and answers (others are accepted and not kept). */
export function schemas(origin: string) {
	const user = {
		schemas: [SCHEMA_URN],
		id: CORE_URN,
		name: 'User',
		description: 'A person in the organization',
		attributes: [
			attr('userName', { required: true, uniqueness: 'server', description: 'The person’s email address (kept in lower case).' }),
			attr('externalId', { caseExact: true }),
			attr('name', {
				type: 'complex',
				subAttributes: [attr('formatted'), attr('givenName'), attr('familyName')]
			}),
			attr('displayName'),
			attr('active', { type: 'boolean', description: 'false deactivates: no sign-in, no new invitations, not billable; history kept.' }),
			attr('emails', { type: 'complex', multiValued: true, subAttributes: [attr('value'), attr('type'), attr('primary', { type: 'boolean' })] }),
			attr('preferredLanguage'),
			attr('title', { description: 'May give the job role (Settings → Provisioning).' }),
			attr('userType', { description: 'May give the job role (Settings → Provisioning).' })
		],
		meta: { resourceType: 'Schema', location: `${origin}/scim/v2/Schemas/${CORE_URN}` }
	};
	const enterprise = {
		schemas: [SCHEMA_URN],
		id: ENTERPRISE_URN,
		name: 'EnterpriseUser',
		description: 'Enterprise User; one attribute may give the unit path, levels separated by /',
		attributes: [attr('department'), attr('division'), attr('organization'), attr('costCenter')],
		meta: { resourceType: 'Schema', location: `${origin}/scim/v2/Schemas/${ENTERPRISE_URN}` }
	};
	return [user, enterprise];
}

export function resourceTypes(origin: string) {
	return [
		{
			schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
			id: 'User',
			name: 'User',
			endpoint: '/Users',
			description: 'People',
			schema: CORE_URN,
			schemaExtensions: [{ schema: ENTERPRISE_URN, required: false }],
			meta: { resourceType: 'ResourceType', location: `${origin}/scim/v2/ResourceTypes/User` }
		}
	];
}

/** A list of discovery resources as a ListResponse. */
export function listOf(resources: unknown[]) {
	return { schemas: [LIST_URN], totalResults: resources.length, itemsPerPage: resources.length, startIndex: 1, Resources: resources };
}
