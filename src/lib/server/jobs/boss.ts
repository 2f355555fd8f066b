import PgBoss from 'pg-boss';
import { QUEUES, type Concern, type JobData } from './queues';
import { isShutdownError } from '$lib/server/db';

let boss: PgBoss | null = null;
const workers = new Map<Concern, string[]>();

/** The running pg-boss of this instance, if the scheduler has started. */
export const currentBoss = (): PgBoss | null => boss;

/**
 * A pg-boss on the application database, its queues created (or updated to these settings, for a queue
 * made by an earlier version). SOS_JOBS_SCHEMA keeps the job queues of instances apart that must not
 * share work (tests do this).
 */
export async function startBoss(): Promise<PgBoss> {
	const b = new PgBoss({ connectionString: process.env.DATABASE_URL, schema: jobsSchema(), max: 6, application_name: 'sos-jobs' });
	b.on('error', (err) => {
		if (!isShutdownError(err)) console.error('[jobs]', err.message);
	});
	await b.start();
	for (const { workers: _, ...queue } of Object.values(QUEUES)) {
		await b.createQueue(queue.name, queue);
		await b.updateQueue(queue.name, queue);
	}
	boss = b;
	return b;
}

export const jobsSchema = () => process.env.SOS_JOBS_SCHEMA || 'pgboss';

/** Starts the concern's workers in this instance (as many as its queue's `workers`), each taking one job at a time. */
export async function work<T extends JobData>(b: PgBoss, concern: Concern, handler: (data: T, jobId: string) => Promise<unknown>): Promise<void> {
	const ids: string[] = [];
	for (let i = 0; i < QUEUES[concern].workers; i++) ids.push(await b.work<T>(QUEUES[concern].name, { batchSize: 1 }, ([job]) => handler(job.data, job.id)));
	workers.set(concern, ids);
}

/**
 * Queues a job; a job of the same key already waiting takes its place (null). This instance's
 * workers of that queue look at once rather than at their next poll.
 */
export async function enqueue<T extends JobData>(concern: Concern, data: T, key?: string): Promise<string | null> {
	const b = boss;
	if (!b) return null;
	const id = await b.send(QUEUES[concern].name, data, key ? { singletonKey: key } : {});
	for (const w of workers.get(concern) ?? []) b.notifyWorker(w);
	return id;
}

/**
 * The keys (organizations, exports, benchmarks) that have a job of this concern waiting, running or
 * due for a retry. The tick queues no second job for them: an organization whose job is slow (or whose
 * instance died: the job expires and is retried) holds up only its own work, in one worker.
 */
export async function busyKeys(concern: Concern): Promise<Set<string>> {
	const b = boss;
	if (!b) return new Set();
	const { rows } = await b
		.getDb()
		.executeSql(
			`SELECT DISTINCT singleton_key FROM ${jobsSchema()}.job WHERE name = $1 AND state IN ('created', 'retry', 'active') AND singleton_key IS NOT NULL`,
			[QUEUES[concern].name]
		);
	return new Set(rows.map((r: { singleton_key: string }) => r.singleton_key));
}

export async function stopBoss(): Promise<void> {
	const b = boss;
	boss = null;
	workers.clear();
	await b?.stop({ graceful: true, timeout: 5000 });
}
