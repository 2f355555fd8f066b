import { spawn, type ChildProcess } from 'node:child_process';

export interface Running {
	child: ChildProcess;
	url: string;
	output: () => string;
	/** Signals SOS; `group` signals its whole process group (SOS and its PostgreSQL), as Ctrl-C in a terminal does. */
	stop: (signal?: NodeJS.Signals, opts?: { group?: boolean }) => Promise<number | null>;
}

/** Runs `node start.js` as `npm start` does (after the build), without DATABASE_URL, on `dataDir`. */
export function startSos(dataDir: string, extraEnv: Record<string, string> = {}): Promise<Running> {
	const env: Record<string, string | undefined> = { ...process.env, SOS_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', ...extraEnv };
	delete env.DATABASE_URL;
	delete env.SMTP_URL;
	// Its own process group, as a terminal gives it: the embedded PostgreSQL runs in it too.
	const child = spawn(process.execPath, ['start.js'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	let out = '';
	child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
	child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
	const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
	const stop = async (signal: NodeJS.Signals = 'SIGTERM', opts: { group?: boolean } = {}) => {
		if (child.exitCode === null) {
			if (opts.group) process.kill(-child.pid!, signal);
			else child.kill(signal);
		}
		return exited;
	};
	return new Promise((resolve, reject) => {
		const timer = setInterval(() => {
			const m = /SOS is running at (http:\/\/\S+)/.exec(out);
			if (m) {
				clearInterval(timer);
				resolve({ child, url: m[1].replace('localhost', '127.0.0.1'), output: () => out, stop });
			}
		}, 25);
		exited.then((code) => {
			clearInterval(timer);
			reject(Object.assign(new Error(`SOS exited with ${code}:\n${out}`), { code, output: out }));
		});
	});
}
