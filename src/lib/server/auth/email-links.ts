import { db, type Db } from '$lib/server/db';
import { hashToken } from './tokens';
import { issueEmailLink } from './issue-link';
import { hitRateLimit, RateLimitRefusal } from './rate-limit';
import { maySignIn, listMemberships } from './memberships';
import { hashPassword } from './passwords';
import { invalidateAccountSessions } from './sessions';
import { auditAccountEvent, auditRefusal } from './audit-account';
import { sendEmail } from '$lib/server/email/send';
import { signInLinkEmail, passwordResetEmail } from '$lib/server/email/templates';
import { DomainError } from '$lib/server/errors';
import type { Language } from '$lib/server/db/schema';
import { ssoRequiredFor } from './sso/policy';
import { SsoError } from './sso/errors';

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
export async function requestEmailLink(
	opts: { kind: Kind; email: string; origin: string; ip: string | null },
	executor: Db = db()
): Promise<{ sent: Promise<void> }> {
	const email = opts.email.trim().toLowerCase();
	try {
		await hitRateLimit(`link:email:${email}`, 5, 900, executor);
		if (opts.ip) await hitRateLimit(`link:ip:${opts.ip}`, 30, 900, executor);
	} catch (err) {
		if (err instanceof RateLimitRefusal) await auditRefusal({ email, ip: opts.ip, refusal: err, details: { kind: opts.kind } }, executor);
		throw err;
	}
	// Everything else happens after the answer, so that it takes as long for an unknown address as for a known one.
	// `sent` settles when that work is done (tests wait for it; the page does not).
	const sent = sendLinkIfAllowed({ kind: opts.kind, email, origin: opts.origin }, executor).catch((err) =>
		console.error(`[email] could not send the ${opts.kind.replace('_', ' ')} email:`, err instanceof Error ? err.message : err)
	);
	return { sent };
}

async function sendLinkIfAllowed(opts: { kind: Kind; email: string; origin: string }, executor: Db = db()): Promise<void> {
	const { kind, email } = opts;
	if (!(await maySignIn(email, executor))) return;
	// Where single sign-on is required no sign-in link is sent (a password reset still is: the password is the break-glass admin's way in).
	if (kind === 'magic_link' && (await ssoRequiredFor(email, executor))) return;
	const minutes = LIFETIME_MINUTES[kind];
	const link = await issueEmailLink({ kind, email, origin: opts.origin, minutes }, executor);
	const account = await executor.selectFrom('accounts').select('language').where('email', '=', email).executeTakeFirstOrThrow();
	const language: Language = (await listMemberships(email, executor))[0]?.language ?? account.language;
	const build = kind === 'magic_link' ? signInLinkEmail : passwordResetEmail;
	await sendEmail({ to: email, link, ...build(language, { link, minutes }) });
}

/** Marks the token used and returns its account; fails alike for unknown, used and expired tokens. */
async function consume(kind: Kind, token: string, executor: Db = db()): Promise<{ accountId: string; email: string }> {
	const row = await executor
		.updateTable('one_time_tokens')
		.set({ used_at: new Date() })
		.where('id', '=', hashToken(token))
		.where('kind', '=', kind)
		.where('used_at', 'is', null)
		.where('expires_at', '>', new Date())
		.returning('account_id')
		.executeTakeFirst();
	if (!row) throw new InvalidLinkError();
	const acc = await executor.selectFrom('accounts').select(['id', 'email']).where('id', '=', row.account_id).executeTakeFirstOrThrow();
	return { accountId: acc.id, email: acc.email };
}

/** Whether a link token is still usable, without consuming it (for the confirm page). */
export async function isLinkUsable(kind: Kind, token: string, executor: Db = db()): Promise<boolean> {
	if (!/^[a-z2-7]{20,64}$/.test(token)) return false;
	const row = await executor
		.selectFrom('one_time_tokens')
		.select('id')
		.where('id', '=', hashToken(token))
		.where('kind', '=', kind)
		.where('used_at', 'is', null)
		.where('expires_at', '>', new Date())
		.executeTakeFirst();
	return !!row;
}

export async function signInWithLink(opts: { token: string; ip: string | null }, executor: Db = db()) {
	const { accountId, email } = await consume('magic_link', opts.token, executor);
	const memberships = await listMemberships(email, executor);
	if (await ssoRequiredFor(email, executor)) {
		await auditAccountEvent(
			{
				email,
				action: 'sign_in_failed',
				organizationIds: memberships.map((m) => m.organizationId),
				ip: opts.ip,
				details: { method: 'email_link', reason: 'sso_required' }
			},
			executor
		);
		throw new SsoError('sso_required');
	}
	await auditAccountEvent(
		{ email, action: 'sign_in', organizationIds: memberships.map((m) => m.organizationId), ip: opts.ip, details: { method: 'email_link' } },
		executor
	);
	await executor.updateTable('accounts').set({ last_sign_in_at: new Date() }).where('id', '=', accountId).execute();
	return { accountId, organizationId: memberships.length === 1 ? memberships[0].organizationId : null };
}

export async function resetPassword(opts: { token: string; password: string; ip: string | null }, executor: Db = db()) {
	const { accountId, email } = await consume('password_reset', opts.token, executor);
	await executor
		.updateTable('accounts')
		.set({ password_hash: await hashPassword(opts.password) })
		.where('id', '=', accountId)
		.execute();
	await invalidateAccountSessions(accountId, executor);
	await executor.deleteFrom('one_time_tokens').where('account_id', '=', accountId).where('used_at', 'is', null).execute();
	const memberships = await listMemberships(email, executor);
	await auditAccountEvent({ email, action: 'password_reset', organizationIds: memberships.map((m) => m.organizationId), ip: opts.ip }, executor);
}
