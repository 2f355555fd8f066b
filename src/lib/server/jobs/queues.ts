import type PgBoss from 'pg-boss';

/**
 * The job queues, one per concern. The tick is "stately" (one running and one waiting, across all
 * instances) and only fans out: it finds what is due and queues one job per organization (or per export,
 * per benchmark). Those queues are "short": a job waiting for the same key (organization, export,
 * benchmark) collapses a second one, while a running one does not hold up the next — the work is safe to
 * run twice anyway (row locks, SKIP LOCKED and flags in the database). A job whose instance died is
 * expired after `expireInSeconds` (by pg-boss's maintenance) and retried up to `retryLimit` times.
 * `workers` is each instance's concurrency on that queue: one slow organization or export holds one of them.
 */
export const QUEUES = {
	tick: { name: 'sos-tick', policy: 'stately', retryLimit: 2, expireInSeconds: 120, workers: 1 },
	rounds: { name: 'sos-rounds', policy: 'short', retryLimit: 2, retryDelay: 5, expireInSeconds: 600, workers: 2 },
	emails: { name: 'sos-emails', policy: 'short', retryLimit: 2, retryDelay: 5, expireInSeconds: 300, workers: 4 },
	exports: { name: 'sos-exports', policy: 'short', retryLimit: 1, retryDelay: 5, expireInSeconds: 1800, workers: 2 },
	benchmarks: { name: 'sos-benchmarks', policy: 'short', retryLimit: 2, retryDelay: 30, expireInSeconds: 1800, workers: 1 },
	billing: { name: 'sos-billing', policy: 'short', retryLimit: 3, retryDelay: 60, expireInSeconds: 300, workers: 1 },
	housekeeping: { name: 'sos-housekeeping', policy: 'short', retryLimit: 1, retryDelay: 30, expireInSeconds: 300, workers: 1 }
} as const satisfies Record<string, PgBoss.Queue & { workers: number }>;

export type Concern = keyof typeof QUEUES;

/** The queues the tick fans out to (every queue but the tick's own). */
export const WORK_QUEUES = (Object.keys(QUEUES) as Concern[]).filter((c) => c !== 'tick').map((c) => QUEUES[c].name);

/** Every job carries the tick it stems from (the test helper waits for all of a tick's jobs by it). */
export interface JobData {
	tick?: string;
}

export interface OrganizationJob extends JobData {
	organizationId: string;
}
