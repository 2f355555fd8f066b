import { db, type Db } from '$lib/server/db';
import { generateToken, hashToken } from './tokens';
import type { Actor, Membership } from './actor';
import { findMembership, maySignIn } from './memberships';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_DAYS = 30;
export const SESSION_COOKIE = 'sos_session';

export async function createSession(
	opts: { accountId: string; organizationId: string | null; ssoOrganizationId?: string | null },
	executor: Db = db()
): Promise<{ token: string; expiresAt: Date }> {
	const token = generateToken();
	const expiresAt = new Date(Date.now() + SESSION_DAYS * DAY);
	await executor
		.insertInto('sessions')
		.values({
			id: hashToken(token),
			account_id: opts.accountId,
			organization_id: opts.organizationId,
			sso_organization_id: opts.ssoOrganizationId ?? null,
			expires_at: expiresAt
		})
		.execute();
	return { token, expiresAt };
}

/**
 * Resolves a session token to an actor. Expired sessions are deleted; sessions past half their
 * life are extended (sliding expiry). Membership is re-read on every request so that access
 * changes and removals take effect at once.
 */
export async function validateSession(token: string, executor: Db = db()): Promise<{ actor: Actor; renewedUntil: Date | null } | null> {
	const id = hashToken(token);
	const row = await executor
		.selectFrom('sessions')
		.innerJoin('accounts', 'accounts.id', 'sessions.account_id')
		.select([
			'sessions.id',
			'sessions.expires_at',
			'sessions.organization_id',
			'sessions.sso_organization_id',
			'accounts.id as account_id',
			'accounts.email',
			'accounts.is_operator'
		])
		.where('sessions.id', '=', id)
		.executeTakeFirst();
	if (!row) return null;
	// A single sign-on session stays in its organization (switchSessionOrganization keeps it there).
	const sso = row.sso_organization_id;
	if (row.expires_at.getTime() <= Date.now() || (sso && row.organization_id !== sso)) {
		await executor.deleteFrom('sessions').where('id', '=', id).execute();
		return null;
	}
	let renewedUntil: Date | null = null;
	if (row.expires_at.getTime() - Date.now() < (SESSION_DAYS / 2) * DAY) {
		renewedUntil = new Date(Date.now() + SESSION_DAYS * DAY);
		await executor.updateTable('sessions').set({ expires_at: renewedUntil }).where('id', '=', id).execute();
	}
	const membership: Membership | null = row.organization_id ? await findMembership({ email: row.email, organizationId: row.organization_id }, executor) : null;
	// No organization chosen yet (someone in several chooses after signing in) is fine while they still
	// have access somewhere; a session whose organization membership is gone is over.
	if (!membership && !row.is_operator && (row.organization_id || !(await maySignIn(row.email, executor)))) return null;
	return {
		actor: {
			accountId: row.account_id,
			email: row.email,
			isOperator: row.is_operator && !sso,
			membership,
			via: 'session',
			label: row.email,
			ssoOrganizationId: sso
		},
		renewedUntil
	};
}

export async function switchSessionOrganization(token: string, organizationId: string | null, executor: Db = db()): Promise<void> {
	await executor
		.updateTable('sessions')
		.set({ organization_id: organizationId })
		.where('id', '=', hashToken(token))
		.where((eb) => eb.or([eb('sso_organization_id', 'is', null), eb('sso_organization_id', '=', organizationId)]))
		.execute();
}

export async function invalidateSession(token: string, executor: Db = db()): Promise<void> {
	await executor.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

export async function invalidateAccountSessions(accountId: string, executor: Db = db()): Promise<void> {
	await executor.deleteFrom('sessions').where('account_id', '=', accountId).execute();
}
