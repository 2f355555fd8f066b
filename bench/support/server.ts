import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The built SOS server on the benchmark database (no scheduler, so only the measured work runs). */
export async function startBenchServer(databaseUrl: string): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
	const dir = mkdtempSync(path.join(tmpdir(), 'sos-bench-'));
	const child: ChildProcess = spawn(process.execPath, [...(process.env.BENCH_SERVER_ARGS?.split(' ').filter(Boolean) ?? []), 'start.js'], {
		env: { ...process.env, DATABASE_URL: databaseUrl, SOS_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', SOS_SCHEDULER: 'off', SOS_DEMO: 'off', SMTP_URL: '' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	const url = await new Promise<string>((resolve, reject) => {
		child.stdout!.on('data', (d: Buffer) => {
			out += d.toString();
			const m = /SOS is running at (http:\/\/\S+)/.exec(out);
			if (m) resolve(m[1]);
		});
		child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
		child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
	});
	return {
		url,
		pid: child.pid!,
		stop: async () => {
			child.kill('SIGTERM');
			await new Promise((r) => child.once('exit', r));
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** Resident set size of a process in MB (Linux). */
export function rssMb(pid: number): number {
	const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return m ? Number(m[1]) / 1024 : NaN;
}
