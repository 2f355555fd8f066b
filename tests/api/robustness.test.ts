import { describe, expect, it } from 'vitest';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { baseUrl, call } from '../support/http';
import { orgWithAdmin } from './helpers';

/** Several requests over ONE keep-alive connection, as browsers and HTTP client libraries send them. */
async function overOneConnection(requests: { method: string; path: string; headers: Record<string, string>; body?: string }[]) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	const url = new URL(baseUrl());
	const statuses: number[] = [];
	try {
		for (const r of requests) {
			statuses.push(
				await new Promise<number>((resolve, reject) => {
					const req = http.request({ host: url.hostname, port: url.port, method: r.method, path: r.path, headers: r.headers, agent, timeout: 5000 }, (res) => {
						res.resume();
						res.on('end', () => resolve(res.statusCode ?? 0));
					});
					req.on('timeout', () => req.destroy(new Error(`${r.method} ${r.path} timed out`)));
					req.on('error', reject);
					if (r.body) req.write(r.body);
					req.end();
				})
			);
		}
	} finally {
		agent.destroy();
	}
	return statuses;
}

describe('bad input never breaks the server', () => {
	it('a refused large body leaves the keep-alive connection usable', async () => {
		const { cookie } = await orgWithAdmin();
		const big = JSON.stringify({ name: 'x', pad: 'y'.repeat(600 * 1024) });
		const json = { cookie, origin: baseUrl(), 'content-type': 'application/json' };
		const statuses = await overOneConnection([
			{ method: 'POST', path: '/api/v1/units', headers: json, body: big },
			{ method: 'GET', path: '/api/v1/units', headers: { cookie } },
			// Refused before the body is looked at: no auth, not JSON, cross-site.
			{ method: 'POST', path: '/api/v1/units', headers: { 'content-type': 'application/json' }, body: big },
			{ method: 'POST', path: '/api/v1/units', headers: { ...json, 'content-type': 'text/plain;charset=utf-8', origin: baseUrl() }, body: big },
			{ method: 'PATCH', path: `/api/v1/units/${randomUUID()}`, headers: { ...json, origin: 'https://evil.example' }, body: big },
			{ method: 'GET', path: '/api/v1/units', headers: { cookie } }
		]);
		expect(statuses).toEqual([400, 200, 401, 400, 403, 200]);
	});

	it('answers deeply nested, huge and odd JSON with 400', async () => {
		const { cookie } = await orgWithAdmin();
		const deep = '['.repeat(100_000) + ']'.repeat(100_000);
		const deepObj = '{"name":'.repeat(20_000) + '"x"' + '}'.repeat(20_000);
		for (const body of [deep, deepObj, '{"name":"a","name":{"$gt":""}}', '{"__proto__":{"admin":true},"name":"p"}', '1e999', '"\\ud800"']) {
			const r = await call('POST', '/api/v1/units', { cookie, body, headers: { 'content-type': 'application/json' } });
			expect(r.status, body.slice(0, 30)).toBe(400);
			expect(r.data.error.code).toBe('validation_failed');
		}
		expect((await call('GET', '/api/v1/units', { cookie })).data.units).toEqual([]);
	});

	it('answers a body over the server limit with a 4xx', async () => {
		const { cookie } = await orgWithAdmin();
		const r = await call('POST', '/api/v1/units', { cookie, body: 'x'.repeat(12 * 1024 * 1024), headers: { 'content-type': 'application/json' } });
		expect(r.status).toBe(400);
		expect(r.data.error.message).toMatch(/too large/);
	});

	it('answers unsupported methods with 405 and unknown API paths with 404', async () => {
		const { cookie } = await orgWithAdmin();
		expect((await call('PUT', '/api/v1/units', { cookie, json: { name: 'x' } })).status).toBe(405);
		expect((await call('DELETE', '/api/v1/users', { cookie })).status).toBe(405);
		expect((await call('GET', '/api/v1/nothing-here', { cookie })).status).toBe(404);
		expect((await call('GET', '/api/v2/units', { cookie })).status).toBe(404);
	});

	it('never answers odd paths and parameters with a 5xx', async () => {
		const { cookie } = await orgWithAdmin();
		const paths = [
			'/api/v1/units/%E2%80%AE',
			'/api/v1/units/%ED%A0%80',
			'/api/v1/users/%F0%9F%98%80',
			'/api/v1/users/' + 'a'.repeat(4000),
			'/api/v1/users?q=%F0%9F%98%80',
			'/api/v1/users?q=%ED%A0%80',
			'/api/v1/users?q=%FF%FE',
			'/api/v1/users?limit=1e308',
			'/api/v1/users?limit=Infinity',
			'/api/v1/users?offset=99999999999999999999',
			'/api/v1/users?q[]=a',
			'/api/v1/users?q=a&q=b',
			"/api/v1/users?unitId=00000000-0000-0000-0000-000000000000'",
			'/api/v1/users/import/template?format=%00',
			'/signin?next=%00',
			'/signin?next=/%0d%0aSet-Cookie:%20x=1',
			'/signin/link/%00',
			'/reset/%00'
		];
		for (const path of paths) {
			const r = await call('GET', path, { cookie });
			expect(r.status, path.slice(0, 80)).toBeLessThan(500);
			expect(r.headers.get('set-cookie') ?? '', path).not.toContain('x=1');
		}
	});
});

describe('broken form bodies', () => {
	it('answer 400, never 500, on every page with a form action', async () => {
		const { raw } = await import('./helpers');
		const { baseUrl } = await import('../support/http');
		for (const path of ['/signin', '/forgot', '/signin/link', '/language', '/choose-organization', '/app/units?/create', '/app/settings?/password']) {
			for (const type of ['multipart/form-data; boundary=zz', 'text/plain']) {
				const r = await raw('POST', path, { headers: { origin: baseUrl(), 'content-type': type }, body: 'garbage' });
				expect(r.status, `${path} ${type}`).toBe(400);
			}
		}
	});
});
