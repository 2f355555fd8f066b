import { createDatabase } from '../support/database';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A fresh database and the real SOS server on it, started as `npm start` would run it (demo on).
 * The credentials it prints are captured, exactly as a newcomer would read them off the terminal.
 */
export default async function globalSetup() {
	const database = await createDatabase('sos_e2e');
	const url = database.url;

	const tmp = mkdtempSync(path.join(tmpdir(), 'sos-e2e-'));
	const dataDir = path.join(tmp, 'data');
	const child = spawn(process.execPath, ['start.js'], {
		// SOS_SSO_ALLOW_LOOPBACK: sso.spec.ts runs its OpenID Connect provider on this machine, without TLS.
		env: { ...process.env, DATABASE_URL: url, SOS_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SMTP_URL: '', SOS_SSO_ALLOW_LOOPBACK: 'on' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	const baseUrl = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`SOS did not start:\n${out}`)), 60_000);
		child.stdout!.on('data', (d: Buffer) => {
			out += d.toString();
			const m = /SOS is running at (http:\/\/\S+)[\s\S]*password: \S+[\s\S]*password: \S+/.exec(out);
			if (m) {
				clearTimeout(timer);
				resolve(m[1]);
			}
		});
		child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
		child.once('exit', (code) => reject(new Error(`SOS exited with ${code}:\n${out}`)));
	});
	const creds = [...out.matchAll(/^\s+(.+?)\s{2,}(\S+@\S+)\s+password: (\S+)$/gm)].map((m) => ({ role: m[1].trim(), email: m[2], password: m[3] }));
	const stateFile = path.join(tmp, 'state.json');
	writeFileSync(stateFile, JSON.stringify({ baseUrl, creds, outbox: path.join(dataDir, 'outbox'), startupOutput: out, databaseUrl: url }));
	process.env.SOS_E2E_URL = baseUrl;
	process.env.SOS_E2E_STATE = stateFile;

	return async () => {
		child.kill('SIGTERM');
		await new Promise((r) => child.once('exit', r));
		rmSync(tmp, { recursive: true, force: true });
		await database.drop();
	};
}
