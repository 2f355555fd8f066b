import PgBoss from 'pg-boss';
import { advanceDueRounds } from '$lib/server/rounds/advance';
import { sendPendingEmails } from '$lib/server/rounds/emails';
import { sendRoundNotices } from '$lib/server/rounds/notices';
import { publicOrigin } from '$lib/server/http/public-url';
import { buildMissingResults } from '$lib/server/results/build';
import { mixDueRounds } from '$lib/server/responses/mix';
import { rebuildDueBenchmarks } from '$lib/server/benchmarks/build';
import { sendActionEmails } from '$lib/server/actions/notify';
import { runPendingExports } from '$lib/server/exports/run';
import { deleteExpiredOneTimeTokens, deleteExpiredRateLimits, deleteExpiredSessions } from '$lib/server/auth/expired';

const TICK = 'sos-tick';
/** Survey emails per tick; a tick that sends this many asks for the next one at once. */
const EMAILS_PER_TICK = 100;

let boss: PgBoss | null = null;
let starting: Promise<void> | null = null;
let timer: NodeJS.Timeout | null = null;

/**
 * One pass of the scheduler: rounds whose dates are due move on (closing mixes and builds their
 * results), open rounds with at least k pending answers are mixed into responses, then the benchmark is
 * rebuilt for every model a round has closed for since its last build, then pending emails go out
 * (survey invitations and reminders, and action owners' notices); exports whose process stopped are
 * made again; expired sessions, one-time tokens and rate-limit rows are deleted.
 */
export async function tick(now = new Date()): Promise<{ advanced: number; benchmarks: number; emails: number }> {
	const advanced = await step('rounds', () => advanceDueRounds(now), 0);
	await step('mixing', () => mixDueRounds(), 0);
	await step('results', () => buildMissingResults(), 0);
	const benchmarks = await step('benchmarks', () => rebuildDueBenchmarks(now), 0);
	const surveyEmails = await step('survey emails', () => sendPendingEmails({ origin: publicOrigin(), max: EMAILS_PER_TICK }), 0);
	// More are waiting (a large round has just opened): the next tick follows at once, so each stays short.
	if (surveyEmails >= EMAILS_PER_TICK) void kickScheduler();
	const emails = surveyEmails + (await step('action emails', () => sendActionEmails({ origin: publicOrigin(), now }), 0));
	await step('exports', () => runPendingExports({ origin: publicOrigin() }), undefined);
	await step('round notices', () => sendRoundNotices({ origin: publicOrigin(), now }), undefined);
	await step('expired rows', async () => {
		await deleteExpiredSessions();
		await deleteExpiredOneTimeTokens();
		await deleteExpiredRateLimits();
	}, undefined);
	return { advanced, benchmarks, emails };
}

/** One step of the tick: a failure is logged and the other steps still run (the next tick tries again). */
async function step<T>(name: string, work: () => Promise<T>, fallback: T): Promise<T> {
	const started = Date.now();
	try {
		return await work();
	} catch (err) {
		console.error(`[jobs] ${name}:`, err instanceof Error ? err.message : err);
		return fallback;
	} finally {
		if (Date.now() - started > 5000) console.warn(`[jobs] ${name} took ${Date.now() - started} ms`);
	}
}

/**
 * Starts pg-boss on the application database. The tick queue is "stately" (at most one running and one
 * waiting), so however many instances ask for ticks, one runs at a time; the work itself is safe to run
 * twice anyway (row locks and flags in the database).
 */
export function startScheduler(opts: { intervalSeconds?: number } = {}): Promise<void> {
	starting ??= start(opts).finally(() => (starting = null));
	return starting;
}

async function start(opts: { intervalSeconds?: number }): Promise<void> {
	if (boss) return;
	// SOS_JOBS_SCHEMA keeps the job queues of instances apart that must not share ticks (tests do this).
	const b = new PgBoss({ connectionString: process.env.DATABASE_URL, schema: process.env.SOS_JOBS_SCHEMA || 'pgboss', max: 4, application_name: 'sos-jobs' });
	boss = b;
	b.on('error', (err) => console.error('[jobs]', err.message));
	await b.start();
	// A tick is short (emails go 100 at a time): one left running by an instance that died frees the
	// queue for the others after two minutes, not ten.
	const queue = { name: TICK, policy: 'stately', retryLimit: 2, expireInSeconds: 120 } as const;
	await b.createQueue(TICK, queue);
	await b.updateQueue(TICK, queue); // a queue made by an earlier version takes the new settings
	await b.schedule(TICK, '* * * * *');
	await b.work(TICK, async () => {
		const r = await tick();
		if (r.advanced || r.benchmarks || r.emails) console.log(`[jobs] rounds advanced: ${r.advanced}, benchmarks rebuilt: ${r.benchmarks}, emails sent: ${r.emails}`);
	});
	if (boss !== b) {
		// Shut down while starting: stop what was just started.
		await b.stop({ graceful: false });
		return;
	}
	timer = setInterval(() => void kickScheduler(), (opts.intervalSeconds ?? 15) * 1000);
	timer.unref();
	void kickScheduler(); // a first tick now, e.g. for invitations of a round that opened while we were down
}

/** Asks for a tick soon (e.g. right after a round was launched); coalesces with one already waiting. */
export async function kickScheduler(): Promise<void> {
	try {
		await boss?.send(TICK, {});
	} catch (err) {
		console.error('[jobs] could not queue a tick:', err instanceof Error ? err.message : err);
	}
}

export async function stopScheduler(): Promise<void> {
	await starting?.catch(() => {});
	if (timer) clearInterval(timer);
	timer = null;
	const b = boss;
	boss = null;
	await b?.stop({ graceful: true, timeout: 5000 });
}
