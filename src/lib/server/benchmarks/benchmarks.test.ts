import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { ValidationError } from '$lib/server/errors';
import { rebuildBenchmark } from './build';
import { importBenchmark, setBenchmarkExclusion } from './import';
import { unitResults } from '$lib/server/results/unit-results';
import { ORGANIZATION } from '$lib/results/view';
import { latestModel } from '$lib/server/models/registry';

const operator = { accountId: null, email: 'op@sos.example', isOperator: true, via: 'session' as const, label: 'op@sos.example', membership: null };
/** The version new rounds (and so the test rounds) are on. */
const modelVersion = (await latestModel('sos')).structure.version;
const spec = (n: number) => ({ units: { Sales: null }, respondents: { Sales: { sales_person: n, sales_manager: 2 } } });

describe('the benchmark', () => {
	// The mean itself, with the organization's own figures taken out, is tested with exact values in a
	// database of its own (leaks.test.ts): here other test files build versions at the same time.
	it('leaves out organizations the operator excluded, and a round below its k', async () => {
		const [excluded, small] = await Promise.all([createTestOrganization(), createTestOrganization()]);
		await createPublishedRound({ organizationId: excluded.id, tree: spec(8) });
		await createPublishedRound({ organizationId: small.id, tree: { units: { S: null }, respondents: { S: { sales_person: 3 } } }, k: 5 });
		await setBenchmarkExclusion({ actor: operator, organizationId: excluded.id, excluded: true });
		const version = await rebuildBenchmark({ modelId: 'sos', modelVersion, population: 'live' });
		const ids = (await db().selectFrom('benchmark_contributions').select('organization_id').where('version_id', '=', version).execute()).map(
			(c) => c.organization_id
		);
		expect(ids).not.toContain(excluded.id);
		expect(ids).not.toContain(small.id);
	});

	it('takes only each organization’s latest closed round within 24 months', async () => {
		const org = await createTestOrganization();
		const old = await createPublishedRound({ organizationId: org.id, tree: spec(6), closedAt: new Date(Date.now() - 25 * 30 * 86_400_000) });
		let version = await rebuildBenchmark({ modelId: 'sos', modelVersion, population: 'live' });
		expect(
			await db()
				.selectFrom('benchmark_contributions')
				.select('organization_id')
				.where('version_id', '=', version)
				.where('organization_id', '=', org.id)
				.execute()
		).toEqual([]);
		await createPublishedRound({ organizationId: org.id, tree: spec(9), existingUnits: old.unitIds, seed: 3 });
		version = await rebuildBenchmark({ modelId: 'sos', modelVersion, population: 'live' });
		const mine = await db()
			.selectFrom('benchmark_contributions')
			.select('respondents')
			.where('version_id', '=', version)
			.where('organization_id', '=', org.id)
			.execute();
		expect(mine).toEqual([{ respondents: 11 }]);
	});
});

describe('an imported benchmark', () => {
	const csv = (rows: string[]) => ['area,mean,organizations,respondents', ...rows].join('\n');

	it('is refused as a whole, with every bad row named, and nothing stored', async () => {
		const before = await db()
			.selectFrom('benchmark_versions')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		const err = await importBenchmark({
			actor: operator,
			input: { label: 'Broken', model: 'sos@1.0' },
			csv: csv(['territory,3.4,20,900', 'planets,3,10,100', 'targets,7,10,100', 'forecasting,3.1,0,10', 'territory,3.5,20,900'])
		}).catch((e) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.details.map((d: { path: string }) => d.path)).toEqual(['row 3', 'row 4', 'row 5', 'row 6']);
		expect(err.message).toMatch(/4 rows must be corrected/);
		await expect(importBenchmark({ actor: operator, input: { label: 'x', model: 'sos@1.0' }, csv: 'name;value\n1;2' })).rejects.toThrow(/column names/);
		await expect(importBenchmark({ actor: operator, input: { label: 'x', model: 'sos@9.9' }, csv: csv(['territory,3,5,50']) })).rejects.toThrow(
			/no such model/
		);
		await expect(importBenchmark({ actor: operator, input: { label: '', model: 'sos@1.0' }, csv: csv(['territory,3,5,50']) })).rejects.toThrow(/label/);
		const after = await db()
			.selectFrom('benchmark_versions')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(after.n)).toBe(Number(before.n));
	});

	it('can be chosen by viewers of customers as a labelled source (means only)', async () => {
		const label = `Industry study ${Date.now()}`;
		const { id } = await importBenchmark({
			actor: operator,
			input: { label, model: `sos@${modelVersion}` },
			csv: csv(['territory,3.42,28,1650', 'targets,3.10,4,200'])
		});
		const org = await createTestOrganization();
		const { roundId } = await createPublishedRound({ organizationId: org.id, tree: spec(8) });
		const admin = await createTestActor(org.id, 'admin');
		const r = await unitResults({ actor: admin, roundId, unitId: ORGANIZATION, locale: 'en', choice: { compare: `import:${id}`, statistic: 'median' } });
		expect(r.benchmark.imported.map((i) => i.label)).toContain(label);
		expect(r.benchmark.label).toBe(label);
		expect(r.benchmark.statistic).toBe('mean');
		expect(r.areas.find((a) => a.key === 'territory')!.benchmark).toBeCloseTo(3.42);
		// Fewer than five organizations behind an area: no benchmark for it.
		expect(r.areas.find((a) => a.key === 'targets')!.benchmark).toBeNull();
	});
});
