import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { Database, JobRole, RoundStatus } from '$lib/server/db/schema';
import { freshDatabase } from '$tests/fresh-db';
import { getModel, type CompiledModel } from '$lib/server/models/registry';
import { insertPublishedRound } from '$lib/server/results/past-round';
import { scoreResponse } from '$lib/survey/scoring';
import { pearsonOf } from '$lib/psychometrics/correlation';
import { ValidationError, NotFoundError } from '$lib/server/errors';
import { modelQuality, parseAnswers } from './model-quality';
import { publishedAlphaExample } from '$tests/published-alpha';

/**
 * The operator's model-quality figures from stored responses, in a database of its own (the figures
 * read across all organizations, so the population must be exactly what the test made).
 */
let db: Kysely<Database>;
let drop: () => Promise<void>;
let model: CompiledModel;

beforeAll(async () => {
	({ db, drop } = await freshDatabase('sos_psychometrics'));
	model = await getModel('sos', '1.0');
}, 60_000);
afterAll(() => drop());
beforeEach(async () => {
	await db.deleteFrom('rounds').execute();
	await db.deleteFrom('organizations').execute();
});

const published = publishedAlphaExample;
/** The area with eight statements ("visualizing"): its items are X1…X4 and then X1…X4 again. */
const VISUALIZING = 2;

/** A respondent's answers: the published row on the visualizing area, and a spread of it elsewhere. */
function answersOf(row: readonly number[], tweak?: (a: (number | null)[]) => void): (number | null)[] {
	const a: (number | null)[] = Array(model.shape.statementCount).fill(null);
	model.shape.areas.forEach((area, ai) =>
		area.statements.forEach((s, j) => {
			a[s] = ai === VISUALIZING ? row[j % 4] : row[(j + ai) % 4];
		})
	);
	tweak?.(a);
	return a;
}

async function organization(o: {
	name: string;
	people: { role: JobRole; answers: (number | null)[] }[];
	status?: RoundStatus;
	demo?: boolean;
	excluded?: boolean;
}) {
	const org = await db
		.insertInto('organizations')
		.values({
			name: o.name,
			industry: 'manufacturing',
			country: 'SE',
			size_band: '50-199',
			sales_model: 'field',
			level_names: ['Team'],
			is_demo: o.demo ?? false,
			benchmark_excluded: o.excluded ?? false
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const unit = await db
		.insertInto('units')
		.values({ organization_id: org.id, name: `${o.name} Unit-Q7Z` })
		.returning('id')
		.executeTakeFirstOrThrow();
	const roundId = await insertPublishedRound(
		model,
		{ organizationId: org.id, name: `${o.name} Round-K9P`, closedAt: new Date(Date.now() - 10 * 86_400_000), tree: '[]' },
		db
	);
	if (o.status) await db.updateTable('rounds').set({ status: o.status }).where('id', '=', roundId).execute();
	await db
		.insertInto('responses')
		.values(
			o.people.map((p) => ({
				organization_id: org.id,
				round_id: roundId,
				unit_id: unit.id,
				job_role: p.role,
				answers: p.answers as number[],
				area_scores: scoreResponse(p.answers, model.shape)
			}))
		)
		.execute();
	return org.id;
}

const salesPeople = (tweak?: (a: (number | null)[], i: number) => void) =>
	published.map((row, i) => ({ role: 'sales_person' as const, answers: answersOf(row, tweak && ((a) => tweak(a, i))) }));

describe('model quality from stored responses', () => {
	it('finds the alpha the published example gives, over closed rounds of the population only', async () => {
		// Three organizations, each with the ten published respondents as sales people; managers answer
		// "don't know" on territory_1 throughout, half the sales people do too.
		const territory1 = model.statementKeys.indexOf('territory_1');
		for (const name of ['Acme Secret AB', 'Borealis Hidden Oy', 'Cobalt Private AS'])
			await organization({
				name,
				people: [
					...salesPeople((a, i) => {
						if (i % 2 === 0) a[territory1] = 0;
					}),
					...salesPeople((a) => (a[territory1] = 0)).map((p) => ({ ...p, role: 'sales_manager' as const }))
				]
			});
		// Answers that would change every figure if they were counted: an open round, an organization kept
		// out of the benchmark, a demo organization.
		const noise = () =>
			Array.from({ length: 12 }, (_, i) => ({ role: 'sales_person' as const, answers: answersOf([1 + (i % 5), 5 - (i % 5), 3, 1 + ((i * 2) % 5)]) }));
		await organization({ name: 'Still Open AB', people: noise(), status: 'open' });
		await organization({ name: 'Kept Out AB', people: noise(), excluded: true });
		await organization({ name: 'Demo AB', people: noise(), demo: true });

		const report = await modelQuality({ model: 'sos@1.0', locale: 'en' }, db);
		const q = report.quality;
		expect(q.enough).toBe(true);
		expect([q.organizations, q.respondents]).toEqual([3, 60]);
		// The published data repeated (3 organizations × 2 roles) leaves alpha as it is; with X1…X4 taken twice
		// the item variances double (Σ 2·32.7/9) and the total's variance quadruples (4·66.1/9):
		// α = 8/7 · (1 − 65.4/264.4) = 0.8602.
		const visualizing = q.areas[VISUALIZING];
		expect(visualizing.key).toBe('visualizing');
		expect(visualizing.cases).toBe(60);
		expect(visualizing.alpha).toBeCloseTo((8 / 7) * (1 - 65.4 / 264.4), 10);
		expect(visualizing.belowAim).toBe(false);
		// Each item against the other seven: X1 + (X1 + 2·(X2 + X3 + X4)) … computed directly.
		const first = published.map((r) => r[0]);
		const rest = published.map((r) => 2 * (r[0] + r[1] + r[2] + r[3]) - r[0]);
		expect(visualizing.statements[0].itemTotal).toBeCloseTo(pearsonOf(first, rest)!, 10);
		// "Don't know" per role: sales people 15 of 30, managers 30 of 30; nothing here offers "not used".
		const t1 = q.areas[0].statements[0];
		expect(t1.key).toBe('territory_1');
		expect(t1.dontKnow).toEqual({ sales_person: 0.5, sales_manager: 1 });
		expect(t1.notUsed).toBeNull();
		// Only the 15 sales people without "don't know" answered all of territory: fewer than 30, so nothing.
		expect([q.areas[0].cases, q.areas[0].alpha, q.areas[0].statements[1].itemTotal]).toEqual([null, null, null]);
		// Area correlations over the respondents' area means.
		const means = published.map((r) => scoreResponse(answersOf(r), model.shape));
		expect(q.correlations[VISUALIZING][3]).toBeCloseTo(
			pearsonOf(
				means.map((m) => m[VISUALIZING]!),
				means.map((m) => m[3]!)
			)!,
			10
		);
		expect(q.correlations[3][VISUALIZING]).toBe(q.correlations[VISUALIZING][3]);
		expect(report.names.areas.visualizing).toBe(model.translations.en.areas.visualizing.name);
		expect((await modelQuality({ model: 'sos@1.0', locale: 'sv' }, db)).names.areas.visualizing).toBe(model.translations.sv.areas.visualizing.name);
	});

	it('shows nothing until at least 3 organizations and 30 respondents answered the version', async () => {
		const ten = () => salesPeople();
		await organization({ name: 'One AB', people: [...ten(), ...ten()] });
		await organization({ name: 'Two AB', people: [...ten(), ...ten()] });
		let report = await modelQuality({ model: 'sos@1.0', locale: 'en' }, db);
		expect(report.quality).toEqual({
			enough: false,
			minimum: { organizations: 3, respondents: 30 },
			organizations: null,
			respondents: null,
			groups: ['sales_person', 'sales_manager'],
			areas: [],
			correlations: []
		});
		// The model's own texts only: its groups (the columns), no area or statement before there is a figure.
		expect(report.names).toEqual({ areas: {}, statements: {}, groups: { sales_person: 'Sales people', sales_manager: 'Sales managers' } });
		// A third organization, but 29 respondents in all.
		await db.deleteFrom('rounds').execute();
		await db.deleteFrom('organizations').execute();
		await organization({ name: 'One AB', people: ten() });
		await organization({ name: 'Two AB', people: ten() });
		await organization({ name: 'Three AB', people: ten().slice(1) });
		report = await modelQuality({ model: 'sos@1.0', locale: 'en' }, db);
		expect(report.quality.enough).toBe(false);
		await organization({ name: 'Four AB', people: ten().slice(0, 1) });
		expect((await modelQuality({ model: 'sos@1.0', locale: 'en' }, db)).quality.enough).toBe(true);
	});

	it('names no organization: no key or text of the output comes from one', async () => {
		const names = ['Acme Secret AB', 'Borealis Hidden Oy', 'Cobalt Private AS', 'Delta Quiet AB'];
		const ids = [];
		for (const name of names) ids.push(await organization({ name, people: salesPeople() }));
		const report = await modelQuality({ model: 'sos@1.0', locale: 'en' }, db);
		expect(report.quality.enough).toBe(true);
		const json = JSON.stringify(report);
		for (const s of [...names, ...ids, 'Unit-Q7Z', 'Round-K9P', 'Secret', 'Hidden', 'Private', 'Quiet']) expect(json).not.toContain(s);
		// Every key anywhere in the output is one of the output's own fields, a job role, or the model's area/statement keys.
		const allowed = new Set([
			...Object.keys(report),
			...Object.keys(report.quality),
			...Object.keys(report.quality.areas[0]),
			...Object.keys(report.quality.areas[0].statements[0]),
			'id',
			'version',
			'organizations',
			'respondents',
			'areas',
			'statements',
			'sales_person',
			'sales_manager',
			...model.structure.areas.map((a) => a.key),
			...model.statementKeys
		]);
		const keys = (v: unknown): string[] =>
			v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => (Array.isArray(v) ? keys(x) : [k, ...keys(x)])) : [];
		expect(keys(report).filter((k) => !allowed.has(k))).toEqual([]);
	});

	it('refuses a model version that does not ship, and a malformed one', async () => {
		await expect(modelQuality({ model: 'sos@9.9', locale: 'en' }, db)).rejects.toBeInstanceOf(NotFoundError);
		await expect(modelQuality({ model: "sos'; DROP TABLE responses", locale: 'en' }, db)).rejects.toBeInstanceOf(ValidationError);
		await expect(modelQuality({ model: 'sos@1.0', population: 'everyone', locale: 'en' }, db)).rejects.toBeInstanceOf(ValidationError);
	});

	it('reads stored answers from their text form: scores, "don\'t know", "not used" and unanswered', async () => {
		expect(parseAnswers('1,5,,0,-1,3', Array(6).fill(7))).toEqual([1, 5, null, 0, -1, 3]);
		expect(parseAnswers('2', Array(3).fill(7))).toEqual([2, null, null]);
		expect(parseAnswers('', [9])).toEqual([null]);
		// What PostgreSQL itself writes for a stored array with NULLs.
		const { rows } = await sql<{ t: string }>`SELECT array_to_string(ARRAY[4, NULL, 0, -1]::smallint[], ',', '') AS t`.execute(db);
		expect(parseAnswers(rows[0].t, Array(4).fill(7))).toEqual([4, null, 0, -1]);
	});
});
