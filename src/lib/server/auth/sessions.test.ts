import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { createSession, invalidateAccountSessions, invalidateSession, switchSessionOrganization, validateSession, SESSION_DAYS } from './sessions';
import { hashToken } from './tokens';

const DAY = 24 * 3600 * 1000;

async function account(email: string, isOperator = false) {
	return (await db().insertInto('accounts').values({ email, is_operator: isOperator }).returning('id').executeTakeFirstOrThrow()).id;
}

async function member(access: 'admin' | 'viewer' | 'participant' = 'admin') {
	const org = await createTestOrganization();
	const actor = await createTestActor(org.id, access);
	const accountId = await account(actor.email);
	return { org, actor, accountId };
}

const setExpiry = (token: string, at: Date) => db().updateTable('sessions').set({ expires_at: at }).where('id', '=', hashToken(token)).execute();

describe('sessions', () => {
	it('resolve to the member acting in the session organization; only the hash is stored', async () => {
		const { org, actor, accountId } = await member('admin');
		const s = await createSession({ accountId, organizationId: org.id });
		expect(s.token).toMatch(/^[a-z2-7]{32}$/);
		expect(s.expiresAt.getTime()).toBeGreaterThan(Date.now() + (SESSION_DAYS - 1) * DAY);
		expect(await db().selectFrom('sessions').select('id').where('id', '=', s.token).executeTakeFirst()).toBeUndefined();
		const v = await validateSession(s.token);
		expect(v?.actor).toMatchObject({
			accountId,
			email: actor.email,
			via: 'session',
			isOperator: false,
			membership: { organizationId: org.id, access: 'admin', userId: actor.membership!.userId }
		});
		expect(v?.renewedUntil).toBeNull();
		expect(await validateSession(s.token + 'x')).toBeNull();
		expect(await validateSession('')).toBeNull();
	});

	it('expired sessions are refused and removed; old-but-valid ones slide forward', async () => {
		const { org, accountId } = await member();
		const old = await createSession({ accountId, organizationId: org.id });
		await setExpiry(old.token, new Date(Date.now() + 5 * DAY));
		const renewed = await validateSession(old.token);
		expect(renewed?.renewedUntil?.getTime()).toBeGreaterThan(Date.now() + (SESSION_DAYS - 1) * DAY);
		expect((await db().selectFrom('sessions').select('expires_at').where('id', '=', hashToken(old.token)).executeTakeFirstOrThrow()).expires_at.getTime()).toBe(
			renewed!.renewedUntil!.getTime()
		);

		const dead = await createSession({ accountId, organizationId: org.id });
		await setExpiry(dead.token, new Date(Date.now() - 1000));
		expect(await validateSession(dead.token)).toBeNull();
		expect(await db().selectFrom('sessions').select('id').where('id', '=', hashToken(dead.token)).executeTakeFirst()).toBeUndefined();
	});

	it('access changes take effect at once: demoted to participant means a participant, removed means signed out', async () => {
		const { org, actor, accountId } = await member('viewer');
		const s = await createSession({ accountId, organizationId: org.id });
		expect((await validateSession(s.token))?.actor.membership?.access).toBe('viewer');
		await db().updateTable('users').set({ access: 'admin' }).where('id', '=', actor.membership!.userId).execute();
		expect((await validateSession(s.token))?.actor.membership?.access).toBe('admin');
		await db().updateTable('users').set({ access: 'participant' }).where('id', '=', actor.membership!.userId).execute();
		expect((await validateSession(s.token))?.actor.membership?.access).toBe('participant');
		await db().deleteFrom('users').where('id', '=', actor.membership!.userId).execute();
		expect(await validateSession(s.token)).toBeNull();
	});

	it('a session cannot be pointed at an organization the person does not belong to', async () => {
		const { accountId, org } = await member();
		const other = await createTestOrganization();
		const s = await createSession({ accountId, organizationId: org.id });
		await switchSessionOrganization(s.token, other.id);
		expect(await validateSession(s.token)).toBeNull();
	});

	it('before choosing an organization, someone with access somewhere is signed in without one', async () => {
		const { accountId, actor } = await member('viewer');
		const s = await createSession({ accountId, organizationId: null });
		expect((await validateSession(s.token))?.actor).toMatchObject({ email: actor.email, isOperator: false, membership: null });
		await db().deleteFrom('users').where('id', '=', actor.membership!.userId).execute();
		expect(await validateSession(s.token)).toBeNull();
	});

	it('an operator without an organization is signed in as operator', async () => {
		const accountId = await account(uniqueEmail('op'), true);
		const s = await createSession({ accountId, organizationId: null });
		expect((await validateSession(s.token))?.actor).toMatchObject({ isOperator: true, membership: null });
		const plain = await account(uniqueEmail('nobody'));
		expect(await validateSession((await createSession({ accountId: plain, organizationId: null })).token)).toBeNull();
	});

	it('sign-out ends one session; a password reset ends them all', async () => {
		const { org, accountId } = await member();
		const a = await createSession({ accountId, organizationId: org.id });
		const b = await createSession({ accountId, organizationId: org.id });
		await invalidateSession(a.token);
		expect(await validateSession(a.token)).toBeNull();
		expect(await validateSession(b.token)).not.toBeNull();
		const c = await createSession({ accountId, organizationId: org.id });
		await invalidateAccountSessions(accountId);
		expect(await validateSession(b.token)).toBeNull();
		expect(await validateSession(c.token)).toBeNull();
	});
});
