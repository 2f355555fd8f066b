/**
 * Which groups one viewer may see figures for (pure): the anonymity rule of SOS, used by every page,
 * export and API answer. A group is a unit's whole subtree ("all"), or one of the model's respondent
 * groups in it (the "split", all groups shown together or not at all). A group is shown only when
 *   1. the viewer may see the unit and the group has at least k respondents;
 *   2. for the split, the unit holds people of at least two groups and every group it holds has at
 *      least k (so the total minus the other groups never reveals one, and a gap compares real groups);
 *   3. no combination of shown groups leaves 1 … k−1 respondents (`differencing.ts`): taking shown
 *      groups below a shown group away from it — of its kind, or a sub-unit's whole figure from a
 *      region's sales people, which leaves that sub-unit's other groups behind — must leave none or at
 *      least k. When it fails, the smallest shown split below goes first (for a group with none below,
 *      the unit's own split), or for the whole the smallest shown unit below, and the check runs again
 *      until nothing fails.
 * Two groups (the SOS model's sales people and sales managers) give exactly the rule SOS always had.
 */
import { differencing, type Groups } from './differencing';

/** A respondent group of a model (its key, e.g. a job role). */
export type Role = string;

/** The groups named in the nodes' counts, in the order first seen (for callers that do not pass the model's list). */
export function groupsOf(nodes: readonly { own: Readonly<Record<string, number>> }[]): string[] {
	return [...new Set(nodes.flatMap((n) => Object.keys(n.own)))];
}

export interface GroupNode {
	id: string;
	parentId: string | null;
	/** Respondents attached to this unit itself (not its sub-units), per group (a group not named holds none). */
	own: Readonly<Record<Role, number>>;
}

export interface Visibility {
	/** The unit's figures (its whole subtree). */
	all: boolean;
	/** The split of the unit's figures by respondent group. */
	roles: boolean;
}

export interface SuppressionInput {
	nodes: readonly GroupNode[];
	/** Units the viewer may see at all; the others are never shown but still count in their ancestors. */
	visible: ReadonlySet<string>;
	k: number;
	/** The respondent groups (default: those the nodes name). */
	groups?: readonly Role[];
	/** Whether splits by group are wanted (comments, for one, are never split). Default true. */
	roles?: boolean;
}

/** A unit tree by index: built once, then run for as many counts (respondents, each metric) as needed. */
export interface Tree {
	ids: string[];
	children: number[][];
	/** Children before parents. */
	order: number[];
}

export function treeOf(nodes: readonly { id: string; parentId: string | null }[]): Tree {
	const index = new Map(nodes.map((n, i) => [n.id, i]));
	const children: number[][] = nodes.map(() => []);
	const roots: number[] = [];
	nodes.forEach((n, i) => {
		const p = n.parentId === null ? undefined : index.get(n.parentId);
		if (p === undefined) roots.push(i);
		else children[p].push(i);
	});
	const order: number[] = [];
	const visit = (i: number) => {
		for (const c of children[i]) visit(c);
		order.push(i);
	};
	roots.forEach(visit);
	return { ids: nodes.map((n) => n.id), children, order };
}

/** The rule on an index tree: `own[g][i]` is unit i's own respondents of group g. Returns per unit: all, split. */
export function suppressOnTree(
	tree: Tree,
	own: readonly ArrayLike<number>[],
	visible: ArrayLike<boolean>,
	k: number,
	roles = true
): { all: Uint8Array; roles: Uint8Array } {
	const n = tree.ids.length;
	const groupCount = own.length;
	const totals = own.map((o) => {
		const t = Float64Array.from({ length: n }, (_, i) => o[i]);
		for (const i of tree.order) for (const c of tree.children[i]) t[i] += t[c];
		return t;
	});
	const tall = Float64Array.from({ length: n }, (_, i) => totals.reduce((s, t) => s + t[i], 0));
	const all = new Uint8Array(n);
	const split = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		all[i] = visible[i] && tall[i] >= k ? 1 : 0;
		const held = totals.filter((t) => t[i] > 0);
		split[i] = all[i] && roles && held.length >= 2 && held.every((t) => t[i] >= k) ? 1 : 0;
	}
	const parent = new Int32Array(n).fill(-1);
	tree.children.forEach((cs, i) => cs.forEach((c) => (parent[c] = i)));
	const groups: Groups = { count: groupCount, own, total: totals, all, split };
	const check = differencing(tree, groups, k, parent);
	const ALL = (1 << groupCount) - 1;
	/** Hides one group below or at `unit` for a leak of the groups `set` found there; returns the unit it changed. */
	const hideFor = (unit: number, set: number): number => {
		// For groups, the smallest split below goes first, then the unit's own split; for the whole, the
		// smallest shown unit below it (ties: the first by id).
		const below = smallestBelow(tree, unit, (x) => (set === ALL ? all[x] === 1 : split[x] === 1), tall);
		if (set !== ALL && (below >= 0 || split[unit])) {
			split[below >= 0 ? below : unit] = 0;
			return below >= 0 ? below : unit;
		}
		const smallest = set === ALL ? below : smallestBelow(tree, unit, (x) => all[x] === 1, tall);
		const hidden = smallest < 0 ? unit : smallest;
		all[hidden] = 0;
		split[hidden] = 0;
		return hidden;
	};
	// Children before parents: a unit's check depends only on its subtree, so once a unit is settled
	// only hiding something below it can unsettle it — and then the units in between are settled again.
	const settle = (i: number): void => {
		for (let set = check.leakAt(i); set > 0; set = check.leakAt(i)) {
			const x = hideFor(i, set);
			check.changed(x);
			for (let y = x; y !== i && y >= 0; y = parent[y]) settle(y);
		}
	};
	for (const i of tree.order) settle(i);
	return { all, roles: split };
}

/** The nearest units below `unit` for which `shown` holds: the smallest of them (ties: the first by id), or −1. */
function smallestBelow(tree: Tree, unit: number, shown: (i: number) => boolean, size: ArrayLike<number>): number {
	let smallest = -1;
	const todo = [...tree.children[unit]];
	for (let x = todo.pop(); x !== undefined; x = todo.pop()) {
		if (!shown(x)) todo.push(...tree.children[x]);
		else if (smallest < 0 || size[x] < size[smallest] || (size[x] === size[smallest] && tree.ids[x] < tree.ids[smallest])) smallest = x;
	}
	return smallest;
}

/** Visibility of every visible unit. */
export function suppress(input: SuppressionInput): Map<string, Visibility> {
	const tree = treeOf(input.nodes);
	const groups = input.groups ?? groupsOf(input.nodes);
	const r = suppressOnTree(
		tree,
		groups.map((g) => input.nodes.map((n) => n.own[g] ?? 0)),
		input.nodes.map((n) => input.visible.has(n.id)),
		input.k,
		input.roles !== false
	);
	const out = new Map<string, Visibility>();
	input.nodes.forEach((n, i) => {
		if (input.visible.has(n.id)) out.set(n.id, { all: !!r.all[i], roles: !!r.roles[i] });
	});
	return out;
}

/** Respondents per group in each unit's whole subtree. */
export function subtreeTotals(nodes: readonly GroupNode[], groups: readonly Role[] = groupsOf(nodes)): Map<string, Record<Role, number>> {
	const tree = treeOf(nodes);
	const t = nodes.map((n) => Object.fromEntries(groups.map((g) => [g, n.own[g] ?? 0])));
	for (const i of tree.order) for (const c of tree.children[i]) for (const g of groups) t[i][g] += t[c][g];
	return new Map(nodes.map((n, i) => [n.id, t[i]]));
}
