/** Pure helpers over a flat unit list (no I/O). */
export interface UnitNode {
	id: string;
	parentId: string | null;
	name: string;
}

export interface TreeRow<T extends UnitNode> {
	unit: T;
	depth: number;
	path: string[];
}

/** Depth-first order with depth and name path, children sorted by name. Orphans are treated as roots. */
export function flattenTree<T extends UnitNode>(units: T[]): TreeRow<T>[] {
	const byParent = new Map<string | null, T[]>();
	const ids = new Set(units.map((u) => u.id));
	for (const u of units) {
		const key = u.parentId && ids.has(u.parentId) ? u.parentId : null;
		(byParent.get(key) ?? byParent.set(key, []).get(key)!).push(u);
	}
	for (const list of byParent.values()) list.sort((a, b) => a.name.localeCompare(b.name));
	const out: TreeRow<T>[] = [];
	const walk = (parent: string | null, depth: number, path: string[]) => {
		for (const u of byParent.get(parent) ?? []) {
			const p = [...path, u.name];
			out.push({ unit: u, depth, path: p });
			walk(u.id, depth + 1, p);
		}
	};
	walk(null, 0, []);
	return out;
}

/** The ids of a unit and everything below it. */
export function subtreeIds(units: UnitNode[], rootId: string): Set<string> {
	const children = new Map<string, string[]>();
	for (const u of units) if (u.parentId) (children.get(u.parentId) ?? children.set(u.parentId, []).get(u.parentId)!).push(u.id);
	const out = new Set<string>();
	const stack = [rootId];
	while (stack.length) {
		const id = stack.pop()!;
		if (out.has(id)) continue;
		out.add(id);
		stack.push(...(children.get(id) ?? []));
	}
	return out;
}

/** The display name of a level; levels past the named ones are "Level N". */
export function levelName(levelNames: string[], depth: number): string {
	return levelNames[depth] ?? `Level ${depth + 1}`;
}
