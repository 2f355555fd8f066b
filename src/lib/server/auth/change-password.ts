import { db, type Db } from '$lib/server/db';
import type { Actor } from './actor';
import { hashPassword, verifyPassword } from './passwords';
import { hitRateLimit } from './rate-limit';
import { hashToken } from './tokens';
import { recordAudit } from '$lib/server/audit/record';
import { DomainError, ForbiddenError } from '$lib/server/errors';
import { fields, parse } from '$lib/server/validation';

export class WrongPasswordError extends DomainError {
	constructor() {
		super('wrong_password', 'The current password is not right.');
	}
}

/** Sets a new password; the current one is required when the account already has one. */
export async function changePassword(
	opts: { actor: Actor; current: string; password: string; keepSession?: string | null },
	executor: Db = db()
): Promise<void> {
	if (!opts.actor.accountId) throw new ForbiddenError();
	// Signed in by single sign-on: the identity provider holds the password, and this session may not set one.
	if (opts.actor.ssoOrganizationId)
		throw new ForbiddenError('You signed in with single sign-on: your password is kept by your organization’s identity provider.');
	const password = parse(fields.password, opts.password);
	await hitRateLimit(`password:${opts.actor.accountId}`, 10, 900, executor);
	const acc = await executor.selectFrom('accounts').select('password_hash').where('id', '=', opts.actor.accountId).executeTakeFirstOrThrow();
	if (acc.password_hash && !(await verifyPassword(acc.password_hash, opts.current))) throw new WrongPasswordError();
	await executor
		.updateTable('accounts')
		.set({ password_hash: await hashPassword(password) })
		.where('id', '=', opts.actor.accountId)
		.execute();
	// Other devices and any outstanding sign-in or reset links stop working.
	let others = executor.deleteFrom('sessions').where('account_id', '=', opts.actor.accountId);
	if (opts.keepSession) others = others.where('id', '!=', hashToken(opts.keepSession));
	await others.execute();
	await executor.deleteFrom('one_time_tokens').where('account_id', '=', opts.actor.accountId).where('used_at', 'is', null).execute();
	await recordAudit(
		{ organizationId: opts.actor.membership?.organizationId ?? null, actor: opts.actor.label, action: 'password_changed', target: opts.actor.email },
		executor
	);
}

export async function hasPassword(opts: { accountId: string }, executor: Db = db()): Promise<boolean> {
	const acc = await executor.selectFrom('accounts').select('password_hash').where('id', '=', opts.accountId).executeTakeFirst();
	return !!acc?.password_hash;
}
