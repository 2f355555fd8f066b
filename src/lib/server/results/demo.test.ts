import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import type { Actor } from '$lib/server/auth/actor';
import { bootstrap } from '$lib/server/bootstrap/bootstrap';
import { createDemoRound } from '$lib/server/bootstrap/demo-round';
import { freshDatabase } from '$tests/fresh-db';
import { ORGANIZATION } from '$lib/results/view';
import { shortfall } from '$lib/results/ranking';
import { listPublishedRounds } from './rounds';
import { unitResults } from './unit-results';
import { unitTrend } from './trend';
import { latestModel } from '$lib/server/models/registry';
import { isHigh } from '$lib/results/unanswered';
import { demoPracticesNotUsed } from '$lib/server/bootstrap/demo-data';

let db: Kysely<Database>;
let drop: () => Promise<void>;
let orgId: string;

const actorFor = async (access: 'admin' | 'viewer', scopeUnitId: string | null = null): Promise<Actor> => ({
	accountId: null,
	email: 'x@demo.example',
	isOperator: false,
	via: 'session',
	label: 'test',
	membership: {
		organizationId: orgId,
		organizationName: 'Nordwind Industrial (demo)',
		isDemo: true,
		userId: crypto.randomUUID(),
		name: 'T',
		access,
		scopeUnitId,
		language: 'en'
	}
});

beforeAll(async () => {
	({ db, drop } = await freshDatabase('sos_demo'));
	await bootstrap({ demo: true }, db);
	await createDemoRound(db);
	orgId = (await db.selectFrom('organizations').select('id').where('name', '=', 'Nordwind Industrial (demo)').executeTakeFirstOrThrow()).id;
}, 60_000);
afterAll(() => drop());

describe('the demo organization on first start', () => {
	it('runs every round, its own and the generated benchmark organizations’, on the newest version of its model', async () => {
		const newest = await Promise.all(['audit', 'sos'].map(async (id) => (await latestModel(id)).structure));
		const expected = newest.map((m) => ({ model_id: m.id, model_version: m.version }));
		const rounds = await db.selectFrom('rounds').select(['model_id', 'model_version']).distinct().orderBy('model_id').execute();
		expect(rounds).toEqual(expected);
		const benchmarks = await db.selectFrom('benchmark_versions').select(['model_id', 'model_version']).distinct().orderBy('model_id').execute();
		expect(benchmarks).toEqual(expected);
	});

	it('has two published, generated rounds with results, compared with a benchmark of generated organizations', async () => {
		const rounds = (await listPublishedRounds({ organizationId: orgId }, db)).filter((r) => r.modelId === 'sos');
		expect(rounds).toHaveLength(2);
		expect(rounds.every((r) => r.isGenerated && r.benchmarkVersionId)).toBe(true);
		const admin = await actorFor('admin');
		const r = await unitResults({ actor: admin, roundId: rounds[0].id, unitId: ORGANIZATION, locale: 'en', choice: { compare: 'all', statistic: 'mean' } }, db);
		expect(r.unit.respondents).toBeGreaterThan(30);
		expect(r.areas.every((a) => a.score !== null && a.benchmark !== null && a.rank !== null)).toBe(true);
		expect(new Set(r.areas.map((a) => a.status)).size).toBeGreaterThan(1);
		expect(r.benchmark.organizations).toBeGreaterThanOrEqual(5);
		expect(r.strengths).toHaveLength(3);
		// Improvement areas are exactly the areas that fall short (below the benchmark or the threshold, never high).
		const short = r.areas.filter((a) => shortfall(a, { high: r.high, improvement: r.improvementThreshold }) > 0).map((a) => a.key);
		expect(r.improvements.map((i) => i.key).sort()).toEqual(short.sort());
		for (const imp of r.improvements) {
			expect(imp.actions.length).toBeGreaterThan(0);
			expect(imp.lowestStatements).toHaveLength(2);
		}
		expect(r.gap).not.toBeNull();
		expect(r.subunits.map((s) => s.name)).toEqual(['Industrial Equipment', 'Service & Aftermarket']);
		const comments = r.questions.find((q) => q.type === 'text');
		expect(comments && 'comments' in comments && comments.comments!.length).toBeGreaterThan(0);
	});

	it('shows each unit’s trend across the two rounds', async () => {
		const t = await unitTrend({ actor: await actorFor('admin'), unitId: ORGANIZATION, locale: 'en' }, db);
		expect(t.rounds).toHaveLength(2);
		expect(t.rounds.every((r) => r.areas.every((a) => a.score !== null))).toBe(true);
	});

	it('lets a regional manager read their region and its teams, and nothing else', async () => {
		const nordics = await db.selectFrom('units').select('id').where('organization_id', '=', orgId).where('name', '=', 'Nordics').executeTakeFirstOrThrow();
		const munich = await db.selectFrom('units').select('id').where('organization_id', '=', orgId).where('name', '=', 'Munich').executeTakeFirstOrThrow();
		const viewer = await actorFor('viewer', nordics.id);
		const [round] = await listPublishedRounds({ organizationId: orgId }, db);
		const r = await unitResults({ actor: viewer, roundId: round.id, unitId: nordics.id, locale: 'en', choice: { compare: 'all', statistic: 'mean' } }, db);
		expect(r.subunits.map((s) => s.name)).toEqual(['Gothenburg', 'Stockholm']);
		await expect(
			unitResults({ actor: viewer, roundId: round.id, unitId: munich.id, locale: 'en', choice: { compare: 'all', statistic: 'mean' } }, db)
		).rejects.toThrow(/not found/);
		await expect(
			unitResults({ actor: viewer, roundId: round.id, unitId: ORGANIZATION, locale: 'en', choice: { compare: 'all', statistic: 'mean' } }, db)
		).rejects.toThrow(/not found/);
	});

	it('shows "not used in our team" as a finding where the pattern allows it: the organization, not a team that answered alike', async () => {
		const admin = await actorFor('admin');
		const choice = { compare: 'all', statistic: 'mean' } as const;
		for (const round of (await listPublishedRounds({ organizationId: orgId }, db)).filter((r) => r.modelId === 'sos')) {
			const r = await unitResults({ actor: admin, roundId: round.id, unitId: ORGANIZATION, locale: 'en', choice }, db);
			const targets = r.areas.find((a) => a.key === 'targets')!;
			// The report's "Answers the team could not give" card lists a group whose share is high.
			expect(isHigh(targets.unanswered.all.notUsed)).toBe(true);
			// …resting on shown statements only.
			for (const key of demoPracticesNotUsed.statements) expect(r.statements.find((s) => s.key === key)!.score).not.toBeNull();
			expect(r.areas.filter((a) => a.key !== 'targets').every((a) => !isHigh(a.unanswered.all.notUsed))).toBe(true);

			const munich = await db.selectFrom('units').select('id').where('organization_id', '=', orgId).where('name', '=', 'Munich').executeTakeFirstOrThrow();
			const team = await unitResults({ actor: admin, roundId: round.id, unitId: munich.id, locale: 'en', choice }, db);
			// A team where everyone answered "not used": the statements are hidden, and so is any share resting on them.
			for (const key of demoPracticesNotUsed.statements) expect(team.statements.find((s) => s.key === key)!.score).toBeNull();
			expect(team.areas.find((a) => a.key === 'targets')!.unanswered.all.notUsed).toBeNull();
			// The same where the role split hides those statements: no share per role, not a share of 0.
			expect(targets.unanswered.byGroup?.sales_person).not.toBeNull();
			expect(targets.unanswered.byGroup?.sales_person!.notUsed).toBeNull();
			// An area whose statements do not offer it has no share at all.
			expect(r.areas.find((a) => a.key === 'territory')!.unanswered.all.notUsed).toBeNull();
		}
	});
});
