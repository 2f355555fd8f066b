import { describe, expect, it } from 'vitest';
import { randomInt } from 'node:crypto';
import { db } from '$lib/server/db';
import { RateLimitedError } from '$lib/server/errors';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { changePassword, WrongPasswordError } from './change-password';
import { hashPassword, verifyPassword } from './passwords';
import { clearRateLimit, hitRateLimit } from './rate-limit';
import { InvalidCredentialsError, signInWithPassword } from './sign-in';

const PASSWORD = 'a fine long password';
const ip = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`;

async function withPassword(email: string, password = PASSWORD, isOperator = false) {
	return (
		await db()
			.insertInto('accounts')
			.values({ email, password_hash: await hashPassword(password), is_operator: isOperator })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
}

/** An organization's audit events for a target, or (organizationId null) those of no organization, kept in global_audit_events. */
const events = async (organizationId: string | null, target: string) =>
	organizationId
		? db()
				.selectFrom('audit_events')
				.select(['action', 'organization_id', 'ip'])
				.where('organization_id', '=', organizationId)
				.where('target', '=', target)
				.orderBy('id')
				.execute()
		: (await db().selectFrom('global_audit_events').select(['action', 'ip']).where('target', '=', target).orderBy('id').execute()).map((e) => ({
				...e,
				organization_id: null
			}));

describe('signInWithPassword', () => {
	it('signs a member in to their one organization and logs it there', async () => {
		const org = await createTestOrganization();
		const m = await createTestActor(org.id, 'viewer');
		const accountId = await withPassword(m.email);
		const at = ip();
		const r = await signInWithPassword({ email: ` ${m.email.toUpperCase()}`, password: PASSWORD, ip: at });
		expect(r).toEqual({ accountId, organizationId: org.id, organizationCount: 1 });
		expect(await events(org.id, m.email)).toEqual([{ action: 'sign_in', organization_id: org.id, ip: at }]);
		const acc = await db().selectFrom('accounts').select('last_sign_in_at').where('id', '=', accountId).executeTakeFirstOrThrow();
		expect(acc.last_sign_in_at).toBeInstanceOf(Date);
	});

	it('a person in two organizations chooses later; neither organization sees the sign-in yet', async () => {
		const a = await createTestOrganization();
		const b = await createTestOrganization();
		const m = await createTestActor(a.id, 'admin');
		await db().insertInto('users').values({ organization_id: b.id, name: 'Same person', email: m.email, language: 'en', access: 'viewer' }).execute();
		await db()
			.insertInto('users')
			.values({ organization_id: (await createTestOrganization()).id, name: 'Only answers', email: m.email, language: 'en', access: 'participant' })
			.execute();
		await withPassword(m.email);
		const r = await signInWithPassword({ email: m.email, password: PASSWORD, ip: null });
		// A participant signs in too (to their home and KPI figures): three organizations to choose from.
		expect(r).toMatchObject({ organizationId: null, organizationCount: 3 });
		// Logged at the operator level: one organization must not learn of activity in another.
		expect((await events(a.id, m.email)).map((e) => e.action)).toEqual([]);
		expect((await events(b.id, m.email)).map((e) => e.action)).toEqual([]);
	});

	it('refuses wrong passwords, unknown emails and password-less accounts alike; a participant with a password signs in', async () => {
		const org = await createTestOrganization();
		const m = await createTestActor(org.id, 'admin');
		await withPassword(m.email);
		const p = await createTestActor(org.id, 'participant');
		await withPassword(p.email);
		const noPassword = await createTestActor(org.id, 'admin');
		await db().insertInto('accounts').values({ email: noPassword.email }).execute();
		const unknown = uniqueEmail();
		const attempts: [string, string][] = [
			[m.email, 'wrong password'],
			[m.email, ''],
			[unknown, PASSWORD],
			[noPassword.email, PASSWORD],
			[noPassword.email, '']
		];
		const messages = new Set<string>();
		for (const [email, password] of attempts) {
			const err = await signInWithPassword({ email, password, ip: null }).catch((e) => e);
			expect(err, email).toBeInstanceOf(InvalidCredentialsError);
			messages.add(err.message);
		}
		expect([...messages]).toEqual(['That email and password do not match an account with access.']);
		expect((await events(org.id, m.email)).map((e) => e.action)).toEqual(['sign_in_failed', 'sign_in_failed']);
		expect((await events(null, unknown)).map((e) => e.action)).toEqual(['sign_in_failed']);
		expect(await signInWithPassword({ email: p.email, password: PASSWORD, ip: null })).toMatchObject({ organizationId: org.id });
	});

	it('an operator without organizations signs in', async () => {
		const email = uniqueEmail('operator');
		await withPassword(email, PASSWORD, true);
		expect(await signInWithPassword({ email, password: PASSWORD, ip: null })).toMatchObject({ organizationId: null, organizationCount: 0 });
	});

	it('a stranger failing from another address is limited, and does not lock the owner out of theirs', async () => {
		const org = await createTestOrganization();
		const m = await createTestActor(org.id, 'admin');
		await withPassword(m.email);
		const stranger = ip();
		for (let i = 0; i < 10; i++)
			await expect(signInWithPassword({ email: m.email, password: 'nope', ip: stranger })).rejects.toBeInstanceOf(InvalidCredentialsError);
		// The stranger is refused, even with the right password.
		const limited = await signInWithPassword({ email: m.email, password: PASSWORD, ip: stranger }).catch((e) => e);
		expect(limited).toBeInstanceOf(RateLimitedError);
		expect(limited.retryAfterSeconds).toBeGreaterThan(800);
		expect(limited.retryAfterSeconds).toBeLessThanOrEqual(900);
		// The owner, from their own address, is not.
		expect(await signInWithPassword({ email: m.email, password: PASSWORD, ip: ip() })).toMatchObject({ organizationId: org.id });
	});

	it('limits an account across addresses, except from an address its owner signed in from lately', async () => {
		const org = await createTestOrganization();
		const m = await createTestActor(org.id, 'admin');
		await withPassword(m.email);
		const home = ip();
		await signInWithPassword({ email: m.email, password: PASSWORD, ip: home });
		// That sign-in (from an address still new then) and 99 failures from ten others: the account's cap
		// of 100 attempts from addresses it has not signed in from.
		const strangers = Array.from({ length: 10 }, ip);
		await Promise.all(
			strangers.map(async (at, n) => {
				for (let i = 0; i < (n === 0 ? 9 : 10); i++)
					await expect(signInWithPassword({ email: m.email, password: 'nope', ip: at })).rejects.toBeInstanceOf(InvalidCredentialsError);
			})
		);
		await expect(signInWithPassword({ email: m.email, password: PASSWORD, ip: ip() })).rejects.toBeInstanceOf(RateLimitedError);
		expect(await signInWithPassword({ email: m.email, password: PASSWORD, ip: home })).toMatchObject({ organizationId: org.id });
	}, 60_000);

	it('limits 50 attempts per address in 15 minutes, on any accounts', async () => {
		const org = await createTestOrganization();
		const shared = ip();
		for (let i = 0; i < 50; i++)
			await expect(signInWithPassword({ email: uniqueEmail(), password: 'x', ip: shared })).rejects.toBeInstanceOf(InvalidCredentialsError);
		const other = await createTestActor(org.id, 'admin');
		await withPassword(other.email);
		await expect(signInWithPassword({ email: other.email, password: PASSWORD, ip: shared })).rejects.toBeInstanceOf(RateLimitedError);
		expect(await signInWithPassword({ email: other.email, password: PASSWORD, ip: ip() })).toMatchObject({ organizationId: org.id });
	}, 60_000);

	it('logs refused sign-ins where failed ones go: the one organization, or the operator level', async () => {
		const org = await createTestOrganization();
		const m = await createTestActor(org.id, 'admin');
		await withPassword(m.email);
		const at = ip();
		for (let i = 0; i < 10; i++) await signInWithPassword({ email: m.email, password: 'nope', ip: at }).catch(() => {});
		for (let i = 0; i < 5; i++) await expect(signInWithPassword({ email: m.email, password: PASSWORD, ip: at })).rejects.toBeInstanceOf(RateLimitedError);
		const logged = await db()
			.selectFrom('audit_events')
			.select(['action', 'ip', 'details'])
			.where('organization_id', '=', org.id)
			.where('target', '=', m.email)
			.where('action', '=', 'sign_in_limited')
			.orderBy('id')
			.execute();
		// The 1st, 2nd and 4th refusal: a flood of refusals is logged sparsely, with its count.
		expect(logged.map((e) => [e.ip, (e.details as { limit: string; refused: number }).limit, (e.details as { refused: number }).refused])).toEqual([
			[at, 'signin:pair', 1],
			[at, 'signin:pair', 2],
			[at, 'signin:pair', 4]
		]);

		const b = await createTestOrganization();
		await db().insertInto('users').values({ organization_id: b.id, name: 'Same person', email: m.email, language: 'en', access: 'viewer' }).execute();
		const there = ip();
		for (let i = 0; i < 11; i++) await signInWithPassword({ email: m.email, password: 'nope', ip: there }).catch(() => {});
		expect((await events(null, m.email)).filter((e) => e.action === 'sign_in_limited')).toEqual([
			{ action: 'sign_in_limited', organization_id: null, ip: there }
		]);
		expect((await events(b.id, m.email)).map((e) => e.action)).toEqual([]);
		expect((await events(org.id, m.email)).filter((e) => e.ip === there)).toEqual([]);
	});
});

describe('hitRateLimit', () => {
	it('counts within a window and starts again after it', async () => {
		const key = `test:${uniqueEmail()}`;
		for (let i = 0; i < 3; i++) await hitRateLimit(key, 3, 60);
		await expect(hitRateLimit(key, 3, 60)).rejects.toBeInstanceOf(RateLimitedError);
		await db()
			.updateTable('rate_limits')
			.set({ window_start: new Date(Date.now() - 61_000) })
			.where('key', '=', key)
			.execute();
		await hitRateLimit(key, 3, 60);
		await hitRateLimit(key, 3, 60);
		await clearRateLimit(key);
		for (let i = 0; i < 3; i++) await hitRateLimit(key, 3, 60);
	});

	it('counts hits from concurrent requests exactly', async () => {
		const key = `test:${uniqueEmail()}`;
		const results = await Promise.allSettled(Array.from({ length: 20 }, () => hitRateLimit(key, 10, 60)));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
	});
});

describe('changePassword', () => {
	it('needs the current password when there is one, and enforces the password rules', async () => {
		const org = await createTestOrganization();
		const m = await createTestActor(org.id, 'admin');
		const accountId = await withPassword(m.email);
		const actor = { ...m, accountId };
		await expect(changePassword({ actor, current: 'wrong', password: 'a brand new password' })).rejects.toBeInstanceOf(WrongPasswordError);
		await expect(changePassword({ actor, current: PASSWORD, password: 'short' })).rejects.toMatchObject({ code: 'validation_failed' });
		await changePassword({ actor, current: PASSWORD, password: 'a brand new password' });
		const acc = await db().selectFrom('accounts').select('password_hash').where('id', '=', accountId).executeTakeFirstOrThrow();
		expect(await verifyPassword(acc.password_hash!, 'a brand new password')).toBe(true);
		expect(await verifyPassword(acc.password_hash!, PASSWORD)).toBe(false);
		expect((await events(org.id, m.email)).map((e) => e.action)).toEqual(['password_changed']);
	});
});
