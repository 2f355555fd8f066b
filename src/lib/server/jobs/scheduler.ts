import { isShutdownError } from '$lib/server/db';
import { isDatabaseUnavailable } from '$lib/server/db/unavailable';
import { currentBoss, enqueue, startBoss, stopBoss, work } from './boss';
import { QUEUES, type OrganizationJob } from './queues';
import { tick } from './tick';
import { roundsJob } from './rounds';
import { emailsJob } from './emails';
import { exportJob, type ExportJob } from './exports';
import { benchmarkJob, type BenchmarkJob } from './benchmarks';
import { housekeepingJob } from './housekeeping';
import { billingJob } from './billing';

let starting: Promise<void> | null = null;
let stopping = false;
let timer: NodeJS.Timeout | null = null;
let retry: NodeJS.Timeout | null = null;
const RETRY_SECONDS = 5;

/**
 * Starts pg-boss on the application database: the tick every minute (and every `intervalSeconds` from
 * this instance, and when asked), and this instance's workers of every queue (see queues.ts).
 * A database that goes away while it starts (PostgreSQL restarting, or Ctrl-C reaching the embedded
 * PostgreSQL a moment before SOS) is no news: it tries again in a few seconds, unless SOS is stopping.
 */
export function startScheduler(opts: { intervalSeconds?: number } = {}): Promise<void> {
	stopping = false;
	starting ??= start(opts)
		.catch(async (err) => {
			if (stopping) return;
			if (!isDatabaseUnavailable(err)) throw err;
			await stopBoss().catch(() => {}); // what did start (pg-boss, some workers) starts again in full
			retry = setTimeout(() => {
				retry = null;
				if (!stopping) void startScheduler(opts).catch((e) => console.error('[jobs] the scheduler did not start:', e));
			}, RETRY_SECONDS * 1000);
			retry.unref();
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
	await work<OrganizationJob>(b, 'billing', (data) => billingJob(data));
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
		if (!stopping && !isShutdownError(err)) console.error('[jobs] could not queue a tick:', err instanceof Error ? err.message : err);
	}
}

export async function stopScheduler(): Promise<void> {
	stopping = true;
	if (retry) clearTimeout(retry);
	retry = null;
	await starting?.catch(() => {});
	if (timer) clearInterval(timer);
	timer = null;
	await stopBoss();
}
