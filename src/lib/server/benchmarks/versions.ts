import { db, type Db } from '$lib/server/db';

export type Population = 'live' | 'demo';

/** Demo organizations are compared among themselves, customers among customers. */
export async function populationOf(organizationId: string, executor: Db = db()): Promise<Population> {
	const org = await executor.selectFrom('organizations').select('is_demo').where('id', '=', organizationId).executeTakeFirstOrThrow();
	return org.is_demo ? 'demo' : 'live';
}

/** The newest benchmark SOS published for a model version and the organization's population, or null (the one a round pins). */
export async function latestBenchmarkVersion(
	opts: { organizationId: string; modelId: string; modelVersion: string },
	executor: Db = db()
): Promise<string | null> {
	const population = await populationOf(opts.organizationId, executor);
	const v = await executor
		.selectFrom('benchmark_versions')
		.select('id')
		.where('model_id', '=', opts.modelId)
		.where('model_version', '=', opts.modelVersion)
		.where('population', '=', population)
		.where('source', '=', 'sos')
		.where('published', '=', true)
		.orderBy('built_at', 'desc')
		.limit(1)
		.executeTakeFirst();
	return v?.id ?? null;
}

export interface BenchmarkVersion {
	id: string;
	modelId: string;
	modelVersion: string;
	source: 'sos' | 'import';
	label: string;
	builtAt: Date;
	organizations: number;
	respondents: number;
	/** Pinned by rounds and listed to organizations (a version built from too few changes is kept back). */
	published: boolean;
	/** Earlier model versions whose rounds it carries for the figures that compare (empty: none). */
	carriedVersions: string[];
}

const columns = [
	'id',
	'model_id as modelId',
	'model_version as modelVersion',
	'source',
	'label',
	'built_at as builtAt',
	'organizations',
	'respondents',
	'published',
	'carried_versions as carriedVersions'
] as const;

/** Benchmark versions of one population, newest first (imported sources are the operator's and live); `published` only those organizations may see. */
export function listBenchmarkVersions(
	opts: { population: Population; modelId?: string; modelVersion?: string; source?: 'sos' | 'import'; published?: boolean; limit?: number },
	executor: Db = db()
): Promise<BenchmarkVersion[]> {
	let q = executor.selectFrom('benchmark_versions').select(columns).where('population', '=', opts.population);
	if (opts.source) q = q.where('source', '=', opts.source);
	if (opts.published) q = q.where('published', '=', true);
	if (opts.modelId) q = q.where('model_id', '=', opts.modelId);
	if (opts.modelVersion) q = q.where('model_version', '=', opts.modelVersion);
	return q
		.orderBy('built_at', 'desc')
		.limit(opts.limit ?? 100)
		.execute();
}

export function getBenchmarkVersion(id: string, executor: Db = db()): Promise<BenchmarkVersion | undefined> {
	return executor.selectFrom('benchmark_versions').select(columns).where('id', '=', id).executeTakeFirst();
}
