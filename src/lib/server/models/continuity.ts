import { compareVersions } from './load';
import { getModel } from './registry';
import type { ModelStructure } from './schema';

/**
 * What compares between two versions of one model (`model.json`'s `continues`, followed link by link):
 * an area compares when every link from `to` back to `from` lists it in `continues.areas`; a statement
 * of `to` maps to one of `from` when every link maps it on (`continues.statements`, this version's key →
 * the earlier one's). A version compares fully with itself; two versions with no chain between them
 * compare in nothing. Areas keep their key across versions (load.ts checks that a listed area is in both).
 */
export interface Continuity {
	from: string;
	to: string;
	/** Keys of the areas whose scores compare (the same key in both versions). */
	areas: ReadonlySet<string>;
	/** `to`'s statement key → `from`'s statement key, where the meaning is unchanged along the whole chain. */
	statements: ReadonlyMap<string, string>;
}

/** The continuity from `from` to `to` (pure), given a way to find each version's structure. */
export function continuityBetween(structureOf: (version: string) => ModelStructure | undefined, from: string, to: string): Continuity {
	const nothing: Continuity = { from, to, areas: new Set(), statements: new Map() };
	let current = structureOf(to);
	if (!current) return nothing;
	let areas = new Set(current.areas.map((a) => a.key));
	let statements = new Map(current.areas.flatMap((a) => a.statements.map((s) => [s, s] as const)));
	const seen = new Set<string>();
	while (current.version !== from) {
		const link = current.continues;
		// No link, a link past `from` (it is not on the chain), or a loop: nothing compares.
		if (!link || compareVersions(link.version, from) < 0 || seen.has(link.version)) return nothing;
		seen.add(link.version);
		const carried = new Set(link.areas);
		areas = new Set([...areas].filter((a) => carried.has(a)));
		const next = new Map<string, string>();
		for (const [mine, theirs] of statements) if (Object.hasOwn(link.statements, theirs)) next.set(mine, link.statements[theirs]);
		statements = next;
		current = structureOf(link.version);
		if (!current) return nothing;
	}
	return { from, to, areas, statements };
}

/** The structures on the chain from `to` back towards `from` (loaded and validated through the registry). */
async function chainOf(id: string, from: string, to: string): Promise<Map<string, ModelStructure>> {
	const out = new Map<string, ModelStructure>();
	let version: string | undefined = to;
	while (version && !out.has(version) && compareVersions(version, from) >= 0) {
		const structure: ModelStructure = (await getModel(id, version)).structure;
		out.set(version, structure);
		version = structure.continues?.version;
	}
	return out;
}

/** What compares between version `from` of model `id` and a later (or the same) version `to`. */
export async function continuity(opts: { id: string; from: string; to: string }): Promise<Continuity> {
	if (compareVersions(opts.from, opts.to) > 0) return { from: opts.from, to: opts.to, areas: new Set(), statements: new Map() };
	const chain = await chainOf(opts.id, opts.from, opts.to);
	return continuityBetween((v) => chain.get(v), opts.from, opts.to);
}

/** The newest of some versions (null for none). */
export const newestVersion = (versions: Iterable<string>): string | null => [...versions].sort(compareVersions).at(-1) ?? null;

/** The oldest of some versions (null for none). */
export const oldestVersion = (versions: Iterable<string>): string | null => [...versions].sort(compareVersions)[0] ?? null;
