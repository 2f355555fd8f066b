/**
 * Which groups one viewer may see figures for (pure): the anonymity rule of SOS, used by every page,
 * export and API answer. A group is a unit's whole subtree ("all"), or its sales people and its sales
 * managers ("roles", shown together or not at all). A group is shown only when
 *   1. the viewer may see the unit and the group has at least k respondents;
 *   2. for a role split, both roles have at least k (so the total minus one role never reveals the
 *      other, and the gap compares two real groups);
 *   3. no combination of shown groups leaves 1 … k−1 respondents (`differencing.ts`): taking shown
 *      groups below a shown group away from it — of its kind, or a sub-unit's whole figure from a
 *      region's sales people, which leaves that sub-unit's managers behind — must leave none or at
 *      least k. When it fails, the smallest shown group below of the same kind is hidden too (for a
 *      role with none below, the unit's own split), and the check runs again until nothing fails.
 */
import { differencing, type Groups } from './differencing';

export type Role = 'sales_person' | 'sales_manager';
export const ROLES: readonly Role[] = ['sales_person', 'sales_manager'];

export interface GroupNode {
	id: string;
	parentId: string | null;
	/** Respondents attached to this unit itself (not its sub-units), per job role. */
	own: Record<Role, number>;
}

export interface Visibility {
	/** The unit's figures (its whole subtree). */
	all: boolean;
	/** The sales people / sales managers split of the unit's figures. */
	roles: boolean;
}

export interface SuppressionInput {
	nodes: readonly GroupNode[];
	/** Units the viewer may see at all; the others are never shown but still count in their ancestors. */
	visible: ReadonlySet<string>;
	k: number;
	/** Whether role splits are wanted (comments, for one, are never split). Default true. */
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

/** The rule on an index tree: `sp[i]`/`sm[i]` are unit i's own respondents per role. Returns per unit: all, roles. */
export function suppressOnTree(
	tree: Tree,
	sp: ArrayLike<number>,
	sm: ArrayLike<number>,
	visible: ArrayLike<boolean>,
	k: number,
	roles = true
): { all: Uint8Array; roles: Uint8Array } {
	const n = tree.ids.length;
	const tsp = new Float64Array(n);
	const tsm = new Float64Array(n);
	for (const i of tree.order) {
		tsp[i] += sp[i];
		tsm[i] += sm[i];
		for (const c of tree.children[i]) {
			tsp[i] += tsp[c];
			tsm[i] += tsm[c];
		}
	}
	const all = new Uint8Array(n);
	const split = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		all[i] = visible[i] && tsp[i] + tsm[i] >= k ? 1 : 0;
		split[i] = all[i] && roles && tsp[i] >= k && tsm[i] >= k ? 1 : 0;
	}
	const tall = tsp.map((x, i) => x + tsm[i]);
	const size = [tall, tsp, tsm] as const;
	// A unit's whole figure is also a figure of one role where it holds none of the other.
	const shown = (kind: number, i: number) => (kind === 0 ? all[i] === 1 : split[i] === 1 || (all[i] === 1 && size[3 - kind][i] === 0));
	const groups: Groups = { own: [Array.from(tree.ids, (_, i) => sp[i] + sm[i]), sp, sm], shown };
	const parent = new Int32Array(n).fill(-1);
	tree.children.forEach((cs, i) => cs.forEach((c) => (parent[c] = i)));
	const check = differencing(tree, groups, k, parent);
	/** Hides one group below or at `unit` for a leak of `kind` found there; returns the unit it changed. */
	const hideFor = (unit: number, kind: number): number => {
		// For a role, the smallest role split below goes first, then the unit's own split; otherwise the
		// smallest shown unit below it (ties: the first by id).
		const below = smallestBelow(tree, unit, (x) => (kind === 0 ? all[x] === 1 : split[x] === 1), tall);
		if (kind !== 0 && (below >= 0 || split[unit])) {
			split[below >= 0 ? below : unit] = 0;
			return below >= 0 ? below : unit;
		}
		const smallest = kind === 0 ? below : smallestBelow(tree, unit, (x) => all[x] === 1, tall);
		const hidden = smallest < 0 ? unit : smallest;
		all[hidden] = 0;
		split[hidden] = 0;
		return hidden;
	};
	// Children before parents: a unit's check depends only on its subtree, so once a unit is settled
	// only hiding something below it can unsettle it — and then the units in between are settled again.
	const settle = (i: number): void => {
		for (let kind = check.leakAt(i); kind >= 0; kind = check.leakAt(i)) {
			const x = hideFor(i, kind);
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
	const r = suppressOnTree(
		tree,
		input.nodes.map((n) => n.own.sales_person),
		input.nodes.map((n) => n.own.sales_manager),
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

/** Respondents per role in each unit's whole subtree. */
export function subtreeTotals(nodes: readonly GroupNode[]): Map<string, Record<Role, number>> {
	const tree = treeOf(nodes);
	const t = nodes.map((n) => ({ ...n.own }));
	for (const i of tree.order)
		for (const c of tree.children[i]) {
			t[i].sales_person += t[c].sales_person;
			t[i].sales_manager += t[c].sales_manager;
		}
	return new Map(nodes.map((n, i) => [n.id, t[i]]));
}
