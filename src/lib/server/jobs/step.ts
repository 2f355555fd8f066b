import { isShutdownError } from '$lib/server/db';

/**
 * One step of a job: a failure is logged and the job's other steps still run. Returns the step's result,
 * or the error it failed with (the job then fails once all its steps have run, and pg-boss retries it).
 */
export async function step<T>(name: string, work: () => Promise<T>): Promise<T | Error> {
	const started = Date.now();
	try {
		return await work();
	} catch (err) {
		if (!isShutdownError(err)) console.error(`[jobs] ${name}:`, err instanceof Error ? err.message : err);
		return err instanceof Error ? err : new Error(String(err));
	} finally {
		if (Date.now() - started > 5000) console.warn(`[jobs] ${name} took ${Date.now() - started} ms`);
	}
}

/** Throws the first error among the steps' results (after they have all run), so that the job fails and is retried. */
export function failOnError(results: unknown[]): void {
	const failed = results.find((r) => r instanceof Error);
	if (failed) throw failed;
}

export const counted = (r: number | Error): number => (r instanceof Error ? 0 : r);
