import { db, type Db } from '$lib/server/db';
import type { Membership } from './actor';

/**
 * Sign-in identity is an email address; an organization membership is a user row with that email.
 * Participants sign in too (by e-mail link), to their home and their own KPI figures only: see
 * http/participants.ts. This is the one place that looks across organizations by email,
 * and it only ever serves the signed-in person their own memberships. A deactivated person (SCIM
 * provisioning) has no membership: they cannot sign in, and their sessions end.
 */
function membershipQuery(email: string, executor: Db = db()) {
	return executor
		.selectFrom('users')
		.innerJoin('organizations', 'organizations.id', 'users.organization_id')
		.select([
			'users.organization_id as organizationId',
			'organizations.name as organizationName',
			'organizations.is_demo as isDemo',
			'users.id as userId',
			'users.name',
			'users.access',
			'users.scope_unit_id as scopeUnitId',
			'users.language'
		])
		.where('users.email', '=', email)
		.where('users.access', 'in', ['participant', 'viewer', 'admin'])
		.where('users.deactivated_at', 'is', null);
}

export async function listMemberships(email: string, executor: Db = db()): Promise<Membership[]> {
	return membershipQuery(email, executor).orderBy('organizations.name').execute();
}

export async function findMembership(opts: { email: string; organizationId: string }, executor: Db = db()): Promise<Membership | null> {
	const row = await membershipQuery(opts.email, executor).where('users.organization_id', '=', opts.organizationId).executeTakeFirst();
	return row ?? null;
}

/** True when the email may sign in at all: an operator or a member of an organization. */
export async function maySignIn(email: string, executor: Db = db()): Promise<boolean> {
	const op = await executor.selectFrom('accounts').select('id').where('email', '=', email).where('is_operator', '=', true).executeTakeFirst();
	if (op) return true;
	return (await membershipQuery(email, executor).executeTakeFirst()) !== undefined;
}
