import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { freshDatabase } from '$tests/fresh-db';
import { latestModel, type CompiledModel } from '$lib/server/models/registry';
import { benchmarkOrganization } from '$tests/benchmark-orgs';
import { rebuildBenchmark } from './build';
import { benchmarkFor } from './read';
import { latestBenchmarkVersion, listBenchmarkVersions } from './versions';

/**
 * The benchmark's differencing leaks (issue 10, item 4), each with exact values: organizations whose
 * means are known, in a database of their own, so that the population is exactly what the test made.
 */
let db: Kysely<Database>;
let drop: () => Promise<void>;
let model: CompiledModel;
let day = 400;

beforeAll(async () => {
	({ db, drop } = await freshDatabase('sos_bm_leaks'));
	model = await latestModel('sos');
}, 60_000);
afterAll(() => drop());

/** Clears the population between cases (each case builds its own). */
async function emptyPopulation() {
	await db.deleteFrom('benchmark_versions').execute();
	await db.deleteFrom('rounds').execute();
	await db.deleteFrom('organizations').execute();
}

const organization = (o: { mean: number; industry?: string; respondents?: number; k?: number; answered?: Record<number, number> }) =>
	benchmarkOrganization(db, model, { ...o, daysAgo: day-- });

const rebuild = () => rebuildBenchmark({ modelId: model.structure.id, modelVersion: model.structure.version, population: 'live' }, db);
const metrics = () => ({ metrics: model.shape.areas.length + model.shape.statementCount, areas: model.shape.areas.length });
const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;

describe('the benchmark an organization sees', () => {
	it('is the mean of the other organizations’ means, never including the organization it is shown to', async () => {
		await emptyPopulation();
		const me = await organization({ mean: 5, respondents: 9 });
		const others = [];
		for (let i = 0; i < 6; i++) others.push(await organization({ mean: 1 + i / 4, respondents: 6 + i }));
		const version = await rebuild();
		const b = (await benchmarkFor({ versionId: version, organizationId: me.id, segment: 'all', statistic: 'mean', ...metrics() }, db))!;
		const mean = others.reduce((s, o) => s + o.mean, 0) / others.length;
		expect(b.values.every((v) => v !== null && close(v, mean))).toBe(true);
		expect(b.organizations).toBe(6);
		expect(b.respondents).toBe(6 + 7 + 8 + 9 + 10 + 11);
	});

	it('cannot be differenced: 6 × all − 5 × industry is not another organization’s mean', async () => {
		await emptyPopulation();
		const me = await organization({ mean: 3, industry: 'wholesale' });
		for (let i = 0; i < 5; i++) await organization({ mean: 2 + i / 8, industry: 'wholesale' });
		const lone = await organization({ mean: 4.625, industry: 'healthcare' });
		const version = await rebuild();
		const all = await benchmarkFor({ versionId: version, organizationId: me.id, segment: 'all', statistic: 'mean', ...metrics() }, db);
		const industry = await benchmarkFor({ versionId: version, organizationId: me.id, segment: 'industry:wholesale', statistic: 'mean', ...metrics() }, db);
		// The figures an organization can see never combine into the lone organization's mean.
		for (let m = 0; m < metrics().metrics; m++) {
			const a = all?.values[m] ?? null;
			const b = industry?.values[m] ?? null;
			if (a !== null && b !== null) expect(close(6 * a - 5 * b, lone.mean), `metric ${m}: 6 × ${a} − 5 × ${b}`).toBe(false);
		}
		expect(all!.values[0]).not.toBeNull();
		expect(industry!.withheld).toBe('overlap');
	});

	it('does not change by one organization from one version an organization can see to the next', async () => {
		await emptyPopulation();
		const me = await organization({ mean: 3 });
		for (let i = 0; i < 6; i++) await organization({ mean: 2 + i / 8 });
		await rebuild();
		const seen = [await latestBenchmarkVersion({ organizationId: me.id, modelId: model.structure.id, modelVersion: model.structure.version }, db)];
		const late = await organization({ mean: 4.875 });
		const keptBack = await rebuild();
		// Organizations are not shown it either (the API lists published versions only).
		expect((await listBenchmarkVersions({ population: 'live', published: true }, db)).map((v) => v.id)).not.toContain(keptBack);
		expect((await listBenchmarkVersions({ population: 'live' }, db)).find((v) => v.id === keptBack)?.published).toBe(false);
		seen.push(await latestBenchmarkVersion({ organizationId: me.id, modelId: model.structure.id, modelVersion: model.structure.version }, db));
		const [first, second] = await Promise.all(
			seen.map((v) => benchmarkFor({ versionId: v!, organizationId: me.id, segment: 'all', statistic: 'mean', ...metrics() }, db))
		);
		const a = first!.values[0]!;
		const b = second!.values[0]!;
		expect(close(7 * b - 6 * a, late.mean), `7 × ${b} − 6 × ${a}`).toBe(false);
		// The new version is kept back until enough contributions changed; the round pins the earlier one.
		expect(seen[1]).toBe(seen[0]);
		for (let i = 0; i < 5; i++) await organization({ mean: 2.5 + i / 8 });
		await rebuild();
		expect(await latestBenchmarkVersion({ organizationId: me.id, modelId: model.structure.id, modelVersion: model.structure.version }, db)).not.toBe(seen[0]);
	});

	it('gives no median of five organizations (it would be one organization’s own mean)', async () => {
		await emptyPopulation();
		const me = await organization({ mean: 3 });
		const others = [];
		for (let i = 0; i < 5; i++) others.push(await organization({ mean: 2 + i / 8 }));
		const version = await rebuild();
		for (const statistic of ['median', 'p75', 'p90'] as const) {
			const b = await benchmarkFor({ versionId: version, organizationId: me.id, segment: 'all', statistic, ...metrics() }, db);
			const v = b?.values[0] ?? null;
			expect(v === null || !others.some((o) => close(o.mean, v)), `${statistic} ${v}`).toBe(true);
			expect(v).toBeNull();
		}
	});

	it('gives percentiles with ten other organizations, between two of them', async () => {
		await emptyPopulation();
		const me = await organization({ mean: 3 });
		const others = [];
		for (const mean of [1, 1.25, 1.625, 2.125, 2.5, 2.875, 3.5, 3.625, 4, 4.5, 4.875]) others.push(await organization({ mean }));
		const version = await rebuild();
		const b = await benchmarkFor({ versionId: version, organizationId: me.id, segment: 'all', statistic: 'median', ...metrics() }, db);
		// Eleven others: the mean of the sixth and its two neighbours, not the sixth's own mean.
		expect(b!.values[0]).toBeCloseTo((2.5 + 2.875 + 3.5) / 3, 5);
		expect(others.some((o) => close(o.mean, b!.values[0]!))).toBe(false);
	});

	it('takes an organization’s figure only where at least k of its respondents answered it', async () => {
		await emptyPopulation();
		const areas = model.shape.areas.length;
		const me = await organization({ mean: 3 });
		for (let i = 0; i < 6; i++) await organization({ mean: 2 + i / 8 });
		// Seven respondents, k = 5, but one answered statement 0 and four area 1 (the rest: "don't know").
		const sparse = await organization({ mean: 4.75, respondents: 7, answered: { [areas]: 1, 1: 4 } });
		const version = await rebuild();
		const mine = await db
			.selectFrom('benchmark_contributions')
			.selectAll()
			.where('version_id', '=', version)
			.where('organization_id', '=', sparse.id)
			.executeTakeFirstOrThrow();
		expect(mine.statement_means[0]).toBeNull();
		expect(mine.area_means[1]).toBeNull();
		expect(mine.area_means[0]).toBe(4.75);
		const b = await benchmarkFor({ versionId: version, organizationId: me.id, segment: 'all', statistic: 'mean', ...metrics() }, db);
		// Statement 0 and area 1: the mean of the six others without the sparse organization.
		expect(b!.values[areas]).toBeCloseTo((2 + 2.125 + 2.25 + 2.375 + 2.5 + 2.625) / 6, 5);
		expect(b!.values[1]).toBeCloseTo((2 + 2.125 + 2.25 + 2.375 + 2.5 + 2.625) / 6, 5);
		expect(b!.values[0]).toBeCloseTo((2 + 2.125 + 2.25 + 2.375 + 2.5 + 2.625 + 4.75) / 7, 5);
	});
});
