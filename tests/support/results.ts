import { db } from '$lib/server/db';
import type { JobRole } from '$lib/server/db/schema';
import { latestModel, type CompiledModel } from '$lib/server/models/registry';
import { buildRoundResults, freezeUnitTree } from '$lib/server/results/build';
import { insertPublishedRound } from '$lib/server/results/past-round';
import { generateResponse, seeded, teamProfile } from '$lib/server/bootstrap/generate';
import type { RoundQuestion } from '$lib/server/rounds/questions';

export interface TreeSpec {
	/** Unit name → parent name (null for a top unit). */
	units: Record<string, string | null>;
	/** Unit name → respondents per group (a job role of the model) in that unit itself. */
	respondents: Record<string, Partial<Record<JobRole, number>>>;
}

/**
 * An organization's units and a published round over them with generated responses, its results built
 * as closing builds them. For results tests; the round's benchmark is `benchmarkVersionId` (none by default).
 */
export async function createPublishedRound(opts: {
	organizationId: string;
	tree: TreeSpec;
	k?: number;
	seed?: number;
	questions?: RoundQuestion[];
	questionAnswers?: (i: number) => Record<string, unknown>;
	closedAt?: Date;
	benchmarkVersionId?: string | null;
	existingUnits?: Record<string, string>;
	/** The model version the round uses (default: the newest). */
	model?: CompiledModel;
}) {
	const model = opts.model ?? (await latestModel('sos'));
	const ids: Record<string, string> = { ...opts.existingUnits };
	const pending = Object.entries(opts.tree.units).filter(([name]) => !ids[name]);
	while (pending.length) {
		const i = pending.findIndex(([, parent]) => parent === null || ids[parent]);
		if (i < 0) throw new Error('tree spec has a unit whose parent is missing');
		const [[name, parent]] = pending.splice(i, 1);
		ids[name] = (
			await db()
				.insertInto('units')
				.values({ organization_id: opts.organizationId, name, parent_id: parent ? ids[parent] : null })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	}
	const closedAt = opts.closedAt ?? new Date(Date.now() - 86_400_000);
	// Round, responses and results in one transaction: the test server's scheduler (which builds missing
	// results of published rounds) never sees the round half made.
	const round = await db()
		.transaction()
		.execute(async (trx) => {
			const id = await insertPublishedRound(
				model,
				{
					organizationId: opts.organizationId,
					name: `Round ${closedAt.toISOString().slice(0, 10)}`,
					closedAt,
					tree: await freezeUnitTree(opts.organizationId, trx),
					questions: opts.questions,
					k: opts.k,
					benchmarkVersionId: opts.benchmarkVersionId
				},
				trx
			);
			const rnd = seeded(opts.seed ?? 7);
			const rows = [];
			let n = 0;
			for (const [unit, roles] of Object.entries(opts.tree.respondents)) {
				const profile = teamProfile(rnd, model.shape.areas.length, 2.5 + rnd() * 1.5);
				for (const role of model.structure.groups)
					for (let i = 0; i < (roles[role] ?? 0); i++) {
						const r = generateResponse(rnd, model.shape, profile, { dontKnow: 0.08 });
						rows.push({
							organization_id: opts.organizationId,
							round_id: id,
							unit_id: ids[unit],
							job_role: role,
							answers: r.answers as number[],
							area_scores: r.areaScores,
							question_answers: JSON.stringify(opts.questionAnswers?.(n++) ?? {})
						});
					}
			}
			for (let i = 0; i < rows.length; i += 500)
				await trx
					.insertInto('responses')
					.values(rows.slice(i, i + 500))
					.execute();
			await buildRoundResults({ organizationId: opts.organizationId, roundId: id }, trx);
			return { id };
		});
	return { roundId: round.id, unitIds: ids, model };
}
