import { db, type Db } from '$lib/server/db';
import { hitRateLimit, clearRateLimit, isRemembered, rememberKey, RateLimitRefusal } from './rate-limit';
import { burnPasswordCheck, verifyPassword } from './passwords';
import { listMemberships } from './memberships';
import { auditAccountEvent, auditRefusal } from './audit-account';
import { DomainError } from '$lib/server/errors';
import { hashToken } from './tokens';
import { ssoRequiredFor } from './sso/policy';
import { SsoError } from './sso/errors';

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

async function auditSignIn(email: string, action: 'sign_in' | 'sign_in_failed', ip: string | null, orgIds: string[], executor: Db = db()) {
	await auditAccountEvent({ email, action, organizationIds: orgIds, ip }, executor);
}

const WINDOW = 15 * 60;
/** Attempts on one account from one address. */
export const PAIR_LIMIT = 10;
/** Attempts from one address, on any accounts. */
export const ADDRESS_LIMIT = 50;
/** Attempts on one account from addresses it has not signed in from lately: slows guessing from many addresses. */
export const ACCOUNT_LIMIT = 100;
/** How long an address an account signed in from counts as the owner's. */
const KNOWN_SECONDS = 30 * 24 * 3600;

const pairKey = (email: string, ip: string | null) => `signin:pair:${email}|${ip ?? '-'}`;
/** Hashed: the table does not keep a list of where each person signs in from for a month. */
const knownKey = (email: string, ip: string) => `signin:known:${hashToken(`${email}|${ip}`)}`;

/**
 * Rate limits, each per 15 minutes: 10 attempts on an account from one address, 50 from one address,
 * and 100 on an account from addresses it has not signed in from in the last 30 days. A stranger
 * failing from elsewhere thus never locks the owner out of their own address.
 */
export async function enforceSignInLimits(email: string, ip: string | null, executor: Db = db()): Promise<void> {
	await hitRateLimit(pairKey(email, ip), PAIR_LIMIT, WINDOW, executor);
	if (ip) await hitRateLimit(`signin:ip:${ip}`, ADDRESS_LIMIT, WINDOW, executor);
	if (!ip || !(await isRemembered(knownKey(email, ip), executor))) await hitRateLimit(`signin:account:${email}`, ACCOUNT_LIMIT, WINDOW, executor);
}

export async function signInWithPassword(opts: { email: string; password: string; ip: string | null }, executor: Db = db()): Promise<SignedIn> {
	const email = opts.email.trim().toLowerCase();
	try {
		await enforceSignInLimits(email, opts.ip, executor);
	} catch (err) {
		if (err instanceof RateLimitRefusal) await auditRefusal({ email, ip: opts.ip, refusal: err }, executor);
		throw err;
	}
	const account = await executor.selectFrom('accounts').select(['id', 'password_hash', 'is_operator']).where('email', '=', email).executeTakeFirst();
	const memberships = await listMemberships(email, executor);
	const orgIds = memberships.map((m) => m.organizationId);
	const hasAccess = !!account && (account.is_operator || memberships.length > 0);
	const ok = account?.password_hash ? await verifyPassword(account.password_hash, opts.password) : (await burnPasswordCheck(opts.password), false);
	if (!ok || !hasAccess || !account) {
		await auditSignIn(email, 'sign_in_failed', opts.ip, orgIds, executor);
		throw new InvalidCredentialsError();
	}
	// The right password is not enough where the organization requires single sign-on (its break-glass admin excepted).
	if (!account.is_operator && (await ssoRequiredFor(email, executor))) {
		await auditAccountEvent({ email, action: 'sign_in_failed', organizationIds: orgIds, ip: opts.ip, details: { reason: 'sso_required' } }, executor);
		throw new SsoError('sso_required');
	}
	await clearRateLimit(pairKey(email, opts.ip), executor);
	if (opts.ip) await rememberKey(knownKey(email, opts.ip), KNOWN_SECONDS, executor);
	await executor.updateTable('accounts').set({ last_sign_in_at: new Date() }).where('id', '=', account.id).execute();
	await auditSignIn(email, 'sign_in', opts.ip, orgIds, executor);
	return { accountId: account.id, organizationId: memberships.length === 1 ? memberships[0].organizationId : null, organizationCount: memberships.length };
}
