/**
 * The attacker's arithmetic, for tests: every respondent count one can reach by taking any set of
 * disjoint shown groups away from a shown group (a unit's subtree, or one respondent group of it). Used by the
 * suppression tests, the view tests and the API attacker test to check that none is 1 … k−1.
 */
import { groupsOf, type GroupNode, type Role } from './suppression';

export type Kind = 'all' | Role;

export function reachableRemainders(
	nodes: readonly GroupNode[],
	shown: (id: string, kind: Kind) => boolean,
	groups: readonly Role[] = groupsOf(nodes)
): { group: string; rest: number }[] {
	const byId = new Map(nodes.map((n) => [n.id, n]));
	const children = new Map<string, GroupNode[]>();
	for (const n of nodes) if (n.parentId && byId.has(n.parentId)) (children.get(n.parentId) ?? children.set(n.parentId, []).get(n.parentId)!).push(n);
	const combine = (sets: Set<number>[]) => sets.reduce((acc, s) => new Set([...acc].flatMap((a) => [...s].map((b) => a + b))), new Set([0]));
	const memo = new Map<string, Set<number>>();
	const totals = new Map<string, number>();
	const totalOf = (x: string, role: Role): number => {
		const key = `${x}|${role}`;
		if (!totals.has(key)) totals.set(key, (byId.get(x)!.own[role] ?? 0) + (children.get(x) ?? []).reduce((t, c) => t + totalOf(c.id, role), 0));
		return totals.get(key)!;
	};
	// A unit's whole figure is a figure of one group where it holds none of the others.
	const othersOf = (x: string, kind: Role) => groups.reduce((n, g) => n + (g === kind ? 0 : totalOf(x, g)), 0);
	const isShown = (x: string, kind: Kind) => shown(x, kind) || (kind !== 'all' && shown(x, 'all') && othersOf(x, kind) === 0);
	// Counts left uncovered in x's subtree, for atoms of `kind`, when any shown groups strictly below the attacked group are taken away.
	const reach = (x: string, kind: Kind, isRoot: boolean): Set<number> => {
		const key = `${x}|${kind}|${isRoot}`;
		if (memo.has(key)) return memo.get(key)!;
		const n = byId.get(x)!;
		const own = kind === 'all' ? groups.reduce((t, g) => t + (n.own[g] ?? 0), 0) : (n.own[kind] ?? 0);
		const out = new Set([...combine((children.get(x) ?? []).map((c) => reach(c.id, kind, false)))].map((r) => r + own));
		if (!isRoot && isShown(x, kind)) out.add(0);
		// A whole unit can also be covered group by group.
		if (kind === 'all') for (const r of combine(groups.map((g) => reach(x, g, isRoot)))) out.add(r);
		memo.set(key, out);
		return out;
	};
	const found: { group: string; rest: number }[] = [];
	for (const n of nodes)
		for (const kind of ['all', ...groups] as Kind[])
			if (isShown(n.id, kind)) for (const rest of reach(n.id, kind, true)) found.push({ group: `${n.id}/${kind}`, rest });
	return found;
}

/** The remainders between 1 and k−1: what must never be found. */
export const leaks = (found: { group: string; rest: number }[], k: number) => found.filter((f) => f.rest > 0 && f.rest < k);
