/**
 * Which groups one viewer may see figures for (pure): the anonymity rule of SOS, used by every page,
 * export and API answer. A group is a unit's whole subtree ("all"), or its sales people and its sales
 * managers ("roles", shown together or not at all). A group is shown only when
 *   1. the viewer may see the unit and the group has at least k respondents;
 *   2. for a role split, both roles have at least k (so the total minus one role never reveals the
 *      other, and the gap compares two real groups);
 *   3. no subtraction of shown groups from a shown group leaves 1 … k−1 respondents: for every shown
 *      group, the respondents not covered by the largest shown groups below it (its "frontier": the
 *      nearest shown descendants of the same kind) are none or at least k. When that fails, the
 *      smallest group of the frontier is hidden too, and the check runs again until nothing fails.
 * Rule 3 for the frontier covers every other subtraction: any set of disjoint shown groups below G
 * leaves G's frontier remainder plus, for each frontier group F, F's own remainder — each 0 or ≥ k.
 */
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
export function suppressOnTree(tree: Tree, sp: ArrayLike<number>, sm: ArrayLike<number>, visible: ArrayLike<boolean>, k: number, roles = true): { all: Uint8Array; roles: Uint8Array } {
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
	const kinds = [(i: number) => tsp[i] + tsm[i], (i: number) => tsp[i], (i: number) => tsm[i]];
	const covered = new Float64Array(n);
	for (let changed = true; changed; ) {
		changed = false;
		for (let kind = 0; kind < 3 && !changed; kind++) {
			const size = kinds[kind];
			const shown = kind === 0 ? all : split;
			for (const i of tree.order) {
				let c = 0;
				for (const ch of tree.children[i]) c += shown[ch] ? size(ch) : covered[ch];
				covered[i] = c;
			}
			for (const i of tree.order) {
				const rest = size(i) - covered[i];
				if (!shown[i] || rest <= 0 || rest >= k || covered[i] === 0) continue;
				// Hide the smallest group of the frontier (ties: the first by id), then count again.
				let smallest = -1;
				const todo = [...tree.children[i]];
				for (let x = todo.pop(); x !== undefined; x = todo.pop()) {
					if (!shown[x]) todo.push(...tree.children[x]);
					else if (smallest < 0 || size(x) < size(smallest) || (size(x) === size(smallest) && tree.ids[x] < tree.ids[smallest])) smallest = x;
				}
				if (kind === 0) all[smallest] = 0;
				split[smallest] = 0;
				changed = true;
				break;
			}
		}
	}
	return { all, roles: split };
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
