import type { Db } from '$lib/server/db';
import type { FrozenUnit, JobRole } from '$lib/server/db/schema';
import { NotFoundError } from '$lib/server/errors';
import { isUuid } from '$lib/server/validation';
import { getModel, type CompiledModel } from '$lib/server/models/registry';
import type { RoundQuestion } from '$lib/server/rounds/questions';
import type { GroupStats, QuestionTally } from '$lib/results/stats';
import type { RoundData } from '$lib/results/view';

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
}

function published(db: Db, organizationId: string) {
	return db
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
			'x.respondents'
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
export async function listPublishedRounds(db: Db, opts: { organizationId: string }): Promise<PublishedRound[]> {
	return (await published(db, opts.organizationId).orderBy('r.closed_at', 'desc').execute()).map(present);
}

/** One published round of the organization, or NotFoundError (also before its publishing date). */
export async function getPublishedRound(db: Db, opts: { organizationId: string; roundId: string }): Promise<PublishedRound> {
	if (!isUuid(opts.roundId)) throw new NotFoundError('round');
	const r = await published(db, opts.organizationId).where('r.id', '=', opts.roundId).executeTakeFirst();
	if (!r) throw new NotFoundError('round');
	return present(r);
}

/** A round's aggregates in the shape the pure view takes. */
export async function loadRoundData(db: Db, opts: { organizationId: string; round: PublishedRound }): Promise<{ data: RoundData; model: CompiledModel }> {
	const model = await getModel(opts.round.modelId, opts.round.modelVersion);
	const rows = await db
		.selectFrom('round_aggregates')
		.select(['unit_id', 'job_role', 'respondents', 'area_n', 'area_sum', 'statement_n', 'statement_sum', 'statement_dist', 'questions'])
		.where('organization_id', '=', opts.organizationId)
		.where('round_id', '=', opts.round.id)
		.execute();
	// The structure as surveyed, under today's names (a renamed unit is the same unit).
	const names = new Map((await db.selectFrom('units').select(['id', 'name']).where('organization_id', '=', opts.organizationId).execute()).map((u) => [u.id, u.name]));
	const tree = opts.round.tree.map((u) => ({ ...u, name: names.get(u.id) ?? u.name }));
	const aggregates = rows.map((a) => ({
		unitId: a.unit_id,
		role: a.job_role as JobRole,
		stats: {
			respondents: a.respondents,
			areaN: a.area_n,
			areaSum: a.area_sum,
			statementN: a.statement_n,
			statementSum: a.statement_sum,
			statementDist: a.statement_dist,
			questions: a.questions as Record<string, QuestionTally>
		} satisfies GroupStats
	}));
	return {
		model,
		data: {
			k: opts.round.k,
			areas: model.shape.areas.length,
			statements: model.shape.statementCount,
			questionKeys: opts.round.questions.map((q) => q.key),
			tree,
			aggregates
		}
	};
}
