import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { createRound } from '$lib/server/rounds/create';
import { closeRoundEarly } from '$lib/server/rounds/manage';
import { invitationToken } from '$lib/server/rounds/links';
import { getModel } from '$lib/server/models/registry';
import { baseUrl } from '../support/http';

// The servers find the run's response key in their data directory's key file, not in the environment
// (the invitations are sealed by this process at launch: one key for all, as instances must share it).
const dataDir = mkdtempSync(path.join(tmpdir(), 'sos-kill-'));
mkdirSync(path.join(dataDir, 'keys'), { mode: 0o700 });
writeFileSync(path.join(dataDir, 'keys', 'response.key'), process.env.SOS_RESPONSE_KEY + '\n', { mode: 0o600 });
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The real server on the test database, WITHOUT SOS_RESPONSE_KEY: its key is the data directory's key file. */
async function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
	const port = await new Promise<number>((resolve) => {
		const s = http.createServer().listen(0, '127.0.0.1', () => {
			const p = (s.address() as { port: number }).port;
			s.close(() => resolve(p));
		});
	});
	const full: Record<string, string | undefined> = {
		...process.env,
		DATABASE_URL: inject('databaseUrl'),
		SMTP_URL: inject('smtpUrl'),
		SOS_DATA_DIR: dataDir,
		SOS_DEMO: 'off',
		HOST: '127.0.0.1',
		PORT: String(port),
		...env
	};
	delete full.SOS_RESPONSE_KEY;
	const child = spawn(process.execPath, ['start.js'], { env: full, stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
		child.stdout!.on('data', (d: Buffer) => {
			out += d.toString();
			if (out.includes('SOS is running at')) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
		child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
	});
	return { url: `http://127.0.0.1:${port}`, child };
}

const submit = (url: string, token: string, answers: Record<string, number>) =>
	fetch(`${url}/api/v1/survey/submit`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
		body: JSON.stringify({ answers, questions: {} })
	});

describe.skipIf(!baseUrl())('submits and kill -9', () => {
	it('keeps every acknowledged submit (sealed, then mixed by the scheduler after the restart and at close), none twice; the key file survives the restart', async () => {
		const org = await createTestOrganization();
		const admin = await createTestActor(org.id, 'admin');
		const team = await db().insertInto('units').values({ organization_id: org.id, name: 'Team' }).returning('id').executeTakeFirstOrThrow();
		const n = 40;
		await db()
			.insertInto('users')
			.values(
				Array.from({ length: n }, (_, i) => ({
					organization_id: org.id,
					name: `P${i}`,
					email: uniqueEmail(`p${i}`),
					language: 'en' as const,
					unit_id: team.id,
					job_role: 'sales_person' as const,
					access: 'participant' as const
				}))
			)
			.execute();
		const round = await createRound({ organizationId: org.id, actor: admin, input: { name: 'Killed', minGroupSize: 5 } });
		const invitations = await db().selectFrom('invitations').select('id').where('organization_id', '=', org.id).execute();
		const tokens = await Promise.all(invitations.map((i) => invitationToken({ organizationId: org.id, invitationId: i.id })));
		const keys = (await getModel(round.modelId, round.modelVersion)).statementKeys;
		// Participant i's answers say who it is: first statement 1 + i % 5, second 1 + floor(i / 5) % 5, third 1 + floor(i / 25).
		const answersOf = (i: number) => ({ [keys[0]]: 1 + (i % 5), [keys[1]]: 1 + (Math.floor(i / 5) % 5), [keys[2]]: 1 + Math.floor(i / 25) });

		// Everyone submits at once; the server is killed (SIGKILL) as the 10th acknowledgement arrives.
		const first = await startServer({ SOS_SCHEDULER: 'off' });
		const acknowledged = new Set<number>();
		const killed = new Promise((r) => first.child.once('exit', r));
		await Promise.allSettled(
			tokens.map(async (t, i) => {
				const res = await submit(first.url, t, answersOf(i));
				if (res.status === 200 && (await res.json()).submitted) acknowledged.add(i);
				if (acknowledged.size >= 10) first.child.kill('SIGKILL');
			})
		);
		first.child.kill('SIGKILL');
		await killed;
		expect(acknowledged.size).toBeGreaterThanOrEqual(10);
		const keyFile = readFileSync(path.join(dataDir, 'keys', 'response.key'));

		// Restarted on the same data directory (same key file); every participant tries again.
		const second = await startServer({ SOS_TICK_SECONDS: '1' });
		try {
			expect(readFileSync(path.join(dataDir, 'keys', 'response.key'))).toEqual(keyFile);
			const again = await Promise.all(
				tokens.map((t, i) => submit(second.url, t, answersOf(i)).then(async (r) => ({ i, status: r.status, body: await r.json() })))
			);
			for (const a of again) expect(a.status, JSON.stringify(a.body)).toBe(200);
			// What was acknowledged before the kill was stored: the retry finds it submitted.
			for (const a of again) if (acknowledged.has(a.i)) expect(a.body.alreadySubmitted).toBe(true);

			// The restarted server's scheduler mixes what is pending (fewer than k may stay pending), then the round closes.
			const deadline = Date.now() + 30_000;
			const pending = () => db().selectFrom('pending_responses').select('id').where('organization_id', '=', org.id).execute();
			while ((await pending()).length >= 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
			expect((await pending()).length).toBeLessThan(5);
			await closeRoundEarly({ organizationId: org.id, actor: admin, roundId: round.id });
			expect(await pending()).toEqual([]);
			const rows = await db().selectFrom('responses').select('answers').where('organization_id', '=', org.id).execute();
			const who = rows.map((r) => r.answers[0] - 1 + 5 * (r.answers[1] - 1) + 25 * (r.answers[2] - 1)).sort((a, b) => a - b);
			expect(who).toEqual(tokens.map((_, i) => i));
			const completed = await db().selectFrom('invitations').select('id').where('organization_id', '=', org.id).where('completed', '=', true).execute();
			expect(completed).toHaveLength(n);
		} finally {
			second.child.kill('SIGTERM');
			await new Promise((r) => second.child.once('exit', r));
		}
	}, 120_000);
});
