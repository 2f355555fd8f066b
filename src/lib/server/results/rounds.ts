import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { FrozenUnit, JobRole } from '$lib/server/db/schema';
import { NotFoundError } from '$lib/server/errors';
import { isUuid } from '$lib/server/validation';
import { getModel, type CompiledModel } from '$lib/server/models/registry';
import type { RoundQuestion } from '$lib/server/rounds/questions';
import { emptyStats, type GroupStats, type QuestionTally } from '$lib/results/stats';
import { ORGANIZATION, type RoundData } from '$lib/results/view';
import type { StoredPattern } from '$lib/results/pattern';
import { patternOf, storedPattern } from './pattern';

export interface PublishedRound {
	id: string;
	name: string;
	modelId: string;
	modelVersion: string;
	k: number;
	startsAt: Date;
	closedAt: Date | null;
	publishedAt: Date | null;
	isGenerated: boolean;
	benchmarkVersionId: string | null;
	questions: RoundQuestion[];
	tree: FrozenUnit[];
	respondents: number;
	/** The stored disclosure pattern (null for rounds built before patterns were stored). */
	disclosure: StoredPattern | null;
}

function published(organizationId: string, executor: Db = db()) {
	return executor
		.selectFrom('rounds as r')
		.innerJoin('round_results as x', (j) => j.onRef('x.organization_id', '=', 'r.organization_id').onRef('x.round_id', '=', 'r.id'))
		.select([
			'r.id',
			'r.name',
			'r.model_id as modelId',
			'r.model_version as modelVersion',
			'r.min_group_size as k',
			'r.starts_at as startsAt',
			'r.closed_at as closedAt',
			'r.published_at as publishedAt',
			'r.is_generated as isGenerated',
			'r.benchmark_version_id as benchmarkVersionId',
			'r.questions',
			'r.unit_tree as tree',
			'x.respondents',
			'x.disclosure'
		])
		.where('r.organization_id', '=', organizationId)
		.where('r.status', '=', 'published');
}

const present = (r: Awaited<ReturnType<ReturnType<typeof published>['executeTakeFirstOrThrow']>>): PublishedRound => ({
	...r,
	questions: (r.questions ?? []) as RoundQuestion[],
	tree: r.tree ?? []
});

/** The organization's rounds whose results are published, newest first. */
export async function listPublishedRounds(opts: { organizationId: string }, executor: Db = db()): Promise<PublishedRound[]> {
	return (await published(opts.organizationId, executor).orderBy('r.closed_at', 'desc').execute()).map(present);
}

/** One published round of the organization, or NotFoundError (also before its publishing date). */
export async function getPublishedRound(opts: { organizationId: string; roundId: string }, executor: Db = db()): Promise<PublishedRound> {
	if (!isUuid(opts.roundId)) throw new NotFoundError('round');
	const r = await published(opts.organizationId, executor).where('r.id', '=', opts.roundId).executeTakeFirst();
	if (!r) throw new NotFoundError('round');
	return present(r);
}

/**
 * A round's figures in the shape the pure view takes: every unit's own counts (what the anonymity rule
 * needs, for the whole tree) and the whole-subtree figures of the units `totalsFor` names (what a page
 * shows) — a few rows, however large the organization. ORGANIZATION stands for the top units.
 */
export async function loadRoundData(
	opts: { organizationId: string; round: PublishedRound; totalsFor: string[] },
	executor: Db = db()
): Promise<{ data: RoundData; model: CompiledModel }> {
	const model = await getModel(opts.round.modelId, opts.round.modelVersion);
	const wanted = new Set(
		opts.totalsFor.flatMap((id) => (id === ORGANIZATION ? opts.round.tree.filter((u) => !u.parentId).map((u) => u.id) : [id])).filter(isUuid)
	);
	// Arrays come as one JSON value per row: parsed natively, many times faster than array literals.
	const [counts, totals, units] = await Promise.all([
		executor
			.selectFrom('round_aggregates')
			.select(['unit_id', 'job_role', 'respondents', 'questions', sql<[number[], number[]]>`json_build_array(area_n, statement_n)`.as('arrays')])
			.where('organization_id', '=', opts.organizationId)
			.where('round_id', '=', opts.round.id)
			.execute(),
		wanted.size
			? executor
					.selectFrom('round_totals')
					.select([
						'unit_id',
						'job_role',
						'respondents',
						'questions',
						sql<
							[number[], number[], number[], number[], number[], number[] | null, number[] | null]
						>`json_build_array(area_n, area_sum, statement_n, statement_sum, statement_dist, statement_not_used, area_sum_sq)`.as('arrays')
					])
					.where('organization_id', '=', opts.organizationId)
					.where('round_id', '=', opts.round.id)
					.where('unit_id', 'in', [...wanted])
					.execute()
			: Promise.resolve([]),
		executor.selectFrom('units').select(['id', 'name']).where('organization_id', '=', opts.organizationId).execute()
	]);
	const dims = { areaCount: model.shape.areas.length, statementCount: model.shape.statementCount };
	const aggregates = counts.map((a) => {
		const stats = emptyStats(dims);
		stats.respondents = a.respondents;
		stats.areaN = a.arrays[0];
		// Counts only: no sums are read here, so none may be taken from them.
		delete stats.areaSumSq;
		stats.statementN = a.arrays[1];
		stats.questions = a.questions as Record<string, QuestionTally>;
		return { unitId: a.unit_id, role: a.job_role as JobRole, stats };
	});
	const byUnit = new Map<string, Partial<Record<JobRole, GroupStats>>>();
	for (const t of totals) {
		const [areaN, areaSum, statementN, statementSum, statementDist, statementNotUsed, areaSumSq] = t.arrays;
		(byUnit.get(t.unit_id) ?? byUnit.set(t.unit_id, {}).get(t.unit_id)!)[t.job_role as JobRole] = {
			respondents: t.respondents,
			areaN,
			areaSum,
			...(areaSumSq ? { areaSumSq } : {}),
			statementN,
			statementSum,
			statementDist,
			// Results built before "not used" was counted have none: zeros.
			statementNotUsed: statementNotUsed ?? Array(dims.statementCount).fill(0),
			questions: t.questions as Record<string, QuestionTally>
		};
	}
	const unitTotals = new Map([...wanted].map((id) => [id, byUnit.get(id) ?? {}]));
	const { round } = opts;
	const pattern = await storedPattern(
		{
			organizationId: opts.organizationId,
			roundId: round.id,
			stored: round.disclosure,
			make: () =>
				patternOf(model, {
					k: round.k,
					tree: round.tree,
					questions: round.questions,
					counts: aggregates.map((a) => ({ unitId: a.unitId, role: a.role, counts: a.stats }))
				})
		},
		executor
	);
	// The structure as surveyed, under today's names (a renamed unit is the same unit).
	const names = new Map(units.map((u) => [u.id, u.name]));
	const tree = opts.round.tree.map((u) => ({ ...u, name: names.get(u.id) ?? u.name }));
	return {
		model,
		data: {
			k: round.k,
			areas: dims.areaCount,
			statements: dims.statementCount,
			areaStatements: model.shape.areas.map((a) => a.statements),
			groups: model.structure.groups,
			questionKeys: round.questions.map((q) => q.key),
			tree,
			aggregates,
			totals: unitTotals,
			pattern
		}
	};
}

/** A unit of the round's tree and its sub-units down to `depth` levels (ORGANIZATION: the whole tree's top; Infinity: all levels). */
export function unitsBelow(round: PublishedRound, unitId: string, depth: number): string[] {
	const out = [unitId];
	let level = [unitId];
	for (let d = 0; d < depth && level.length > 0; d++) {
		level = round.tree.filter((u) => (u.parentId === null ? level.includes(ORGANIZATION) : level.includes(u.parentId))).map((u) => u.id);
		out.push(...level);
	}
	return out;
}
