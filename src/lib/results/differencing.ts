/**
 * The differencing check of the suppression rule (pure): can any combination of shown groups leave
 * 1 … k−1 people? Groups are a unit's whole subtree ("all", kind 0) or its sales people (kind 1) or
 * sales managers (kind 2). An attacker takes a shown group and subtracts disjoint shown groups below
 * it — of its kind, or of another: a sub-unit's whole figure taken from a region's sales people
 * leaves that sub-unit's managers behind, as a negative part, which still isolates them if few. For a
 * shown group this works out every weight (people left over, positive or negative) such a
 * subtraction can reach, as a bit set of small numbers (k and more count as k), by dynamic
 * programming over the tree.
 */
import type { Tree } from './suppression';

export interface Groups {
	/** Each unit's own respondents per kind: [all, sales people, sales managers]. */
	own: [ArrayLike<number>, ArrayLike<number>, ArrayLike<number>];
	/** Whether the unit's group of each kind is shown. */
	shown: (kind: number, i: number) => boolean;
}

export interface Differencing {
	/** The first kind of unit i's shown groups from which a combination leaves 1 … k−1 people, or −1. */
	leakAt(i: number): number;
	/** Tells that what is shown at unit i changed (its ancestors' checks are worked out again). */
	changed(i: number): void;
}

export function differencing(tree: Tree, g: Groups, k: number, parent: ArrayLike<number>): Differencing {
	const bit = (w: number) => 1 << Math.min(k, w);
	const sum = (a: number, b: number) => {
		if (a === 1) return b;
		if (b === 1) return a;
		let out = 0;
		for (let i = 0; i <= k; i++) if ((a >> i) & 1) for (let j = 0; j <= k; j++) if ((b >> j) & 1) out |= 1 << Math.min(k, i + j);
		return out;
	};
	const memo = new Int32Array(tree.ids.length * 6).fill(-1);
	/**
	 * Weights that can be left in x's subtree when its people of `kind` (0: everyone) are to be taken
	 * away. `wholeUsed`: x's whole figure was already taken (to cancel the other role's leftover).
	 */
	const reach = (x: number, kind: number, wholeUsed = false): number => {
		const key = x * 6 + kind * 2 + (wholeUsed ? 1 : 0);
		if (memo[key] >= 0) return memo[key];
		let m = below(x, kind);
		if (kind === 0) {
			if (g.shown(0, x)) m |= 1;
			// One role taken away by the unit's own split, the other by what lies below.
			if (g.shown(1, x) && g.shown(2, x)) m |= 1 | below(x, 1) | below(x, 2);
		} else if (g.shown(kind, x)) {
			m |= 1;
		} else if (!wholeUsed && g.shown(0, x)) {
			// The whole unit taken away leaves its people of the other role over, negative; figures below
			// can be added back to cancel them, which brings people of this role back, and so on.
			m |= reach(x, 3 - kind, true);
		}
		memo[key] = m;
		return m;
	};
	const below = (x: number, kind: number) => tree.children[x].reduce((acc, c) => sum(acc, reach(c, kind)), bit(g.own[kind][x]));
	const small = ((1 << k) - 1) & ~1;
	return {
		leakAt: (i) => {
			for (let kind = 0; kind < 3; kind++) if (g.shown(kind, i) && below(i, kind) & small) return kind;
			return -1;
		},
		changed: (i) => {
			for (let x = i; x >= 0; x = parent[x]) memo.fill(-1, x * 6, x * 6 + 6);
		}
	};
}
