import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSos } from '../support/start-sos';

// The embedded default: no DATABASE_URL, PostgreSQL started by SOS itself with its data in SOS_DATA_DIR.
const root = mkdtempSync(path.join(tmpdir(), 'sos-smoke-'));
chmodSync(root, 0o755); // when run as root, PostgreSQL runs as the postgres user and must reach the directory
const dataDir = path.join(root, 'data');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm start on the embedded database', () => {
	it('creates, serves, refuses a second instance, stops cleanly and restarts on the same directory', async () => {
		const first = await startSos(dataDir);
		const out = first.output();
		expect(out).toMatch(/demo organization admin\s+admin@demo\.example\s+password: \S{19}/);
		expect(out).toMatch(/SOS operator\s+operator@sos\.example\s+password: \S{19}/);
		const page = await fetch(first.url + '/signin');
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Sign in to SOS');

		// The demo organization's open round: its invitations arrive in the outbox, each with a survey link.
		const outbox = path.join(dataDir, 'outbox');
		let invitations: string[] = [];
		for (let i = 0; i < 150 && invitations.length < 30; i++) {
			await new Promise((r) => setTimeout(r, 200));
			invitations = existsSync(outbox)
				? readdirSync(outbox)
						.map((f) => readFileSync(path.join(outbox, f), 'utf8'))
						.filter((m) => m.includes('/s/'))
				: [];
		}
		expect(invitations.length).toBeGreaterThanOrEqual(30);

		// A second SOS on the same data directory says so and exits.
		const second = await startSos(dataDir).then(
			() => null,
			(e: { code: number; output: string }) => e
		);
		expect(second?.code).toBe(1);
		expect(second?.output).toContain('already in use');

		expect(await first.stop('SIGTERM'), first.output()).toBe(0);
		expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
		expect(existsSync(path.join(dataDir, 'sos.lock'))).toBe(false);

		// Restart: same data, no new accounts, no new demo organization.
		const t0 = Date.now();
		const again = await startSos(dataDir);
		const res = await fetch(again.url + '/signin');
		const firstPageMs = Date.now() - t0;
		expect(res.status).toBe(200);
		expect(again.output()).not.toContain('password:');
		expect(again.output()).toContain('Sign in with your account');
		console.log(`restart on an existing data directory until the first page: ${firstPageMs} ms`);
		// Ctrl-C in a terminal reaches SOS and its PostgreSQL at once: SOS stops cleanly and says nothing of closed connections.
		const before = again.output().length;
		expect(await again.stop('SIGINT', { group: true }), again.output()).toBe(0);
		expect(again.output().slice(before)).not.toMatch(/client error|terminating connection|\[jobs\]/);
		expect(readdirSync(dataDir)).toContain('pg');
	}, 120_000);

	it('recovers after the server was killed with SIGKILL', async () => {
		const run = await startSos(dataDir);
		await run.stop('SIGKILL');
		const next = await startSos(dataDir);
		expect((await fetch(next.url + '/signin')).status).toBe(200);
		expect(await next.stop(), next.output()).toBe(0);
	}, 120_000);
});
