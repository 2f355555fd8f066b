import { randomBytes } from 'node:crypto';
import { db, type Db } from '$lib/server/db';
import type { JobRole } from '$lib/server/db/schema';
import { latestModel } from '$lib/server/models/registry';
import { insertPublishedRound } from '$lib/server/results/past-round';
import { snapshotQuestions } from '$lib/server/rounds/questions';
import { buildRoundResults, freezeUnitTree } from '$lib/server/results/build';
import { rebuildBenchmark } from '$lib/server/benchmarks/build';
import { latestBenchmarkVersion } from '$lib/server/benchmarks/versions';
import { hashToken } from '$lib/server/auth/tokens';
import { demoComments, generateResponse, seeded, teamProfile } from './generate';
import { createDemoActions } from './demo-actions';
import { eligibleUsers } from '$lib/server/rounds/eligible';
import { benchmarkOrganizations, demoPracticesNotUsed } from './demo-data';

const DAY = 86_400_000;
const QUESTIONS = ['demand_outlook', 'biggest_obstacle', 'one_change'];
/** How far the demo organization sits above (+) or below (−) its general level in some areas (the decision it logs names joint visits). */
const DEMO_PATTERN: Record<string, number> = { targets: 0.6, visualizing: 0.25, one_to_one: -0.25, field_visits: -0.5 };

/**
 * The demo's history, all of it generated and marked so: organizations that make up a benchmark (the
 * demo organization is compared with them only, never with customers), and two earlier rounds of the
 * demo organization, six months apart, in which some teams get better — so a newcomer sees colours,
 * ranking, gaps and a trend at once.
 */
export async function createDemoHistory(opts: { organizationId: string; now?: Date }, executor: Db = db()): Promise<void> {
	const now = opts.now ?? new Date();
	const model = await latestModel('sos');
	const rnd = seeded(20261201);
	for (const [i, b] of benchmarkOrganizations.entries()) {
		const org = await executor
			.insertInto('organizations')
			.values({
				name: `Benchmark organization ${String(i + 1).padStart(2, '0')} (generated)`,
				industry: b.industry,
				country: b.country,
				size_band: b.sizeBand,
				sales_model: b.salesModel,
				level_names: ['Team'],
				is_demo: true
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const unit = await executor.insertInto('units').values({ organization_id: org.id, name: 'Sales' }).returning('id').executeTakeFirstOrThrow();
		const round = await insertPublishedRound(
			model,
			{
				organizationId: org.id,
				name: 'Sales management survey (generated)',
				closedAt: new Date(now.getTime() - (b.joinsLater ? 100 + i : 250 + ((i * 97) % 300)) * DAY),
				tree: await freezeUnitTree(org.id, executor),
				generated: true
			},
			executor
		);
		const profile = teamProfile(rnd, model.shape.areas.length, 2.7 + rnd() * 1.0);
		const people = 12 + Math.floor(rnd() * 40);
		const rows = Array.from({ length: people }, (_, p) => {
			const role: JobRole = p % 7 === 0 ? 'sales_manager' : 'sales_person';
			return {
				unit_id: unit.id,
				job_role: role,
				...generateResponse(rnd, model.shape, profile, { optimism: role === 'sales_manager' ? 0.3 : 0 }),
				questionAnswers: {}
			};
		});
		await storeResponses(org.id, round, rows, executor);
	}

	const org = opts.organizationId;
	// The demo organization is compared with the generated ones and is no part of their benchmark.
	await executor.updateTable('organizations').set({ benchmark_excluded: true }).where('id', '=', org).execute();
	const tree = await freezeUnitTree(org, executor);
	const teams = await executor.selectFrom('units').select(['id', 'name', 'parent_id']).where('organization_id', '=', org).execute();
	const withoutPractices = unitsWithout(teams, demoPracticesNotUsed.units);
	const notUsed = demoPracticesNotUsed.statements.map((key) => model.statementKeys.indexOf(key)).filter((i) => model.shape.notUsed?.includes(i));
	const people = await eligibleUsers(org, model.structure.groups, executor)
		.select(['id', 'unit_id', 'job_role', 'email', 'language'])
		.orderBy('email')
		.execute();
	const questions = await snapshotQuestions(
		org,
		QUESTIONS.map((key) => ({ source: 'standard' as const, key })),
		executor
	);
	// Who answers, the teams' levels and the company questions draw on a sequence of their own, so that they do not
	// shift with the number of statements in the model (which the answers draw on).
	const pick = seeded(20261202);
	// The organization's own pattern on top of each team's: a clear strength and a clear weakness, whatever the random draw.
	const pattern = model.shape.areas.map((a) => DEMO_PATTERN[a.key] ?? 0);
	const levels = new Map(
		teams.map((t) => [t.id, teamProfile(pick, model.shape.areas.length, 2.75 + pick() * 0.95).map((v, i) => Math.min(4.6, Math.max(1.6, v + pattern[i])))])
	);
	const rounds = [
		{ name: 'Sales management survey, spring (generated)', closedAt: new Date(now.getTime() - 240 * DAY), lift: 0 },
		{ name: 'Sales management survey, autumn (generated)', closedAt: new Date(now.getTime() - 60 * DAY), lift: 1 }
	];
	for (const r of rounds) {
		// Benchmark as it stood when the round was published; the round is compared with it for good.
		await rebuildBenchmark({ modelId: model.structure.id, modelVersion: model.structure.version, population: 'demo', now: r.closedAt }, executor);
		const version = await latestBenchmarkVersion({ organizationId: org, modelId: model.structure.id, modelVersion: model.structure.version }, executor);
		const round = await insertPublishedRound(
			model,
			{ organizationId: org, name: r.name, closedAt: r.closedAt, questions, tree, generated: true, benchmarkVersionId: version },
			executor
		);
		// Nine in ten answer, and every team keeps at least five respondents (so the demo shows team results).
		const seenInUnit = new Map<string, number>();
		const answering = people.filter((p) => {
			const nth = (seenInUnit.get(p.unit_id!) ?? 0) + 1;
			seenInUnit.set(p.unit_id!, nth);
			return nth <= 5 || pick() < 0.9;
		});
		// Some write a comment; each generated comment is used once per round.
		const unused = [...demoComments].sort(() => pick() - 0.5);
		const rows = answering.map((p) => {
			// Between the rounds, the weaker areas of each team improve (that is what the action plans were for).
			const base = levels.get(p.unit_id!)!;
			const profile = base.map((v) => v + r.lift * (v < 3.2 ? 0.45 : 0.1) + r.lift * (pick() - 0.5) * 0.2);
			const role = p.job_role as JobRole;
			const questionAnswers: Record<string, unknown> = {
				std_demand_outlook: 1 + Math.floor(pick() * 5),
				std_biggest_obstacle: [0, 1, 1, 2, 3, 3, 3, 5, 8][Math.floor(pick() * 9)]
			};
			if (pick() < 0.45 && unused.length) questionAnswers.std_one_change = unused.pop();
			return {
				unit_id: p.unit_id!,
				job_role: role,
				...generateResponse(rnd, model.shape, profile, {
					optimism: role === 'sales_manager' ? 0.35 : 0,
					notUsed: withoutPractices.has(p.unit_id!) ? notUsed : []
				}),
				questionAnswers
			};
		});
		await executor
			.insertInto('invitations')
			.values(
				people.map((p) => ({
					organization_id: org,
					round_id: round,
					user_id: p.id,
					unit_id: p.unit_id!,
					job_role: p.job_role!,
					email: p.email,
					language: p.language,
					token_hash: hashToken(randomBytes(20).toString('hex')),
					invitation_sent: true,
					reminders_sent: 2,
					completed: answering.includes(p)
				}))
			)
			.execute();
		await storeResponses(org, round, rows, executor);
	}
	await rebuildBenchmark({ modelId: model.structure.id, modelVersion: model.structure.version, population: 'demo', now }, executor);
	// Teams are the units with sales people; each planned an action on its weakest area after the spring round.
	const teamIds = new Set(people.filter((p) => p.job_role === 'sales_person').map((p) => p.unit_id!));
	const weakest = new Map([...levels].filter(([id]) => teamIds.has(id)).map(([id, v]) => [id, v.indexOf(Math.min(...v))]));
	await createDemoActions({ organizationId: org, weakest, springClosed: rounds[0].closedAt, now }, executor);
}

/** The units named and everything below them. */
function unitsWithout(units: { id: string; name: string; parent_id: string | null }[], names: readonly string[]): Set<string> {
	const out = new Set(units.filter((u) => names.includes(u.name)).map((u) => u.id));
	for (let grew = true; grew;) {
		grew = false;
		for (const u of units)
			if (u.parent_id && out.has(u.parent_id) && !out.has(u.id)) {
				out.add(u.id);
				grew = true;
			}
	}
	return out;
}

/** Stores generated answers of a published round and builds its results as closing would. */
export async function storeResponses(
	organizationId: string,
	roundId: string,
	rows: { unit_id: string; job_role: JobRole; answers: (number | null)[]; areaScores: (number | null)[]; questionAnswers: Record<string, unknown> }[],
	executor: Db = db()
) {
	if (rows.length)
		await executor
			.insertInto('responses')
			.values(
				rows.map((r) => ({
					organization_id: organizationId,
					round_id: roundId,
					unit_id: r.unit_id,
					job_role: r.job_role,
					answers: r.answers as number[],
					area_scores: r.areaScores,
					question_answers: JSON.stringify(r.questionAnswers)
				}))
			)
			.execute();
	await buildRoundResults({ organizationId, roundId }, executor);
}
