import { randomBytes } from 'node:crypto';
import { db, type Db } from '$lib/server/db';
import { latestModel, type CompiledModel } from '$lib/server/models/registry';
import { insertPublishedRound } from '$lib/server/results/past-round';
import { freezeUnitTree } from '$lib/server/results/build';
import { rebuildBenchmark } from '$lib/server/benchmarks/build';
import { latestBenchmarkVersion } from '$lib/server/benchmarks/versions';
import { eligibleUsers } from '$lib/server/rounds/eligible';
import { hashToken } from '$lib/server/auth/tokens';
import { scoreResponse } from '$lib/survey/scoring';
import { generateResponse, seeded, teamProfile } from './generate';
import { storeResponses } from './demo-history';
import { demoAudit } from './demo-data';

const DAY = 86_400_000;
/** The model the demo's audit uses (demo content: it names its model, as the demo's survey names SOS's). */
const AUDIT_MODEL = 'audit';

/**
 * The demo's ecosystem audit, all of it generated and marked so: one audit round in each generated
 * benchmark organization (so the audit has a benchmark), then one published audit round of the demo
 * organization two and a half months ago, answered by its executives, managers, sales people and support staff.
 */
export async function createDemoAudit(opts: { organizationId: string; now?: Date }, executor: Db = db()): Promise<void> {
	const now = opts.now ?? new Date();
	const model = await latestModel(AUDIT_MODEL);
	const rnd = seeded(20261207);
	await auditBenchmarkOrganizations(model, rnd, now, executor);
	// Closed before the autumn survey (60 days ago), so the demo's home opens on the survey.
	const closedAt = new Date(now.getTime() - 75 * DAY);
	await rebuildBenchmark({ modelId: model.structure.id, modelVersion: model.structure.version, population: 'demo', now: closedAt }, executor);
	const org = opts.organizationId;
	const version = await latestBenchmarkVersion({ organizationId: org, modelId: model.structure.id, modelVersion: model.structure.version }, executor);
	const round = await insertPublishedRound(
		model,
		{
			organizationId: org,
			name: 'Sales ecosystem audit, Q3 (generated)',
			closedAt,
			tree: await freezeUnitTree(org, executor),
			generated: true,
			benchmarkVersionId: version
		},
		executor
	);
	const people = await eligibleUsers(org, model.structure.groups, executor)
		.select(['id', 'unit_id', 'job_role', 'email', 'language'])
		.orderBy('email')
		.execute();
	// Everyone but every eighth sales person answers (the groups stay large enough to be shown side by side).
	const answering = people.filter((p, i) => p.job_role !== 'sales_person' || i % 8 !== 3);
	// Each unit a little above or below the organization's level in each area.
	const level = model.shape.areas.map((a) => demoAudit.areas[a.key] ?? 3);
	const units = new Map<string, number[]>();
	const profileOf = (unit: string) =>
		units.get(unit) ??
		units
			.set(
				unit,
				level.map((v) => v + (rnd() - 0.5) * 0.5)
			)
			.get(unit)!;
	const rows = answering.map((p) => ({
		unit_id: p.unit_id!,
		job_role: p.job_role!,
		...auditResponse(model, rnd, profileOf(p.unit_id!), p.job_role!),
		questionAnswers: {}
	}));
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
				reminders_sent: 1,
				completed: answering.includes(p)
			}))
		)
		.execute();
	await storeResponses(org, round, rows, executor);
	await rebuildBenchmark({ modelId: model.structure.id, modelVersion: model.structure.version, population: 'demo', now }, executor);
}

/** One person's generated audit answers: their unit's profile, the demo's statement offsets and their group's view. */
function auditResponse(model: CompiledModel, rnd: () => number, profile: number[], group: string) {
	const shift = demoAudit.groups[group] ?? {};
	// The few executives always answer (they set the strategy); a "don't know" there would hide their group's statement.
	const r = generateResponse(rnd, model.shape, profile, { dontKnow: Object.keys(shift).length > 1 ? 0 : 0.02 });
	model.shape.areas.forEach((area, ai) => {
		for (const si of area.statements) {
			const a = r.answers[si];
			if (a === null || a < 1) continue;
			const offset = (demoAudit.statements[model.statementKeys[si]] ?? 0) + (shift[model.structure.areas[ai].key] ?? 0);
			r.answers[si] = Math.min(5, Math.max(1, Math.round(a + offset)));
		}
	});
	return { answers: r.answers, areaScores: scoreResponse(r.answers, model.shape) };
}

/** An audit round in each generated benchmark organization, a year to a few months back. */
async function auditBenchmarkOrganizations(model: CompiledModel, rnd: () => number, now: Date, executor: Db): Promise<void> {
	const orgs = await executor
		.selectFrom('organizations')
		.innerJoin('units', 'units.organization_id', 'organizations.id')
		.select(['organizations.id', 'units.id as unitId'])
		.where('organizations.is_demo', '=', true)
		.where('organizations.benchmark_excluded', '=', false)
		.orderBy('organizations.name')
		.execute();
	const groups = model.structure.groups;
	for (const [i, o] of orgs.entries()) {
		const round = await insertPublishedRound(
			model,
			{
				organizationId: o.id,
				name: 'Sales ecosystem audit (generated)',
				closedAt: new Date(now.getTime() - (60 + ((i * 37) % 240)) * DAY),
				tree: await freezeUnitTree(o.id, executor),
				generated: true
			},
			executor
		);
		const profile = teamProfile(rnd, model.shape.areas.length, 2.8 + rnd() * 0.9);
		const rows = Array.from({ length: 10 + Math.floor(rnd() * 25) }, (_, p) => {
			// Mostly the model's third group (sellers), some of each other.
			const group = groups[[2, 2, 2, 1, 2, 0, 2, 3][p % 8] % groups.length];
			return { unit_id: o.unitId, job_role: group, ...auditResponse(model, rnd, profile, group), questionAnswers: {} };
		});
		await storeResponses(o.id, round, rows, executor);
	}
}
