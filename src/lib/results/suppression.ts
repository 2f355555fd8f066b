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

type Kind = 'all' | Role;

/** Visibility of every visible unit. */
export function suppress(input: SuppressionInput): Map<string, Visibility> {
	const { nodes, visible, k } = input;
	const children = childMap(nodes);
	const totals = subtreeTotals(nodes, children);
	const size = (id: string, kind: Kind) => (kind === 'all' ? totals.get(id)!.sales_person + totals.get(id)!.sales_manager : totals.get(id)![kind]);

	const out = new Map<string, Visibility>();
	for (const n of nodes) {
		if (!visible.has(n.id)) continue;
		const all = size(n.id, 'all') >= k;
		out.set(n.id, { all, roles: all && input.roles !== false && ROLES.every((r) => size(n.id, r) >= k) });
	}
	const shown = (id: string, kind: Kind) => {
		const v = out.get(id);
		return !!v && (kind === 'all' ? v.all : v.roles);
	};
	const hide = (id: string, kind: Kind) => {
		const v = out.get(id)!;
		out.set(id, kind === 'all' ? { all: false, roles: false } : { ...v, roles: false });
	};
	/** The nearest shown groups of this kind below `id`. */
	const frontier = (id: string, kind: Kind): string[] => {
		const found: string[] = [];
		const todo = [...(children.get(id) ?? [])];
		for (let c = todo.pop(); c; c = todo.pop()) {
			if (shown(c.id, kind)) found.push(c.id);
			else todo.push(...(children.get(c.id) ?? []));
		}
		return found;
	};
	// Children before parents, so one pass computes what each unit's frontier covers.
	const order = postOrder(nodes, children);
	for (let changed = true; changed; ) {
		changed = false;
		for (const kind of ['all', ...ROLES] as Kind[]) {
			const covered = new Map<string, number>();
			for (const n of order) covered.set(n.id, (children.get(n.id) ?? []).reduce((s, c) => s + (shown(c.id, kind) ? size(c.id, kind) : covered.get(c.id)!), 0));
			for (const n of order) {
				const rest = size(n.id, kind) - covered.get(n.id)!;
				if (!shown(n.id, kind) || rest <= 0 || rest >= k || covered.get(n.id) === 0) continue;
				const below = frontier(n.id, kind);
				const smallest = below.reduce((a, b) => (size(b, kind) < size(a, kind) || (size(b, kind) === size(a, kind) && b < a) ? b : a));
				hide(smallest, kind);
				changed = true;
				break; // what each unit covers has changed: count again
			}
		}
	}
	return out;
}

function postOrder(nodes: readonly GroupNode[], children: Map<string, GroupNode[]>): GroupNode[] {
	const ids = new Set(nodes.map((n) => n.id));
	const out: GroupNode[] = [];
	const visit = (n: GroupNode) => {
		for (const c of children.get(n.id) ?? []) visit(c);
		out.push(n);
	};
	for (const n of nodes) if (!n.parentId || !ids.has(n.parentId)) visit(n);
	return out;
}

/** Respondents per role in each unit's whole subtree. */
export function subtreeTotals(nodes: readonly GroupNode[], children = childMap(nodes)): Map<string, Record<Role, number>> {
	const totals = new Map<string, Record<Role, number>>();
	const byId = new Map(nodes.map((n) => [n.id, n]));
	const visit = (n: GroupNode): Record<Role, number> => {
		const t = { ...n.own };
		for (const c of children.get(n.id) ?? []) {
			const s = visit(c);
			t.sales_person += s.sales_person;
			t.sales_manager += s.sales_manager;
		}
		totals.set(n.id, t);
		return t;
	};
	for (const n of nodes) if (!n.parentId || !byId.has(n.parentId)) visit(n);
	return totals;
}

function childMap(nodes: readonly GroupNode[]): Map<string, GroupNode[]> {
	const ids = new Set(nodes.map((n) => n.id));
	const children = new Map<string, GroupNode[]>();
	for (const n of nodes) if (n.parentId && ids.has(n.parentId)) (children.get(n.parentId) ?? children.set(n.parentId, []).get(n.parentId)!).push(n);
	return children;
}
