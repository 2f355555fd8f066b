import type { Db } from '$lib/server/db';
import { hashToken } from './tokens';
import { issueEmailLink } from './issue-link';
import { hitRateLimit } from './rate-limit';
import { maySignIn, listMemberships } from './memberships';
import { hashPassword } from './passwords';
import { invalidateAccountSessions } from './sessions';
import { recordAudit } from '$lib/server/audit/record';
import { sendEmail } from '$lib/server/email/send';
import { signInLinkEmail, passwordResetEmail } from '$lib/server/email/templates';
import { DomainError } from '$lib/server/errors';
import type { Language } from '$lib/server/db/schema';

type Kind = 'magic_link' | 'password_reset';
const LIFETIME_MINUTES: Record<Kind, number> = { magic_link: 15, password_reset: 60 };

export class InvalidLinkError extends DomainError {
	constructor() {
		super('invalid_link', 'This link is invalid or has expired. Request a new one.');
	}
}

/**
 * Emails a one-time link if the address may sign in. The caller always shows the same answer,
 * so the response never reveals whether an account exists.
 */
export async function requestEmailLink(db: Db, opts: { kind: Kind; email: string; origin: string; ip: string | null }): Promise<void> {
	const email = opts.email.trim().toLowerCase();
	await hitRateLimit(db, `link:email:${email}`, 5, 900);
	if (opts.ip) await hitRateLimit(db, `link:ip:${opts.ip}`, 30, 900);
	if (!(await maySignIn(db, email))) return;
	const minutes = LIFETIME_MINUTES[opts.kind];
	const link = await issueEmailLink(db, { kind: opts.kind, email, origin: opts.origin, minutes });
	const account = await db.selectFrom('accounts').select('language').where('email', '=', email).executeTakeFirstOrThrow();
	const language: Language = (await listMemberships(db, email))[0]?.language ?? account.language;
	const build = opts.kind === 'magic_link' ? signInLinkEmail : passwordResetEmail;
	// Not awaited: the answer must take as long for an unknown address as for a known one.
	void sendEmail({ to: email, link, ...build(language, { link, minutes }) }).catch((err) =>
		console.error(`[email] could not send the ${opts.kind.replace('_', ' ')} email:`, err instanceof Error ? err.message : err)
	);
}

/** Marks the token used and returns its account; fails alike for unknown, used and expired tokens. */
async function consume(db: Db, kind: Kind, token: string): Promise<{ accountId: string; email: string }> {
	const row = await db
		.updateTable('one_time_tokens')
		.set({ used_at: new Date() })
		.where('id', '=', hashToken(token))
		.where('kind', '=', kind)
		.where('used_at', 'is', null)
		.where('expires_at', '>', new Date())
		.returning('account_id')
		.executeTakeFirst();
	if (!row) throw new InvalidLinkError();
	const acc = await db.selectFrom('accounts').select(['id', 'email']).where('id', '=', row.account_id).executeTakeFirstOrThrow();
	return { accountId: acc.id, email: acc.email };
}

/** Whether a link token is still usable, without consuming it (for the confirm page). */
export async function isLinkUsable(db: Db, kind: Kind, token: string): Promise<boolean> {
	if (!/^[a-z2-7]{20,64}$/.test(token)) return false;
	const row = await db
		.selectFrom('one_time_tokens')
		.select('id')
		.where('id', '=', hashToken(token))
		.where('kind', '=', kind)
		.where('used_at', 'is', null)
		.where('expires_at', '>', new Date())
		.executeTakeFirst();
	return !!row;
}

export async function signInWithLink(db: Db, opts: { token: string; ip: string | null }) {
	const { accountId, email } = await consume(db, 'magic_link', opts.token);
	const memberships = await listMemberships(db, email);
	for (const m of memberships) await recordAudit(db, { organizationId: m.organizationId, actor: email, action: 'sign_in', target: email, details: { method: 'email_link' }, ip: opts.ip });
	await db.updateTable('accounts').set({ last_sign_in_at: new Date() }).where('id', '=', accountId).execute();
	return { accountId, organizationId: memberships.length === 1 ? memberships[0].organizationId : null };
}

export async function resetPassword(db: Db, opts: { token: string; password: string; ip: string | null }) {
	const { accountId, email } = await consume(db, 'password_reset', opts.token);
	await db.updateTable('accounts').set({ password_hash: await hashPassword(opts.password) }).where('id', '=', accountId).execute();
	await invalidateAccountSessions(db, accountId);
	for (const m of await listMemberships(db, email)) {
		await recordAudit(db, { organizationId: m.organizationId, actor: email, action: 'password_reset', target: email, ip: opts.ip });
	}
}
