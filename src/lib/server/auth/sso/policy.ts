import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import { domainOf } from './claims';

/**
 * Home realm discovery: the organization whose single sign-on covers an email's domain. Like
 * memberships.ts this looks across organizations, by domain only, and tells the sign-in page nothing
 * about the person: only whether their domain signs in elsewhere and whether that is required.
 */
export async function findSsoForEmail(email: string, executor: Db = db()): Promise<{ organizationId: string; requireSso: boolean } | null> {
	const domain = domainOf(email);
	if (!domain) return null;
	const r = await executor
		.selectFrom('sso_connections')
		.select(['organization_id', 'require_sso'])
		.where(sql<boolean>`domains @> ARRAY[${domain}]::text[]`)
		.executeTakeFirst();
	return r ? { organizationId: r.organization_id, requireSso: r.require_sso } : null;
}

/**
 * True when this person may not sign in with a password or an email link: a member of an organization
 * that requires single sign-on, and not its break-glass admin (who must still be an admin there).
 * Someone in several organizations is held to the strictest: a session can move between them.
 */
export async function ssoRequiredFor(email: string, executor: Db = db()): Promise<boolean> {
	const row = await executor
		.selectFrom('users')
		.innerJoin('sso_connections', 'sso_connections.organization_id', 'users.organization_id')
		.select('users.organization_id')
		.where('users.email', '=', email.trim().toLowerCase())
		.where('users.access', 'in', ['participant', 'viewer', 'admin'])
		.where('sso_connections.require_sso', '=', true)
		.where((eb) =>
			eb.or([
				eb('sso_connections.break_glass_user_id', 'is', null),
				eb('sso_connections.break_glass_user_id', '!=', eb.ref('users.id')),
				eb('users.access', '!=', 'admin')
			])
		)
		.executeTakeFirst();
	return !!row;
}
