import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { closeDb, db } from '$lib/server/db';
import { loadModel, type LoadedModel, type ModelRef } from '$lib/server/models/load';
import { invitationToken } from '$lib/server/rounds/links';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { createDatabase } from '../support/database';
import { copyOfModels } from '../support/models';
import { sessionCookie } from '../support/http';
import { apiClient } from '../support/api-client';
import { pdfText } from '../support/export-text';
import { startExtraServer } from './helpers';
import { surveyClient } from './survey-support';

/**
 * The engine runs any model that is only files: for the two shipped models and a third one made only of
 * files (tests/fixtures/models/third: groups, areas and thresholds no code knows), a real server on its own
 * database creates the people and the round over the API, every participant answers without JavaScript,
 * the round closes and publishes, the results are split by every group the model declares, the PDF and
 * xlsx exports name the model's groups, and the benchmark job builds a version of that model only.
 * Nothing here names a group or an area: everything is read from the model's files.
 */

const MODELS: ModelRef[] = [
	{ id: 'sos', version: '1.1' },
	{ id: 'audit', version: '1.0' },
	{ id: 'third', version: '1.0' }
];
const K = 3;

let server: { url: string; stop: () => Promise<void> };
let modelsDir: string;
let database: { url: string; drop: () => Promise<void> };
const before = { DATABASE_URL: process.env.DATABASE_URL, SOS_MODELS_DIR: process.env.SOS_MODELS_DIR };

beforeAll(async () => {
	modelsDir = await copyOfModels();
	await cp(path.resolve('tests/fixtures/models'), modelsDir, { recursive: true });
	// A database of its own: the benchmark reads across organizations, and only this server knows the third model.
	database = await createDatabase('sos_models_engine');
	process.env.DATABASE_URL = database.url;
	process.env.SOS_MODELS_DIR = modelsDir;
	server = await startExtraServer({ DATABASE_URL: database.url, SOS_MODELS_DIR: modelsDir, SOS_TICK_SECONDS: '1' });
});

afterAll(async () => {
	await server?.stop();
	await closeDb();
	await database?.drop();
	await rm(modelsDir, { recursive: true, force: true });
	for (const [k, v] of Object.entries(before)) {
		if (v === undefined) delete process.env[k];
		else process.env[k] = v;
	}
});

/** Each group answers every statement with its own point of the scale (1–5), so each group's area scores are known. */
const pointOf = (groups: string[], g: string) => 2 + groups.indexOf(g);

async function until<T>(what: string, fn: () => Promise<T | null | undefined>, ms = 30_000): Promise<T> {
	const end = Date.now() + ms;
	for (;;) {
		const v = await fn();
		if (v) return v;
		if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

const sosBenchmarks = (ref: ModelRef) =>
	db()
		.selectFrom('benchmark_versions')
		.select(['id', 'organizations', 'respondents', 'population'])
		.where('model_id', '=', ref.id)
		.where('model_version', '=', ref.version)
		.where('source', '=', 'sos')
		.orderBy('id')
		.execute();

/** Answers the survey of one invitation through the participant pages, as a browser without JavaScript does. */
async function answerWithoutScript(model: LoadedModel, token: string, point: number): Promise<string[]> {
	const c = surveyClient(server.url);
	await c.open(token);
	const seen: string[] = [];
	const areas = model.structure.areas.length;
	for (let p = 1; p <= areas; p++) {
		const page = await c.get(`/s?p=${p}`);
		expect(page.status).toBe(200);
		// What the page offers per statement: the scale, "don't know" only when the model has it (0), "not used" where it offers that (-1).
		const offered = new Map<string, Set<string>>();
		for (const m of page.text.matchAll(/type="radio" name="a_([a-z0-9_]+)" value="(-?\d)"/g)) offered.set(m[1], (offered.get(m[1]) ?? new Set()).add(m[2]));
		expect(offered.size).toBeGreaterThan(0);
		for (const values of offered.values()) {
			for (const v of ['1', '2', '3', '4', '5']) expect(values).toContain(v);
			expect(values.has('0')).toBe(model.structure.scale.dontKnow);
		}
		seen.push(...offered.keys());
		const next = p < areas ? String(p + 1) : 'review';
		const saved = await c.form(`/s?/save&p=${p}`, [
			['page', String(p)],
			...[...offered.keys()].map((k): [string, string] => [`a_${k}`, String(point)]),
			['go', next]
		]);
		expect(saved.status, saved.text.slice(0, 300)).toBe(303);
	}
	const review = await c.get('/s?p=review');
	expect(review.status).toBe(200);
	const submitted = await c.form('/s?/submit', []);
	expect(submitted.location).toBe('/s/thanks');
	return seen;
}

async function exportFile(api: ReturnType<typeof apiClient>, cookie: string, body: { format: 'pdf' | 'xlsx'; roundId: string; unitId: string }) {
	const asked = await api.POST('/exports', { body });
	expect(asked.response.status).toBe(202);
	const id = asked.data!.id;
	const done = await until(`${body.format} export`, async () => {
		const r = await api.GET('/exports/{id}', { params: { path: { id } } });
		return r.data && ['ready', 'failed'].includes(r.data.status) ? r.data : null;
	});
	expect(done.status).toBe('ready');
	const res = await fetch(`${server.url}/api/v1/exports/${id}/file`, { headers: { cookie } });
	expect(res.status).toBe(200);
	return Buffer.from(await res.arrayBuffer());
}

async function xlsxText(file: Buffer): Promise<string> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(file as unknown as ArrayBuffer);
	expect(wb.worksheets.length).toBeGreaterThan(0);
	const cells: string[] = [];
	wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text ?? '')))));
	return cells.join('\n');
}

const sosBefore: { ids?: string[] } = {};

describe.sequential('every model runs end to end on the same engine', () => {
	it('the third model is only files, and valid', async () => {
		const third = await loadModel({ id: 'third', version: '1.0', dir: modelsDir });
		expect(third.structure.groups).toHaveLength(3);
		expect(third.structure.areas.map((a) => a.statements.length).every((n) => n >= 2 && n <= 4)).toBe(true);
		expect(Object.keys(third.translations).sort()).toEqual(['en', 'sv']);
		const shipped = await Promise.all(MODELS.slice(0, 2).map((m) => loadModel({ ...m, dir: modelsDir })));
		// Groups, areas and thresholds no shipped model has: whatever works for it works from the files alone.
		for (const m of shipped) {
			expect(third.structure.groups.filter((g) => m.structure.groups.includes(g))).toEqual([]);
			expect(third.structure.areas.filter((a) => m.structure.areas.some((b) => b.key === a.key))).toEqual([]);
			expect(third.structure.thresholds.high).not.toBe(m.structure.thresholds.high);
		}
	});

	for (const ref of MODELS) {
		it(`${ref.id} ${ref.version}: people, round, survey without JavaScript, results, exports and benchmark`, async () => {
			const model = await loadModel({ ...ref, dir: modelsDir });
			const { groups } = model.structure;
			const names = model.translations.en.groups;
			const org = await createTestOrganization();
			const admin = await createTestActor(org.id, 'admin');
			const cookie = await sessionCookie(admin);
			const api = apiClient(server.url, { cookie });

			// People: K per group of the model, and one whose job role is a group of another model only.
			const unit = await api.POST('/units', { body: { name: 'Team' } });
			expect(unit.response.status).toBe(201);
			const unitId = unit.data!.id;
			const groupOf = new Map<string, string>();
			for (const g of groups)
				for (let i = 0; i < K; i++) {
					const email = uniqueEmail(g);
					const res = await api.POST('/users', { body: { name: `${names[g].one} ${i}`, email, language: 'en', unitId, jobRole: g } });
					expect(res.response.status, JSON.stringify(res.error)).toBe(201);
					groupOf.set(email, g);
				}
			const others = (await Promise.all(MODELS.map((m) => loadModel({ ...m, dir: modelsDir })))).flatMap((m) => m.structure.groups);
			const outsider = others.find((g) => !groups.includes(g))!;
			expect((await api.POST('/users', { body: { name: 'Someone else', email: uniqueEmail('other'), unitId, jobRole: outsider } })).response.status).toBe(201);

			// The round of this model invites exactly the people in its groups.
			const round = await api.POST('/rounds', { body: { name: `Round of ${ref.id}`, model: ref, minGroupSize: K } });
			expect(round.response.status, JSON.stringify(round.error)).toBe(201);
			const roundId = round.data!.id;
			expect(round.data!.model).toEqual(ref);
			expect(round.data!.status).toBe('open');
			expect(round.data!.invited).toBe(groups.length * K);
			const invitations = await db()
				.selectFrom('invitations')
				.select(['id', 'email', 'job_role'])
				.where('organization_id', '=', org.id)
				.where('round_id', '=', roundId)
				.execute();
			expect(invitations.map((i) => i.email).sort()).toEqual([...groupOf.keys()].sort());

			// Everyone answers through the pages, without JavaScript.
			const allStatements = model.structure.areas.flatMap((a) => a.statements).sort();
			for (const inv of invitations) {
				expect(inv.job_role).toBe(groupOf.get(inv.email));
				const token = await invitationToken({ organizationId: org.id, invitationId: inv.id });
				const seen = await answerWithoutScript(model, token, pointOf(groups, inv.job_role));
				expect(seen.sort()).toEqual(allStatements);
			}

			// Closing publishes at once (the publishing date is the end).
			const closed = await api.POST('/rounds/{id}/close', { params: { path: { id: roundId } } });
			expect(closed.response.status).toBe(200);
			await until('published', async () => (await api.GET('/rounds/{id}', { params: { path: { id: roundId } } })).data?.status === 'published');

			// The results: split by every group the model declares, its own gap pair, every area scored.
			const res = await api.GET('/results/{round}/units/{unit}', { params: { path: { round: roundId, unit: unitId }, query: { lang: 'en' } } });
			expect(res.response.status, JSON.stringify(res.error)).toBe(200);
			const r = res.data!;
			expect(r.round.model).toBe(`${ref.id} ${ref.version}`);
			expect(r.round.k).toBe(K);
			expect(r.unit.respondents).toBe(groups.length * K);
			expect(r.high).toBe(model.structure.thresholds.high);
			if (model.structure.thresholds.improvement) expect(r.improvementThreshold).toBe(model.structure.thresholds.improvement);
			expect(r.groups).toEqual(groups.map((g) => ({ key: g, name: names[g].other })));
			expect(r.gap).not.toBeNull();
			expect(r.gap!.groups).toEqual(groups.map((g) => ({ key: g, name: names[g].other, respondents: K })));
			const pair = model.structure.gap ?? [groups[0], groups[1]];
			expect(r.gap!.pair).toEqual(pair);
			const mean = groups.reduce((s, g) => s + pointOf(groups, g), 0) / groups.length;
			expect(r.areas.map((a) => a.key).sort()).toEqual(model.structure.areas.map((a) => a.key).sort());
			for (const a of r.areas) expect(a.score).toBeCloseTo(mean, 2);
			expect(r.gap!.areas.map((a) => a.key)).toEqual(model.structure.areas.map((a) => a.key));
			for (const a of r.gap!.areas) {
				expect(a.scores).toEqual(Object.fromEntries(groups.map((g) => [g, pointOf(groups, g)])));
				expect(a.gap).toBeCloseTo(pointOf(groups, pair[0]) - pointOf(groups, pair[1]), 2);
			}

			// The exports name the model's groups.
			const pdf = await exportFile(api, cookie, { format: 'pdf', roundId, unitId });
			expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
			const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
			for (const g of groups) expect(text).toContain(names[g].other);
			const sheet = await xlsxText(await exportFile(api, cookie, { format: 'xlsx', roundId, unitId }));
			for (const g of groups) expect(sheet).toContain(names[g].other);

			// The benchmark job builds a version of this model version, from this organization's round only.
			const built = await until(`benchmark ${ref.id}@${ref.version}`, async () => {
				const v = await sosBenchmarks(ref);
				return v.length ? v : null;
			});
			expect(built.map((v) => [v.population, v.organizations, v.respondents])).toEqual([['live', 1, groups.length * K]]);
			if (ref.id === MODELS[0].id) sosBefore.ids = built.map((v) => v.id);
		});
	}

	it('the first model’s benchmark is untouched by the others’ rounds', async () => {
		expect(sosBefore.ids).toHaveLength(1);
		expect((await sosBenchmarks(MODELS[0])).map((v) => v.id)).toEqual(sosBefore.ids);
		const all = await db().selectFrom('benchmark_versions').select(['model_id', 'model_version']).where('source', '=', 'sos').execute();
		expect(all.map((v) => `${v.model_id}@${v.model_version}`).sort()).toEqual(MODELS.map((m) => `${m.id}@${m.version}`).sort());
	});
});
