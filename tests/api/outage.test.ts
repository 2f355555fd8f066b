import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createApiToken } from '$lib/server/api-tokens/tokens';
import { TOKEN_GUESS_LIMIT } from '$lib/server/survey/access';
import { sessionCookie } from '../support/http';
import { raw, startExtraServer } from './helpers';
import { draftOf, openRound, surveyClient } from './survey-support';

/**
 * A TCP proxy in front of PostgreSQL: the server under test reaches the database only through it, so
 * cutting it (every connection dropped, new ones refused) is a database outage for that server alone.
 */
function databaseProxy(target: URL) {
	const sockets = new Set<net.Socket>();
	let server: net.Server | null = null;
	const listen = (port = 0) =>
		new Promise<number>((resolve, reject) => {
			server = net.createServer((client) => {
				const up = net.connect(Number(target.port || 5432), target.hostname);
				for (const s of [client, up]) {
					sockets.add(s);
					s.on('error', () => s.destroy());
					s.on('close', () => (sockets.delete(s), client.destroy(), up.destroy()));
				}
				client.pipe(up).pipe(client);
			});
			server.once('error', reject);
			server.listen(port, '127.0.0.1', () => resolve((server!.address() as net.AddressInfo).port));
		});
	const cut = () =>
		new Promise<void>((resolve) => {
			for (const s of sockets) s.destroy();
			if (server) server.close(() => resolve());
			else resolve();
			server = null;
		});
	return { listen, cut };
}

describe('a database outage', () => {
	const proxy = databaseProxy(new URL(inject('databaseUrl')));
	let port = 0;
	let sos: Awaited<ReturnType<typeof startExtraServer>>;
	beforeAll(async () => {
		port = await proxy.listen();
		const url = new URL(inject('databaseUrl'));
		url.hostname = '127.0.0.1';
		url.port = String(port);
		// The scheduler runs too (every second), so that its connections are cut mid-work as well.
		// Its own job queue: a tick cut off mid-work stays 'active' until it expires, and must not hold up
		// the ticks of the test server that other test files wait for.
		sos = await startExtraServer({ DATABASE_URL: url.toString(), SOS_TICK_SECONDS: '1', SOS_JOBS_SCHEMA: 'pgboss_outage' });
	});
	afterAll(async () => {
		await sos?.stop();
		await proxy.cut();
	});

	it('answers participants, pages and the API with 503 and Retry-After, and the survey goes on afterwards', async () => {
		const { tokens, keys, org, admin } = await openRound({ people: 2 });
		const token = await createApiToken({ organizationId: org.id, actor: admin, input: { name: 'outage' } });
		const cookie = await sessionCookie(admin);
		const c = surveyClient(sos.url);
		await c.open(tokens[0]);
		expect((await c.json('/s/answers', { answers: { [keys[0]]: 4 } })).status).toBe(200);

		await proxy.cut();
		const page = await c.get('/s');
		expect(page.status).toBe(503);
		expect(Number(page.headers['retry-after'])).toBeGreaterThan(0);
		expect(page.text).toContain('The survey is briefly unavailable');
		expect(page.text).not.toMatch(/reference [0-9a-f]{8}/);

		const save = await c.json('/s/answers', { answers: { [keys[1]]: 2 } });
		expect(save.status).toBe(503);
		expect(save.headers['retry-after']).toBeDefined();
		expect(save.data.error.code).toBe('unavailable');

		const form = await c.form('/s?/save&p=1', [
			['page', '1'],
			[`a_${keys[2]}`, '5'],
			['go', '2']
		]);
		expect(form.status).toBe(503);
		expect(form.headers['retry-after']).toBeDefined();
		expect(form.text).toContain('The survey is briefly unavailable');

		const submit = await c.json('/api/v1/survey/submit', {}, { authorization: `Bearer ${tokens[1]}`, origin: '' });
		expect(submit.status).toBe(503);
		expect(submit.data.error.code).toBe('unavailable');

		const api = await raw('GET', '/api/v1/units', { headers: { authorization: `Bearer ${token.secret}` }, port: new URL(sos.url).port });
		expect(api.status).toBe(503);
		expect(api.headers['retry-after']).toBeDefined();
		expect(api.headers['content-type']).toContain('application/json');
		expect(JSON.parse(api.text).error.code).toBe('unavailable');

		const app = await raw('GET', '/app', { headers: { cookie, accept: 'text/html', 'accept-language': 'sv' }, port: new URL(sos.url).port });
		expect(app.status).toBe(503);
		expect(app.headers['retry-after']).toBeDefined();
		expect(app.text).toContain('Tillfälligt otillgängligt');

		// The database is back: the server recovers by itself, and the participant goes on.
		await proxy.listen(port);
		await expect.poll(async () => (await c.get('/s')).status, { timeout: 15_000 }).toBe(200);
		expect((await c.json('/s/answers', { answers: { [keys[1]]: 2 } })).status).toBe(200);
		expect((await draftOf(org.id))!.answers.slice(0, 2)).toEqual([4, 2]);
	});

	it('says when to retry on a 429 survey page', async () => {
		const c = surveyClient(sos.url);
		for (let i = 0; i <= TOKEN_GUESS_LIMIT; i++) await c.get(`/s/${String(i).padStart(32, 'q')}`);
		const limited = await c.get(`/s/${'z'.repeat(32)}`);
		expect(limited.status).toBe(429);
		expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
	});
});
