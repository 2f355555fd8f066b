import { db, writable, type Db } from '$lib/server/db';
import type { JobRole } from '$lib/server/db/schema';
import type { CompiledModel } from '$lib/server/models/registry';
import type { RoundQuestion } from '$lib/server/rounds/questions';
import { computePattern, decodePattern, encodePattern, type Pattern, type StoredPattern, type UnitCounts } from '$lib/results/pattern';

/** What the pattern of a round is decided on: the frozen tree and every unit's own counts per respondent group. */
export interface PatternSource {
	k: number;
	tree: readonly { id: string; parentId: string | null }[];
	questions: readonly RoundQuestion[];
	counts: readonly { unitId: string; role: JobRole; counts: UnitCounts }[];
}

/** The round's disclosure pattern, worked out from its counts (pure, deterministic). */
export function patternOf(model: CompiledModel, source: PatternSource): Pattern {
	const own = new Map<string, Partial<Record<JobRole, UnitCounts>>>();
	for (const c of source.counts) (own.get(c.unitId) ?? own.set(c.unitId, {}).get(c.unitId)!)[c.role] = c.counts;
	return computePattern({
		k: source.k,
		tree: source.tree,
		groups: model.structure.groups,
		own,
		areaStatements: model.shape.areas.map((a) => a.statements),
		statements: model.shape.statementCount,
		questionKeys: source.questions.map((q) => q.key),
		textQuestionKeys: source.questions.filter((q) => q.type === 'text').map((q) => q.key)
	});
}

/**
 * The stored pattern of a round, or — for a round whose results were built before patterns were
 * stored — the pattern worked out now and stored, once: a stored pattern is never replaced.
 */
export async function storedPattern(
	opts: { organizationId: string; roundId: string; stored: StoredPattern | null; make: () => Pattern },
	executor: Db = db()
): Promise<Pattern> {
	if (opts.stored) return decodePattern(opts.stored);
	const made = opts.make();
	// A write on a read path: on the primary even when the results are read from a replica.
	const primary = writable(executor);
	const row = await primary
		.updateTable('round_results')
		.set({ disclosure: JSON.stringify(encodePattern(made)) })
		.where('organization_id', '=', opts.organizationId)
		.where('round_id', '=', opts.roundId)
		.where('disclosure', 'is', null)
		.returning('round_id')
		.executeTakeFirst();
	if (row) return made;
	const again = await primary
		.selectFrom('round_results')
		.select('disclosure')
		.where('organization_id', '=', opts.organizationId)
		.where('round_id', '=', opts.roundId)
		.executeTakeFirstOrThrow();
	return decodePattern(again.disclosure!);
}
