import { spawn } from 'node:child_process';
import path from 'node:path';

export interface Cluster {
	/** HAProxy in front of the instances. */
	url: string;
	/** HAProxy's statistics page (add `;csv`). */
	stats: string;
	primary: string;
	replica: string;
	instances: { url: string; pid: number }[];
	/** Stops everything (the script removes its temporary directory). */
	stop: () => Promise<void>;
}

/**
 * Runs scripts/scale-out.sh (without building: the caller has built) and resolves once it prints its
 * READY line. `env` goes to the SOS instances (e.g. SOS_SCHEDULER=off); `reads: 'primary'` starts them
 * without DATABASE_READ_URL.
 */
export function startCluster(opts: { instances?: number; reads?: 'primary' | 'replica'; env?: Record<string, string> } = {}): Promise<Cluster> {
	const script = path.resolve('scripts/scale-out.sh');
	const child = spawn(script, ['--no-build', '--instances', String(opts.instances ?? 3), '--reads', opts.reads ?? 'replica'], {
		env: { ...process.env, ...opts.env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
	const stop = async () => {
		if (child.exitCode === null) child.kill('SIGTERM');
		await exited;
	};
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			void stop();
			reject(new Error(`scale-out did not start in 120 s:\n${out}`));
		}, 120_000);
		const onData = (d: Buffer) => {
			out += d.toString();
			const m = /^SCALE-OUT READY (\{.*\})$/m.exec(out);
			if (!m) return;
			clearTimeout(timer);
			const ready = JSON.parse(m[1]);
			resolve({ url: ready.haproxy, stats: ready.stats, primary: ready.primary, replica: ready.replica, instances: ready.instances, stop });
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
		exited.then((code) => {
			clearTimeout(timer);
			reject(new Error(`scale-out exited with ${code}:\n${out}`));
		});
	});
}

/** Per server behind HAProxy: its state (UP/DOWN) and how many 2xx answers it gave. */
export async function backendServers(cluster: Cluster): Promise<{ name: string; status: string; ok: number }[]> {
	const csv = await (await fetch(`${cluster.stats};csv`)).text();
	const [header, ...rows] = csv.trim().split('\n');
	const cols = header.replace(/^# /, '').split(',');
	const at = (name: string) => cols.indexOf(name);
	return rows
		.map((r) => r.split(','))
		.filter((r) => r[at('pxname')] === 'instances' && r[at('svname')].startsWith('sos-'))
		.map((r) => ({ name: r[at('svname')], status: r[at('status')], ok: Number(r[at('hrsp_2xx')]) }));
}
