import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { isDatabaseUnavailable } from './unavailable';

describe('isDatabaseUnavailable', () => {
	it('knows a refused connection from pg itself', async () => {
		// Nothing listens on port 1: pg reports the refusal as it does in production.
		const client = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:1/none', connectionTimeoutMillis: 2000 });
		const err = await client.connect().then(
			() => null,
			(e: unknown) => e
		);
		expect(isDatabaseUnavailable(err)).toBe(true);
	});

	it('knows shutdowns, dropped connections and pool timeouts, also wrapped', () => {
		for (const e of [
			Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
			Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
			Object.assign(new Error('sorry, too many clients already'), { code: '53300' }),
			Object.assign(new Error('connection failure'), { code: '08006' }),
			new Error('Connection terminated unexpectedly'),
			new Error('timeout exceeded when trying to connect'),
			Object.assign(new Error('database "x" is not currently accepting connections'), { code: '55000' }),
			new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })]),
			new Error('query failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) })
		])
			expect(isDatabaseUnavailable(e), e.message).toBe(true);
	});

	it('leaves real errors alone', () => {
		for (const e of [
			Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }),
			Object.assign(new Error('syntax error'), { code: '42601' }),
			Object.assign(new Error('cannot do that now'), { code: '55000' }),
			new TypeError('x is undefined'),
			null,
			'Connection terminated'
		])
			expect(isDatabaseUnavailable(e)).toBe(false);
	});
});
