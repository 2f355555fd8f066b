import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { FrozenUnit, JobRole } from '$lib/server/db/schema';
import { getModel } from '$lib/server/models/registry';
import type { RoundQuestion } from '$lib/server/rounds/questions';
import { addResponse, addStats, areaScore, emptyStats, statementMean, type GroupStats, type QuestionShape } from '$lib/results/stats';
import { encodePattern, ORGANIZATION } from '$lib/results/pattern';
import { patternOf } from './pattern';

const BATCH = 5000;

export const questionShapes = (questions: readonly RoundQuestion[]): QuestionShape[] =>
	questions.map((q) => ({ key: q.key, type: q.type, options: q.en.options?.length ?? 0 }));

/**
 * Builds a closed round's results once: the responses are read in batches and summed per frozen unit
 * and job role (round_aggregates), the round's totals are stored (round_results, which also marks the
 * results complete), and free-text answers are copied apart from their responses, in a random order.
 * Called inside the transaction that closes the round, which holds the round's row lock; submits take
 * a share lock on the round, so every response stored while it was open is counted. Does nothing when
 * the results exist already.
 */
export async function buildRoundResults(opts: { organizationId: string; roundId: string }, executor: Db = db()): Promise<{ respondents: number } | null> {
	const { organizationId, roundId } = opts;
	const done = await executor
		.selectFrom('round_results')
		.select('respondents')
		.where('organization_id', '=', organizationId)
		.where('round_id', '=', roundId)
		.executeTakeFirst();
	if (done) return null;
	const round = await executor
		.selectFrom('rounds')
		.select(['model_id', 'model_version', 'questions', 'unit_tree', 'min_group_size'])
		.where('organization_id', '=', organizationId)
		.where('id', '=', roundId)
		.executeTakeFirstOrThrow();
	const model = await getModel(round.model_id, round.model_version);
	const questions = (round.questions ?? []) as RoundQuestion[];
	const shapes = questionShapes(questions);
	const textKeys = questions.filter((q) => q.type === 'text').map((q) => q.key);
	const dims = { areaCount: model.shape.areas.length, statementCount: model.shape.statementCount };

	const groups = new Map<string, { unitId: string; role: JobRole; stats: GroupStats }>();
	const comments: { question_key: string; unit_id: string; body: string }[] = [];
	for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
		const rows = await executor
			.selectFrom('responses')
			.select(['id', 'unit_id', 'job_role', 'answers', 'area_scores', 'question_answers'])
			.where('organization_id', '=', organizationId)
			.where('round_id', '=', roundId)
			.where('id', '>', after)
			.orderBy('id')
			.limit(BATCH)
			.execute();
		for (const r of rows) {
			const key = `${r.unit_id}|${r.job_role}`;
			const g = groups.get(key) ?? groups.set(key, { unitId: r.unit_id, role: r.job_role, stats: emptyStats(dims) }).get(key)!;
			const qa = (r.question_answers ?? {}) as Record<string, unknown>;
			addResponse(g.stats, { answers: r.answers, areaScores: r.area_scores, questionAnswers: qa }, shapes);
			for (const k of textKeys) if (typeof qa[k] === 'string' && qa[k]) comments.push({ question_key: k, unit_id: r.unit_id, body: qa[k] as string });
		}
		if (rows.length < BATCH) break;
		after = rows[rows.length - 1].id;
	}

	const total = emptyStats(dims);
	for (const g of groups.values()) addStats(total, g.stats);
	const row = ({ unitId, role, stats: s }: { unitId: string; role: JobRole; stats: GroupStats }) => ({
		organization_id: organizationId,
		round_id: roundId,
		unit_id: unitId,
		job_role: role,
		respondents: s.respondents,
		area_n: s.areaN,
		area_sum: s.areaSum,
		area_sum_sq: s.areaSumSq ?? null,
		statement_n: s.statementN,
		statement_sum: s.statementSum,
		statement_dist: s.statementDist,
		statement_not_used: s.statementNotUsed,
		questions: JSON.stringify(s.questions)
	});
	const aggregates = [...groups.values()].map(row);
	for (let i = 0; i < aggregates.length; i += 500)
		await executor
			.insertInto('round_aggregates')
			.values(aggregates.slice(i, i + 500))
			.execute();
	const totals = subtreeTotals(round.unit_tree ?? [], groups, dims).map(row);
	for (let i = 0; i < totals.length; i += 500)
		await executor
			.insertInto('round_totals')
			.values(totals.slice(i, i + 500))
			.execute();
	// A random order (Fisher–Yates with a cryptographic generator): nothing about the order says who or when.
	for (let i = comments.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[comments[i], comments[j]] = [comments[j], comments[i]];
	}
	const commentRows = comments.map((c, position) => ({ organization_id: organizationId, round_id: roundId, position, ...c }));
	for (let i = 0; i < commentRows.length; i += 1000)
		await executor
			.insertInto('round_comments')
			.values(commentRows.slice(i, i + 1000))
			.execute();
	// What may ever be shown, decided now for the whole organization; the round's own means (what the
	// benchmark takes) are the organization's figures as that pattern shows them.
	const pattern = patternOf(model, {
		k: round.min_group_size,
		tree: round.unit_tree ?? [],
		questions,
		counts: [...groups.values()].map((g) => ({ unitId: g.unitId, role: g.role, counts: g.stats }))
	});
	const top = pattern.units.indexOf(ORGANIZATION);
	const statementShown = (i: number) => !!pattern.statements[i].all[top];
	await executor
		.insertInto('round_results')
		.values({
			organization_id: organizationId,
			round_id: roundId,
			respondents: total.respondents,
			area_means: model.shape.areas.map((a, i) => (pattern.areas[i].all[top] ? areaScore(total, a.statements, statementShown) : null)),
			statement_means: Array.from({ length: dims.statementCount }, (_, i) => (statementShown(i) ? statementMean(total, i) : null)),
			disclosure: JSON.stringify(encodePattern(pattern))
		})
		.execute();
	return { respondents: total.respondents };
}

/** Each unit's figures over its whole subtree of the frozen tree, per job role (units without responses below them are left out). */
function subtreeTotals(
	tree: FrozenUnit[],
	groups: Map<string, { unitId: string; role: JobRole; stats: GroupStats }>,
	dims: { areaCount: number; statementCount: number }
) {
	const parent = new Map(tree.map((u) => [u.id, u.parentId]));
	const out = new Map<string, GroupStats>();
	for (const g of groups.values()) {
		// Up the frozen tree from the unit the responses belong to: each ancestor's total includes them.
		const seen = new Set<string>();
		for (let id: string | null = g.unitId; id && !seen.has(id); id = parent.get(id) ?? null) {
			seen.add(id);
			const key = `${id}|${g.role}`;
			addStats(out.get(key) ?? out.set(key, emptyStats(dims)).get(key)!, g.stats);
		}
	}
	return [...out].map(([key, stats]) => ({ unitId: key.split('|')[0], role: key.split('|')[1] as JobRole, stats }));
}

/** The organization's unit tree now, as a round freezes it at launch. */
export async function freezeUnitTree(organizationId: string, executor: Db = db()): Promise<string> {
	const units = await executor.selectFrom('units').select(['id', 'parent_id', 'name']).where('organization_id', '=', organizationId).execute();
	return JSON.stringify(units.map((u) => ({ id: u.id, parentId: u.parent_id, name: u.name })));
}

/** Organizations with a round that closed before results were built (the jobs' fan-out: one rounds job each). */
export async function organizationsMissingResults(executor: Db = db()): Promise<string[]> {
	const rows = await sql<{ organization_id: string }>`
		SELECT DISTINCT r.organization_id FROM rounds r
		WHERE r.status IN ('closed', 'published')
			AND NOT EXISTS (SELECT 1 FROM round_results x WHERE x.organization_id = r.organization_id AND x.round_id = r.id)`.execute(executor);
	return rows.rows.map((r) => r.organization_id);
}

/** One organization's rounds that closed before results were built (e.g. by an older version): built now, one by one. */
export async function buildMissingResults(opts: { organizationId: string }, executor: Db = db()): Promise<number> {
	const missing = await sql<{ organization_id: string; id: string }>`
		SELECT r.organization_id, r.id FROM rounds r
		WHERE r.organization_id = ${opts.organizationId} AND r.status IN ('closed', 'published')
			AND NOT EXISTS (SELECT 1 FROM round_results x WHERE x.organization_id = r.organization_id AND x.round_id = r.id)
		LIMIT 20`.execute(executor);
	for (const r of missing.rows)
		await executor.transaction().execute(async (trx) => {
			await trx.selectFrom('rounds').select('id').where('organization_id', '=', r.organization_id).where('id', '=', r.id).forUpdate().execute();
			await buildRoundResults({ organizationId: r.organization_id, roundId: r.id }, trx);
		});
	return missing.rows.length;
}
