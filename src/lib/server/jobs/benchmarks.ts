import { dueBenchmarks, rebuildBenchmarkIfDue, type BenchmarkKey } from '$lib/server/benchmarks/due';
import { enqueue } from './boss';
import type { JobData } from './queues';

export type BenchmarkJob = JobData & BenchmarkKey;

const keyOf = (k: BenchmarkKey) => `${k.modelId}:${k.modelVersion}:${k.population}`;

/** Queues one job per benchmark a round has closed for since its last build. Returns how many are due. */
export async function enqueueDueBenchmarks(tick: string | undefined): Promise<number> {
	const due = await dueBenchmarks();
	for (const k of due) await enqueue('benchmarks', { tick, ...k }, keyOf(k));
	return due.length;
}

/** One benchmark (model version and population), rebuilt if still due. */
export async function benchmarkJob(job: BenchmarkJob): Promise<void> {
	const key = { modelId: job.modelId, modelVersion: job.modelVersion, population: job.population };
	if (await rebuildBenchmarkIfDue(key)) console.log(`[jobs] benchmark rebuilt: ${keyOf(key)}`);
}
