import { db, type Db } from '$lib/server/db';
import type { CompiledModel } from '$lib/server/models/registry';
import type { RoundQuestion } from '$lib/server/rounds/questions';

const DAY = 86_400_000;

/**
 * A round that ran two weeks up to `closedAt` and is published, inserted as such (generated demo history,
 * tests and benchmarks; real rounds get there through their dates). Its responses and results are the
 * caller's to add; `tree` is the frozen unit tree (see freezeUnitTree).
 */
export async function insertPublishedRound(
	model: CompiledModel,
	r: {
		organizationId: string;
		name: string;
		closedAt: Date;
		tree: string;
		questions?: RoundQuestion[];
		k?: number;
		generated?: boolean;
		benchmarkVersionId?: string | null;
	},
	executor: Db = db()
): Promise<string> {
	const startsAt = new Date(r.closedAt.getTime() - 14 * DAY);
	const row = await executor
		.insertInto('rounds')
		.values({
			organization_id: r.organizationId,
			name: r.name,
			model_id: model.structure.id,
			model_version: model.structure.version,
			status: 'published',
			starts_at: startsAt,
			ends_at: r.closedAt,
			publish_at: r.closedAt,
			reminders: [],
			min_group_size: r.k ?? 5,
			participants: JSON.stringify({ mode: 'all' }),
			questions: JSON.stringify(r.questions ?? []),
			created_by: r.generated ? 'system (generated demo data)' : 'system',
			created_at: new Date(startsAt.getTime() - 7 * DAY),
			opened_at: startsAt,
			closed_at: r.closedAt,
			published_at: r.closedAt,
			unit_tree: r.tree,
			is_generated: r.generated ?? false,
			benchmark_version_id: r.benchmarkVersionId ?? null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}
