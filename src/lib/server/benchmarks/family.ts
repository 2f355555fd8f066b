import { continuity } from '$lib/server/models/continuity';
import { compareVersions } from '$lib/server/models/load';
import { metricMap, type MetricKeys } from '$lib/server/models/metric-map';
import { getModel, usableVersions, type CompiledModel } from '$lib/server/models/registry';

/** Another version of the same model whose benchmark shares figures with this one's. */
export interface Relative {
	version: string;
	/** True for a version this one continues (its rounds may be carried into this benchmark). */
	older: boolean;
	/** Per metric of this version: the relative's metric that measures the same, or -1. */
	map: Int32Array;
}

export const metricKeys = (m: CompiledModel): MetricKeys => ({
	version: m.structure.version,
	areas: m.shape.areas.map((a) => a.key),
	statements: m.statementKeys
});

/** The versions `version` continues, newest first (its chain back through `continues`). */
async function ancestors(modelId: string, version: string): Promise<string[]> {
	const out: string[] = [];
	let link = (await getModel(modelId, version)).structure.continues?.version;
	while (link && !out.includes(link) && compareVersions(link, version) < 0) {
		out.push(link);
		link = (await getModel(modelId, link)).structure.continues?.version;
	}
	return out;
}

/**
 * The versions whose benchmarks relate to `version`'s: every version it continues (older, whose rounds
 * it carries for the metrics that compare) and every shipped version that continues it (newer, which
 * carry its rounds). Each with a map into `version`'s metric order; relatives with nothing in common are left out.
 */
export async function benchmarkFamily(modelId: string, version: string): Promise<Relative[]> {
	const model = await getModel(modelId, version);
	const older = await ancestors(modelId, version);
	const newer = (await benchmarksCarrying(modelId, version)).slice(1);
	const out: Relative[] = [];
	for (const other of [...older, ...newer]) {
		const isOlder = older.includes(other);
		const link = await continuity({ id: modelId, from: isOlder ? other : version, to: isOlder ? version : other });
		const map = metricMap(metricKeys(model), metricKeys(await getModel(modelId, other)), link);
		if (map.some((m) => m >= 0)) out.push({ version: other, older: isOlder, map });
	}
	return out;
}

/** The versions whose benchmark a round closing on `version` changes: itself and every shipped or published version that carries it. */
export async function benchmarksCarrying(modelId: string, version: string): Promise<string[]> {
	const out = [version];
	for (const ref of await usableVersions())
		if (ref.id === modelId && compareVersions(ref.version, version) > 0 && (await ancestors(modelId, ref.version)).includes(version)) out.push(ref.version);
	return out;
}
