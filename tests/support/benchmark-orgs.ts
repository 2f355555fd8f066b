import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import type { CompiledModel } from '$lib/server/models/registry';
import { insertPublishedRound } from '$lib/server/results/past-round';

const DAY = 86_400_000;

export interface BenchmarkRound {
	/** Every area and statement mean (a multiple of 1/8, so single precision keeps it exact). */
	mean: number;
	daysAgo: number;
	respondents?: number;
	k?: number;
	/** Metric (areas, then statements) → how many answered it, where fewer than all did (the rest: "don't know"). */
	answered?: Record<number, number>;
}

/**
 * An organization for benchmark tests, in a database of the test's own, with one closed round on `model`
 * (see `benchmarkRound`).
 */
export async function benchmarkOrganization(
	db: Kysely<Database>,
	model: CompiledModel,
	o: BenchmarkRound & { industry?: string }
): Promise<{ id: string; roundId: string; mean: number }> {
	const org = await db
		.insertInto('organizations')
		.values({
			name: `Org ${o.mean} ${Math.random()}`,
			industry: o.industry ?? 'manufacturing',
			country: 'SE',
			size_band: '50-199',
			sales_model: 'field',
			level_names: ['Team']
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return { id: org.id, roundId: await benchmarkRound(db, model, org.id, o), mean: o.mean };
}

/** A closed round of an organization on `model` whose results are exactly `mean` on every area and statement. */
export async function benchmarkRound(db: Kysely<Database>, model: CompiledModel, organizationId: string, o: BenchmarkRound): Promise<string> {
	const areas = model.shape.areas.length;
	const statements = model.shape.statementCount;
	const respondents = o.respondents ?? 8;
	const roundId = await insertPublishedRound(
		model,
		{ organizationId, name: 'Round', closedAt: new Date(Date.now() - o.daysAgo * DAY), tree: '[]', k: o.k ?? 5 },
		db
	);
	const n = (metric: number) => o.answered?.[metric] ?? respondents;
	await db
		.insertInto('round_aggregates')
		.values({
			organization_id: organizationId,
			round_id: roundId,
			unit_id: crypto.randomUUID(),
			job_role: 'sales_person',
			respondents,
			area_n: Array.from({ length: areas }, (_, i) => n(i)),
			area_sum: Array.from({ length: areas }, (_, i) => n(i) * o.mean),
			statement_n: Array.from({ length: statements }, (_, i) => n(areas + i)),
			statement_sum: Array.from({ length: statements }, (_, i) => n(areas + i) * o.mean),
			statement_dist: Array(statements * 6).fill(0),
			questions: '{}'
		})
		.execute();
	await db
		.insertInto('round_results')
		.values({
			organization_id: organizationId,
			round_id: roundId,
			respondents,
			area_means: Array(areas).fill(o.mean),
			statement_means: Array(statements).fill(o.mean)
		})
		.execute();
	return roundId;
}
