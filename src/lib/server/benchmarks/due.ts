import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import { compareVersions } from '$lib/server/models/load';
import { usableVersions } from '$lib/server/models/registry';
import { rebuildBenchmark } from './build';
import { benchmarksCarrying } from './family';
import type { Population } from './versions';

/** A benchmark to build: one model version and population. */
export interface BenchmarkKey {
	modelId: string;
	modelVersion: string;
	population: Population;
}

const keyOf = (k: BenchmarkKey) => `${k.modelId}@${k.modelVersion}:${k.population}`;

/** The model versions and populations with closed rounds, and when the last of them closed. */
async function closedRounds(executor: Db) {
	const { rows } = await sql<{ model_id: string; model_version: string; population: Population; last_closed: Date }>`
		SELECT r.model_id, r.model_version, CASE WHEN o.is_demo THEN 'demo' ELSE 'live' END AS population, max(r.closed_at) AS last_closed
		FROM rounds r JOIN organizations o ON o.id = r.organization_id
		WHERE r.status IN ('closed', 'published') AND r.closed_at IS NOT NULL
		GROUP BY 1, 2, 3`.execute(executor);
	// Only versions this instance can read (an instance of an older release, or a model no longer shipped,
	// leaves the others' benchmarks to be built rather than failing them all).
	const usable = new Set((await usableVersions()).map((m) => `${m.id}@${m.version}`));
	return rows.filter((r) => usable.has(`${r.model_id}@${r.model_version}`));
}

/**
 * Every benchmark a round has closed for since it was last built (the jobs' fan-out: one benchmarks job
 * each, run whenever a round closes). A round on one version also changes the benchmark of every later
 * version that carries it (see `rebuildBenchmark`). Older versions first. Reads across organizations, as the benchmark does.
 */
export async function dueBenchmarks(executor: Db = db()): Promise<BenchmarkKey[]> {
	const [closed, built] = await Promise.all([
		closedRounds(executor),
		executor
			.selectFrom('benchmark_versions')
			.select(['model_id', 'model_version', 'population', (eb) => eb.fn.max('built_at').as('last_built')])
			.where('source', '=', 'sos')
			.groupBy(['model_id', 'model_version', 'population'])
			.execute()
	]);
	const lastBuilt = new Map(built.map((b) => [keyOf({ modelId: b.model_id, modelVersion: b.model_version, population: b.population }), b.last_built]));
	const due = new Map<string, BenchmarkKey>();
	for (const { key, closed: at } of await carried(closed)) {
		const last = lastBuilt.get(keyOf(key));
		if (!last || at > last) due.set(keyOf(key), key);
	}
	return inBuildOrder([...due.values()]);
}

/** Each closed-round group with every benchmark it changes: its own version's and those of the versions carrying it. */
async function carried(closed: Awaited<ReturnType<typeof closedRounds>>): Promise<{ key: BenchmarkKey; closed: Date }[]> {
	const out: { key: BenchmarkKey; closed: Date }[] = [];
	for (const c of closed)
		for (const modelVersion of await benchmarksCarrying(c.model_id, c.model_version))
			out.push({ key: { modelId: c.model_id, modelVersion, population: c.population }, closed: c.last_closed });
	return out;
}

/** Older versions first, so that a later version is decided against the figures the earlier one just published. */
const inBuildOrder = (keys: BenchmarkKey[]) =>
	keys.sort((a, b) => (a.modelId === b.modelId ? compareVersions(a.modelVersion, b.modelVersion) : a.modelId < b.modelId ? -1 : 1));

/**
 * Rebuilds one benchmark if a round has closed for it since its last build (its benchmarks job). An
 * advisory lock held by a transaction for the build's length keeps two instances from building the same
 * benchmark at once: the second finds it locked and leaves it (or, once built, no longer due). True when it built.
 */
export async function rebuildBenchmarkIfDue(key: BenchmarkKey, now = new Date(), executor: Db = db()): Promise<boolean> {
	const name = `sos-benchmark:${key.modelId}:${key.modelVersion}:${key.population}`;
	return executor.transaction().execute(async (lock) => {
		const got = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(hashtext(${name})) AS ok`.execute(lock);
		if (!got.rows[0].ok) return false;
		const due = (await dueBenchmarks(executor)).some((d) => keyOf(d) === keyOf(key));
		if (due) await rebuildBenchmark({ ...key, now }, executor);
		return due;
	});
}

/** Rebuilds the benchmark of every model version and population with closed rounds, and of the versions carrying them (the operator's "rebuild now", and after an exclusion). */
export async function rebuildAllBenchmarks(now = new Date(), executor: Db = db()): Promise<number> {
	const keys = new Map((await carried(await closedRounds(executor))).map(({ key }) => [keyOf(key), key]));
	const ordered = inBuildOrder([...keys.values()]);
	for (const key of ordered) await rebuildBenchmark({ ...key, now }, executor);
	return ordered.length;
}
