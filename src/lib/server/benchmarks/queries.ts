import { db, type Db } from '$lib/server/db';

/** The customer organizations (not demo ones) by name, with whether each is left out of the benchmark; for the operator. */
export async function listBenchmarkOrganizations(executor: Db = db()): Promise<{ id: string; name: string; isDemo: boolean; excluded: boolean }[]> {
	return executor
		.selectFrom('organizations')
		.select(['id', 'name', 'is_demo as isDemo', 'benchmark_excluded as excluded'])
		.where('is_demo', '=', false)
		.orderBy('name')
		.execute();
}
