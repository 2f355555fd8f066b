import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { freshDatabase } from '$tests/fresh-db';
import { copyOfModels, writeNextVersion } from '$tests/models';
import { benchmarkOrganization, benchmarkRound } from '$tests/benchmark-orgs';
import { getModel, type CompiledModel } from '$lib/server/models/registry';
import { rebuildBenchmark } from './build';
import { dueBenchmarks, rebuildAllBenchmarks } from './due';
import { benchmarkFor } from './read';
import { latestBenchmarkVersion } from './versions';

/**
 * The benchmark across model versions (docs/model-versions.md): a fixture 1.2 continues the shipped 1.1
 * with forecasting measured anew, territory_1 renamed (same meaning) and targets_1 rewritten (not mapped).
 * Organizations whose means are known, in a database of their own.
 */
const before = process.env.SOS_MODELS_DIR;
let dir: string;
let db: Kysely<Database>;
let drop: () => Promise<void>;
let older: CompiledModel;
let newer: CompiledModel;
let day = 600;

beforeAll(async () => {
	dir = await copyOfModels();
	await writeNextVersion(dir, {
		version: '1.2',
		from: '1.1',
		renamed: { territory_1: 'territory_1b' },
		rewritten: { targets_1: 'targets_1b' },
		changedAreas: ['forecasting']
	});
	process.env.SOS_MODELS_DIR = dir;
	({ db, drop } = await freshDatabase('sos_bm_carried'));
	[older, newer] = [await getModel('sos', '1.1'), await getModel('sos', '1.2')];
}, 60_000);
afterAll(async () => {
	await drop();
	if (before === undefined) delete process.env.SOS_MODELS_DIR;
	else process.env.SOS_MODELS_DIR = before;
	await rm(dir, { recursive: true, force: true });
});

async function emptyPopulation() {
	await db.deleteFrom('benchmark_versions').execute();
	await db.deleteFrom('rounds').execute();
	await db.deleteFrom('organizations').execute();
}

const on = (model: CompiledModel, o: { mean: number; answered?: Record<number, number> }) => benchmarkOrganization(db, model, { ...o, daysAgo: day-- });
const build = (model: CompiledModel) => rebuildBenchmark({ modelId: 'sos', modelVersion: model.structure.version, population: 'live' }, db);
const metrics = (m: CompiledModel) => ({ metrics: m.shape.areas.length + m.shape.statementCount, areas: m.shape.areas.length });
const area = (m: CompiledModel, key: string) => m.shape.areas.findIndex((a) => a.key === key);
const statement = (m: CompiledModel, key: string) => m.shape.areas.length + m.statementKeys.indexOf(key);
const seen = async (me: string, m: CompiledModel) => {
	const version = await latestBenchmarkVersion({ organizationId: me, modelId: 'sos', modelVersion: m.structure.version }, db);
	return version ? benchmarkFor({ versionId: version, organizationId: me, segment: 'all', statistic: 'mean', ...metrics(m) }, db) : null;
};

describe('the benchmark of a new model version', () => {
	it('carries rounds on the version it continues, for comparable areas and mapped statements only', async () => {
		await emptyPopulation();
		const others = [];
		for (let i = 0; i < 6; i++) others.push(await on(older, { mean: 2 + i / 8 }));
		const me = await on(newer, { mean: 4.5 });
		await build(newer);
		const b = (await seen(me.id, newer))!;
		const mean = others.reduce((s, o) => s + o.mean, 0) / others.length;
		expect(b.values[area(newer, 'territory')]).toBeCloseTo(mean, 5);
		expect(b.organizations).toBe(6);
		expect(b.version.carriedVersions).toEqual(['1.1']);
		// Forecasting is measured anew in 1.2: only 1.2 rounds count, and there is none besides mine.
		expect(b.values[area(newer, 'forecasting')]).toBeNull();
		// A statement the model maps still carries, even in an area that changed as a whole.
		expect(b.values[statement(newer, 'forecasting_1')]).toBeCloseTo(mean, 5);
		// A renamed statement with the same meaning carries; a rewritten one does not.
		expect(b.values[statement(newer, 'territory_1b')]).toBeCloseTo(mean, 5);
		expect(b.values[statement(newer, 'targets_1b')]).toBeNull();
	});

	it('counts an organization with rounds on both versions once, with its round on the new version', async () => {
		await emptyPopulation();
		for (let i = 0; i < 6; i++) await on(older, { mean: 2 + i / 8 });
		const both = await on(older, { mean: 1 });
		const later = await benchmarkRound(db, newer, both.id, { mean: 5, daysAgo: 10 });
		const version = await build(newer);
		const rows = await db.selectFrom('benchmark_contributions').select(['organization_id', 'round_id']).where('version_id', '=', version).execute();
		expect(rows).toHaveLength(7);
		expect(rows.filter((r) => r.organization_id === both.id)).toEqual([{ organization_id: both.id, round_id: later }]);
	});

	it('is published at first with exactly the population of the version before it, which shows nothing new', async () => {
		await emptyPopulation();
		const me = await on(older, { mean: 3 });
		for (let i = 0; i < 5; i++) await on(older, { mean: 2 + i / 8 });
		await build(older);
		await build(newer);
		const territory = area(newer, 'territory');
		expect((await seen(me.id, newer))!.values[territory]).toBeCloseTo((await seen(me.id, older))!.values[territory]!, 5);
	});

	it('withholds a carried figure one organization away from the one the version before it shows', async () => {
		await emptyPopulation();
		const me = await on(older, { mean: 3 });
		for (let i = 0; i < 5; i++) await on(older, { mean: 2 + i / 8 });
		await build(older);
		const territory = area(newer, 'territory');
		const shownOld = (await seen(me.id, older))!.values[territory]!;
		// Six organizations start on 1.2 (enough change to publish it), but only one has a territory
		// figure: 1.2's territory population would be 1.1's plus one organization.
		const lone = await on(newer, { mean: 4.875 });
		for (let i = 0; i < 5; i++) await on(newer, { mean: 1.5, answered: { [territory]: 1 } });
		await build(newer);
		const b = (await seen(me.id, newer))!;
		expect(b.version.carriedVersions).toEqual(['1.1']);
		expect(b.values[territory]).toBeNull();
		expect(b.withheld).toBe('versions');
		// Other carried areas changed by six organizations and are shown.
		expect(b.values[area(newer, 'targets')]).not.toBeNull();
		// And never the equation that would give the lone organization: 6 × new − 5 × old.
		const fig = b.values[territory];
		if (fig !== null) expect(Math.abs(6 * fig - 5 * shownOld - lone.mean) < 1e-6).toBe(false);
	});

	it('is due when a round closes on the version it carries, and rebuilt with it', async () => {
		await emptyPopulation();
		for (let i = 0; i < 6; i++) await on(older, { mean: 2 + i / 8 });
		const due = (await dueBenchmarks(db)).filter((k) => k.population === 'live').map((k) => k.modelVersion);
		expect(due).toEqual(['1.1', '1.2']);
		expect(await rebuildAllBenchmarks(new Date(), db)).toBe(2);
		expect((await dueBenchmarks(db)).filter((k) => k.population === 'live')).toEqual([]);
	});
});
