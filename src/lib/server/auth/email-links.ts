import type { Db } from '$lib/server/db';
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
export async function requestEmailLink(db: Db, opts: { kind: Kind; email: string; origin: string; ip: string | null }): Promise<{ sent: Promise<void> }> {
	const email = opts.email.trim().toLowerCase();
	try {
		await hitRateLimit(db, `link:email:${email}`, 5, 900);
		if (opts.ip) await hitRateLimit(db, `link:ip:${opts.ip}`, 30, 900);
	} catch (err) {
		if (err instanceof RateLimitRefusal) await auditRefusal(db, { email, ip: opts.ip, refusal: err, details: { kind: opts.kind } });
		throw err;
	}
	// Everything else happens after the answer, so that it takes as long for an unknown address as for a known one.
	// `sent` settles when that work is done (tests wait for it; the page does not).
	const sent = sendLinkIfAllowed(db, { kind: opts.kind, email, origin: opts.origin }).catch((err) =>
		console.error(`[email] could not send the ${opts.kind.replace('_', ' ')} email:`, err instanceof Error ? err.message : err)
	);
	return { sent };
}

async function sendLinkIfAllowed(db: Db, opts: { kind: Kind; email: string; origin: string }): Promise<void> {
	const { kind, email } = opts;
	if (!(await maySignIn(db, email))) return;
	const minutes = LIFETIME_MINUTES[kind];
	const link = await issueEmailLink(db, { kind, email, origin: opts.origin, minutes });
	const account = await db.selectFrom('accounts').select('language').where('email', '=', email).executeTakeFirstOrThrow();
	const language: Language = (await listMemberships(db, email))[0]?.language ?? account.language;
	const build = kind === 'magic_link' ? signInLinkEmail : passwordResetEmail;
	await sendEmail({ to: email, link, ...build(language, { link, minutes }) });
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
	await auditAccountEvent(db, { email, action: 'sign_in', organizationIds: memberships.map((m) => m.organizationId), ip: opts.ip, details: { method: 'email_link' } });
	await db.updateTable('accounts').set({ last_sign_in_at: new Date() }).where('id', '=', accountId).execute();
	return { accountId, organizationId: memberships.length === 1 ? memberships[0].organizationId : null };
}

export async function resetPassword(db: Db, opts: { token: string; password: string; ip: string | null }) {
	const { accountId, email } = await consume(db, 'password_reset', opts.token);
	await db.updateTable('accounts').set({ password_hash: await hashPassword(opts.password) }).where('id', '=', accountId).execute();
	await invalidateAccountSessions(db, accountId);
	await db.deleteFrom('one_time_tokens').where('account_id', '=', accountId).where('used_at', 'is', null).execute();
	const memberships = await listMemberships(db, email);
	await auditAccountEvent(db, { email, action: 'password_reset', organizationIds: memberships.map((m) => m.organizationId), ip: opts.ip });
}
