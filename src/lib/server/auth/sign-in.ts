import type { Db } from '$lib/server/db';
import { hitRateLimit, clearRateLimit } from './rate-limit';
import { burnPasswordCheck, verifyPassword } from './passwords';
import { listMemberships } from './memberships';
import { auditAccountEvent } from './audit-account';
import { DomainError } from '$lib/server/errors';

export class InvalidCredentialsError extends DomainError {
	constructor() {
		// One message for unknown email, wrong password and no access: no account enumeration.
		super('invalid_credentials', 'That email and password do not match an account with access.');
	}
}

export interface SignedIn {
	accountId: string;
	organizationId: string | null;
	organizationCount: number;
}

async function auditSignIn(db: Db, email: string, action: 'sign_in' | 'sign_in_failed', ip: string | null, orgIds: string[]) {
	await auditAccountEvent(db, { email, action, organizationIds: orgIds, ip });
}

/** Rate limits: 10 attempts per account per 15 minutes, 50 per IP per 15 minutes. */
export async function enforceSignInLimits(db: Db, email: string, ip: string | null): Promise<void> {
	await hitRateLimit(db, `signin:email:${email}`, 10, 900);
	if (ip) await hitRateLimit(db, `signin:ip:${ip}`, 50, 900);
}

export async function signInWithPassword(db: Db, opts: { email: string; password: string; ip: string | null }): Promise<SignedIn> {
	const email = opts.email.trim().toLowerCase();
	await enforceSignInLimits(db, email, opts.ip);
	const account = await db.selectFrom('accounts').select(['id', 'password_hash', 'is_operator']).where('email', '=', email).executeTakeFirst();
	const memberships = await listMemberships(db, email);
	const orgIds = memberships.map((m) => m.organizationId);
	const hasAccess = !!account && (account.is_operator || memberships.length > 0);
	const ok = account?.password_hash ? await verifyPassword(account.password_hash, opts.password) : (await burnPasswordCheck(opts.password), false);
	if (!ok || !hasAccess || !account) {
		await auditSignIn(db, email, 'sign_in_failed', opts.ip, orgIds);
		throw new InvalidCredentialsError();
	}
	await clearRateLimit(db, `signin:email:${email}`);
	await db.updateTable('accounts').set({ last_sign_in_at: new Date() }).where('id', '=', account.id).execute();
	await auditSignIn(db, email, 'sign_in', opts.ip, orgIds);
	return { accountId: account.id, organizationId: memberships.length === 1 ? memberships[0].organizationId : null, organizationCount: memberships.length };
}
