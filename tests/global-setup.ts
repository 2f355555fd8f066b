import { createDatabase } from './support/database';
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startSmtpServer } from './support/smtp';

/**
 * For one test run: a fresh database on the PostgreSQL server named by DATABASE_URL (default: the
 * local server on 127.0.0.1:5432), migrated; a real SMTP server; and, when the app is built, the
 * real SOS server on that database, sending its email to that SMTP server. All removed afterwards.
 */
export default async function setup(project: TestProject) {
	const database = await createDatabase('sos_test');
	const url = database.url;
	process.env.DATABASE_URL = url;
	project.provide('databaseUrl', url);
	// One response key for this run, shared by the tests and every server they start (as instances must share it).
	process.env.SOS_RESPONSE_KEY ||= randomBytes(32).toString('base64');
	project.provide('responseKey', process.env.SOS_RESPONSE_KEY);

	const { db, closeDb } = await import('../src/lib/server/db');
	const { migrateToLatest } = await import('../src/lib/server/db/migrate');
	await migrateToLatest(db());
	await closeDb();

	const tmp = mkdtempSync(path.join(tmpdir(), 'sos-test-'));
	const mailDir = path.join(tmp, 'mail');
	(await import('node:fs')).mkdirSync(mailDir);
	const smtp = await startSmtpServer(mailDir);
	project.provide('mailDir', mailDir);
	project.provide('smtpUrl', smtp.url);

	let server: ChildProcess | null = null;
	if (existsSync(path.resolve('build/handler.js'))) {
		const started = await startServer({ DATABASE_URL: url, SMTP_URL: smtp.url, SOS_TICK_SECONDS: '2', SOS_DATA_DIR: path.join(tmp, 'data'), SOS_DEMO: 'off' });
		server = started.child;
		project.provide('baseUrl', started.baseUrl);
	} else {
		project.provide('baseUrl', '');
	}

	return async () => {
		if (server && server.exitCode === null) {
			server.kill('SIGTERM');
			await new Promise((r) => server!.once('exit', r));
		}
		await smtp.close();
		rmSync(tmp, { recursive: true, force: true });
		await database.drop();
	};
}

/** Starts `node start.js` on a free port and resolves once it prints its URL. */
function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; baseUrl: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['start.js'], { env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
		const onData = (d: Buffer) => {
			out += d.toString();
			const m = /SOS is running at (http:\/\/\S+)/.exec(out);
			if (m) {
				clearTimeout(timer);
				resolve({ child, baseUrl: m[1].replace('localhost', '127.0.0.1') });
			}
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', (d: Buffer) => {
			out += d.toString();
			if (process.env.SOS_TEST_SERVER_LOG) process.stderr.write(d);
		});
		child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
	});
}

declare module 'vitest' {
	export interface ProvidedContext {
		databaseUrl: string;
		mailDir: string;
		smtpUrl: string;
		baseUrl: string;
		responseKey: string;
	}
}
