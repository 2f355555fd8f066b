import { describe, expect, inject, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { db } from '$lib/server/db';
import { uniqueEmail } from '$tests/fixtures';
import { afterNextTick } from '../../../../tests/support/scheduler';
import { deleteExpiredOneTimeTokens, deleteExpiredRateLimits, deleteExpiredSessions } from './expired';

const HOUR = 3600_000;
const id = () => randomBytes(16).toString('hex');
const at = (ms: number) => new Date(Date.now() + ms);

async function account() {
	return (await db().insertInto('accounts').values({ email: uniqueEmail() }).returning('id').executeTakeFirstOrThrow()).id;
}

describe('deleting what has expired', () => {
	it('sessions: expired ones go, in batches; live ones stay', async () => {
		const accountId = await account();
		const expired = Array.from({ length: 5 }, id);
		const live = [id(), id()];
		await db()
			.insertInto('sessions')
			.values([
				...expired.map((s, i) => ({ id: s, account_id: accountId, organization_id: null, expires_at: at(-(i + 1) * HOUR) })),
				...live.map((s) => ({ id: s, account_id: accountId, organization_id: null, expires_at: at(HOUR) }))
			])
			.execute();
		expect(await deleteExpiredSessions({ batchSize: 2 })).toBeGreaterThanOrEqual(5);
		const left = await db().selectFrom('sessions').select('id').where('account_id', '=', accountId).execute();
		expect(left.map((r) => r.id).sort()).toEqual([...live].sort());
	});

	it('one-time tokens (email links, password resets): expired ones go, used or not; live ones stay', async () => {
		const accountId = await account();
		const rows = [
			{ id: id(), kind: 'magic_link' as const, expires_at: at(-HOUR), used_at: null },
			{ id: id(), kind: 'password_reset' as const, expires_at: at(-1000), used_at: at(-2 * HOUR) },
			{ id: id(), kind: 'password_reset' as const, expires_at: at(-24 * HOUR), used_at: null },
			{ id: id(), kind: 'magic_link' as const, expires_at: at(HOUR), used_at: null },
			{ id: id(), kind: 'password_reset' as const, expires_at: at(HOUR), used_at: at(-1000) }
		];
		await db()
			.insertInto('one_time_tokens')
			.values(rows.map((r) => ({ ...r, account_id: accountId })))
			.execute();
		expect(await deleteExpiredOneTimeTokens({ batchSize: 2 })).toBeGreaterThanOrEqual(3);
		const left = await db().selectFrom('one_time_tokens').select('id').where('account_id', '=', accountId).execute();
		expect(left.map((r) => r.id).sort()).toEqual([rows[3].id, rows[4].id].sort());
	});

	it('rate-limit rows: those whose window is over go; live windows and remembered addresses stay', async () => {
		const p = `test:${id()}:`;
		await db()
			.insertInto('rate_limits')
			.values([
				{ key: `${p}old`, hits: 3, window_start: at(-2 * HOUR), expires_at: at(-HOUR) },
				{ key: `${p}just-over`, hits: 11, window_start: at(-16 * 60_000), expires_at: at(-60_000) },
				{ key: `${p}live`, hits: 11, window_start: at(-60_000), expires_at: at(14 * 60_000) },
				{ key: `${p}remembered`, hits: 0, window_start: at(-24 * HOUR), expires_at: at(29 * 24 * HOUR) }
			])
			.execute();
		expect(await deleteExpiredRateLimits({ batchSize: 1 })).toBeGreaterThanOrEqual(2);
		const left = await db().selectFrom('rate_limits').select('key').where('key', 'like', `${p}%`).execute();
		expect(left.map((r) => r.key).sort()).toEqual([`${p}live`, `${p}remembered`]);
	});

	it.skipIf(!inject('baseUrl'))('the scheduler does it on its tick', async () => {
		const accountId = await account();
		const [gone, kept] = [id(), id()];
		await db()
			.insertInto('sessions')
			.values([
				{ id: gone, account_id: accountId, organization_id: null, expires_at: at(-HOUR) },
				{ id: kept, account_id: accountId, organization_id: null, expires_at: at(HOUR) }
			])
			.execute();
		await db()
			.insertInto('one_time_tokens')
			.values({ id: gone, kind: 'magic_link', account_id: accountId, expires_at: at(-HOUR) })
			.execute();
		await db()
			.insertInto('rate_limits')
			.values({ key: `test:${gone}`, hits: 1, window_start: at(-2 * HOUR), expires_at: at(-HOUR) })
			.execute();
		await afterNextTick();
		expect((await db().selectFrom('sessions').select('id').where('account_id', '=', accountId).execute()).map((r) => r.id)).toEqual([kept]);
		expect(await db().selectFrom('one_time_tokens').select('id').where('account_id', '=', accountId).execute()).toEqual([]);
		expect(await db().selectFrom('rate_limits').select('key').where('key', '=', `test:${gone}`).execute()).toEqual([]);
	});
});
