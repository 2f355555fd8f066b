import { db, type Db } from '$lib/server/db';

/**
 * Every organization with whether it is left out of the benchmark, for the operator: customers first (the
 * live benchmark), then the generated demo organizations (the demo benchmark), each by name.
 */
export async function listBenchmarkOrganizations(executor: Db = db()): Promise<{ id: string; name: string; isDemo: boolean; excluded: boolean }[]> {
	return executor
		.selectFrom('organizations')
		.select(['id', 'name', 'is_demo as isDemo', 'benchmark_excluded as excluded'])
		.where('deleted_at', 'is', null)
		.orderBy('is_demo')
		.orderBy('name')
		.execute();
}
