import type { Db } from '$lib/server/db';
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
export async function changePassword(db: Db, opts: { actor: Actor; current: string; password: string; keepSession?: string | null }): Promise<void> {
	if (!opts.actor.accountId) throw new ForbiddenError();
	const password = parse(fields.password, opts.password);
	await hitRateLimit(db, `password:${opts.actor.accountId}`, 10, 900);
	const acc = await db.selectFrom('accounts').select('password_hash').where('id', '=', opts.actor.accountId).executeTakeFirstOrThrow();
	if (acc.password_hash && !(await verifyPassword(acc.password_hash, opts.current))) throw new WrongPasswordError();
	await db.updateTable('accounts').set({ password_hash: await hashPassword(password) }).where('id', '=', opts.actor.accountId).execute();
	// Other devices and any outstanding sign-in or reset links stop working.
	let others = db.deleteFrom('sessions').where('account_id', '=', opts.actor.accountId);
	if (opts.keepSession) others = others.where('id', '!=', hashToken(opts.keepSession));
	await others.execute();
	await db.deleteFrom('one_time_tokens').where('account_id', '=', opts.actor.accountId).where('used_at', 'is', null).execute();
	await recordAudit(db, { organizationId: opts.actor.membership?.organizationId ?? null, actor: opts.actor.label, action: 'password_changed', target: opts.actor.email });
}

export async function hasPassword(db: Db, opts: { accountId: string }): Promise<boolean> {
	const acc = await db.selectFrom('accounts').select('password_hash').where('id', '=', opts.accountId).executeTakeFirst();
	return !!acc?.password_hash;
}
