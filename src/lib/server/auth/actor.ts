import type { Access, Language } from '$lib/server/db/schema';

/** The organization membership the actor is acting in. */
export interface Membership {
	organizationId: string;
	organizationName: string;
	isDemo: boolean;
	userId: string;
	name: string;
	access: Access;
	scopeUnitId: string | null;
	language: Language;
}

/** Who is making a request, resolved from a session cookie or an API token. */
export interface Actor {
	accountId: string | null;
	email: string;
	isOperator: boolean;
	membership: Membership | null;
	via: 'session' | 'api_token';
	/** A short label for the audit log. */
	label: string;
	/** A session begun by single sign-on: the organization it counts for (and no password to change). */
	ssoOrganizationId?: string | null;
}
