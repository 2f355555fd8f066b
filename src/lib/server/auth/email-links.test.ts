import { describe, expect, inject, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { emailsTo, linkIn, waitForEmail } from '../../../../tests/support/mailbox';
import { InvalidLinkError, isLinkUsable, requestEmailLink, resetPassword, signInWithLink } from './email-links';
import { createSession, validateSession } from './sessions';
import { signInWithPassword } from './sign-in';
import { hashToken } from './tokens';
import { RateLimitedError } from '$lib/server/errors';

// The domain code in this worker sends through the test SMTP server.
process.env.SMTP_URL = inject('smtpUrl');

const ORIGIN = 'https://sos.example.test';
const tokenOf = (link: string) => link.split('/').pop()!;

async function request(kind: 'magic_link' | 'password_reset', email: string) {
	await (
		await requestEmailLink({ kind, email, origin: ORIGIN, ip: null })
	).sent;
}

describe('email links', () => {
	it('a sign-in link arrives by SMTP, in the member’s language, and signs in once', async () => {
		const org = await createTestOrganization();
		const m = await createTestActor(org.id, 'viewer');
		await db().updateTable('users').set({ language: 'sv' }).where('id', '=', m.membership!.userId).execute();
		await request('magic_link', m.email);
		const mail = await waitForEmail(m.email);
		const link = linkIn(mail);
		expect(link.startsWith(`${ORIGIN}/signin/link/`)).toBe(true);
		expect(mail.subject).toBe('Din inloggningslänk till SOS');
		expect(mail.html).toContain(link);
		const token = tokenOf(link);
		expect(token.length).toBeGreaterThanOrEqual(32); // 160 bits in base32
		expect(await db().selectFrom('one_time_tokens').select('id').where('id', '=', token).executeTakeFirst()).toBeUndefined();
		expect(await isLinkUsable('magic_link', token)).toBe(true);
		expect(await isLinkUsable('password_reset', token)).toBe(false);
		const r = await signInWithLink({ token, ip: '10.0.0.1' });
		expect(r.organizationId).toBe(org.id);
		expect(await isLinkUsable('magic_link', token)).toBe(false);
		await expect(signInWithLink({ token, ip: null })).rejects.toBeInstanceOf(InvalidLinkError);
	});

	it('Swedish members get the Swedish email, English ones the English', async () => {
		const org = await createTestOrganization();
		const sv = await createTestActor(org.id, 'admin');
		await db().updateTable('users').set({ language: 'sv' }).where('id', '=', sv.membership!.userId).execute();
		const en = await createTestActor(org.id, 'admin');
		await request('password_reset', sv.email);
		await request('password_reset', en.email);
		const [svMail, enMail] = [await waitForEmail(sv.email), await waitForEmail(en.email)];
		expect(svMail.subject).toBe('Återställ ditt lösenord i SOS');
		expect(enMail.subject).toBe('Reset your SOS password');
	});

	it('expired links fail like unknown ones', async () => {
		const org = await createTestOrganization();
		const m = await createTestActor(org.id, 'admin');
		await request('magic_link', m.email);
		const token = tokenOf(linkIn(await waitForEmail(m.email)));
		await db()
			.updateTable('one_time_tokens')
			.set({ expires_at: new Date(Date.now() - 1000) })
			.where('id', '=', hashToken(token))
			.execute();
		expect(await isLinkUsable('magic_link', token)).toBe(false);
		const expired = await signInWithLink({ token, ip: null }).catch((e) => e);
		const unknown = await signInWithLink({ token: 'a'.repeat(32), ip: null }).catch((e) => e);
		expect(expired).toBeInstanceOf(InvalidLinkError);
		expect(unknown).toBeInstanceOf(InvalidLinkError);
		expect(expired.message).toBe(unknown.message);
	});

	it('sign-in links last 15 minutes, reset links an hour', async () => {
		const org = await createTestOrganization();
		const m = await createTestActor(org.id, 'admin');
		await request('magic_link', m.email);
		await request('password_reset', m.email);
		const rows = await db()
			.selectFrom('one_time_tokens')
			.innerJoin('accounts', 'accounts.id', 'one_time_tokens.account_id')
			.select(['kind', 'expires_at', 'one_time_tokens.created_at'])
			.where('accounts.email', '=', m.email)
			.execute();
		const minutes = Object.fromEntries(rows.map((r) => [r.kind, Math.round((r.expires_at.getTime() - r.created_at.getTime()) / 60_000)]));
		expect(minutes).toEqual({ magic_link: 15, password_reset: 60 });
	});

	it('sends nothing, and creates no account, for unknown addresses; a participant gets their link', async () => {
		const org = await createTestOrganization();
		const p = await createTestActor(org.id, 'participant');
		const unknown = uniqueEmail();
		await request('magic_link', unknown);
		await request('magic_link', p.email);
		const known = await createTestActor(org.id, 'admin');
		await request('magic_link', known.email);
		await waitForEmail(known.email);
		await waitForEmail(p.email);
		expect(emailsTo(unknown)).toEqual([]);
		expect(await db().selectFrom('accounts').select('id').where('email', '=', unknown).execute()).toEqual([]);
	});

	it('more than 5 link requests for one address in 15 minutes are refused, and the refusal is in the audit log', async () => {
		const org = await createTestOrganization();
		const m = await createTestActor(org.id, 'viewer');
		for (let i = 0; i < 5; i++) await request('password_reset', m.email);
		const refused = await requestEmailLink({ kind: 'password_reset', email: m.email, origin: ORIGIN, ip: '10.9.8.7' }).catch((e) => e);
		expect(refused).toBeInstanceOf(RateLimitedError);
		const logged = await db()
			.selectFrom('audit_events')
			.select(['action', 'ip', 'details'])
			.where('organization_id', '=', org.id)
			.where('target', '=', m.email)
			.where('action', '=', 'sign_in_limited')
			.execute();
		expect(logged).toEqual([
			{ action: 'sign_in_limited', ip: '10.9.8.7', details: expect.objectContaining({ kind: 'password_reset', limit: 'link:email', refused: 1 }) }
		]);
	});

	it('a reset sets the password, ends every session and works once', async () => {
		const org = await createTestOrganization();
		const m = await createTestActor(org.id, 'admin');
		await request('password_reset', m.email);
		const token = tokenOf(linkIn(await waitForEmail(m.email)));
		const acc = await db().selectFrom('accounts').select('id').where('email', '=', m.email).executeTakeFirstOrThrow();
		const s = await createSession({ accountId: acc.id, organizationId: org.id });
		await resetPassword({ token, password: 'a new password here', ip: null });
		expect(await validateSession(s.token)).toBeNull();
		expect(await signInWithPassword({ email: m.email, password: 'a new password here', ip: null })).toMatchObject({ organizationId: org.id });
		await expect(resetPassword({ token, password: 'another password', ip: null })).rejects.toBeInstanceOf(InvalidLinkError);
		const audit = await db().selectFrom('audit_events').select('action').where('organization_id', '=', org.id).where('action', '=', 'password_reset').execute();
		expect(audit).toHaveLength(1);
	});

	it('a sign-in link cannot reset a password, and a reset link cannot sign in', async () => {
		const org = await createTestOrganization();
		const m = await createTestActor(org.id, 'admin');
		await request('magic_link', m.email);
		await request('password_reset', m.email);
		await waitForEmail(m.email, 2);
		const links = emailsTo(m.email).map(linkIn);
		const magic = tokenOf(links.find((l) => l.includes('/signin/link/'))!);
		const reset = tokenOf(links.find((l) => l.includes('/reset/'))!);
		await expect(resetPassword({ token: magic, password: 'some password!', ip: null })).rejects.toBeInstanceOf(InvalidLinkError);
		await expect(signInWithLink({ token: reset, ip: null })).rejects.toBeInstanceOf(InvalidLinkError);
		// Both still work for what they are.
		expect(await isLinkUsable('magic_link', magic)).toBe(true);
		expect(await isLinkUsable('password_reset', reset)).toBe(true);
	});

	it('two confirmations of one link at the same moment sign in once', async () => {
		const org = await createTestOrganization();
		const m = await createTestActor(org.id, 'admin');
		await request('magic_link', m.email);
		const token = tokenOf(linkIn(await waitForEmail(m.email)));
		const results = await Promise.allSettled([signInWithLink({ token, ip: null }), signInWithLink({ token, ip: null }), signInWithLink({ token, ip: null })]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
	});
});
