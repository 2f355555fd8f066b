import { currentBoss, enqueue, startBoss, stopBoss, work } from './boss';
import { QUEUES, type OrganizationJob } from './queues';
import { tick } from './tick';
import { roundsJob } from './rounds';
import { emailsJob } from './emails';
import { exportJob, type ExportJob } from './exports';
import { benchmarkJob, type BenchmarkJob } from './benchmarks';
import { housekeepingJob } from './housekeeping';

let starting: Promise<void> | null = null;
let stopping = false;
let timer: NodeJS.Timeout | null = null;

/**
 * Starts pg-boss on the application database: the tick every minute (and every `intervalSeconds` from
 * this instance, and when asked), and this instance's workers of every queue (see queues.ts).
 */
export function startScheduler(opts: { intervalSeconds?: number } = {}): Promise<void> {
	stopping = false;
	// Stopped while starting (Ctrl-C right after `npm start`): what failed because the database went away is no news.
	starting ??= start(opts)
		.catch((err) => {
			if (!stopping) throw err;
		})
		.finally(() => (starting = null));
	return starting;
}

async function start(opts: { intervalSeconds?: number }): Promise<void> {
	if (currentBoss()) return;
	const b = await startBoss();
	await b.schedule(QUEUES.tick.name, '* * * * *');
	await work(b, 'tick', async (_data, jobId) => {
		const r = await tick(jobId);
		if (r.exports || r.benchmarks) console.log(`[jobs] tick: exports queued: ${r.exports}, benchmarks queued: ${r.benchmarks}`);
	});
	await work<OrganizationJob>(b, 'rounds', (data) => roundsJob(data));
	await work<OrganizationJob>(b, 'emails', (data) => emailsJob(data));
	await work<ExportJob>(b, 'exports', exportJob);
	await work<BenchmarkJob>(b, 'benchmarks', benchmarkJob);
	await work(b, 'housekeeping', housekeepingJob);
	if (stopping) {
		// Shut down while starting: stop what was just started.
		await stopBoss();
		return;
	}
	timer = setInterval(() => void kickScheduler(), (opts.intervalSeconds ?? 15) * 1000);
	timer.unref();
	void kickScheduler(); // a first tick now, e.g. for invitations of a round that opened while we were down
}

/** Asks for a tick soon (e.g. right after a round was launched); coalesces with one already waiting. */
export async function kickScheduler(): Promise<void> {
	try {
		await enqueue('tick', {});
	} catch (err) {
		console.error('[jobs] could not queue a tick:', err instanceof Error ? err.message : err);
	}
}

export async function stopScheduler(): Promise<void> {
	stopping = true;
	await starting?.catch(() => {});
	if (timer) clearInterval(timer);
	timer = null;
	await stopBoss();
}
