/**
 * The differencing check of the suppression rule (pure): can any combination of shown groups leave
 * 1 … k−1 people? Groups are a unit's whole subtree ("all", kind 0) or its sales people (kind 1) or
 * sales managers (kind 2). An attacker takes a shown group and subtracts shown groups below it — of the
 * same kind, or of another: a sub-unit's whole figure taken from a region's sales people leaves that
 * sub-unit's managers behind, as a negative part, which still isolates them if few. For a shown group
 * this works out every weight (people left, positive or negative) such a combination can reach, as a
 * bit set of small numbers (k and more count as k), by dynamic programming over the tree.
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
	/** Weights that can be left in x's subtree when its people of `kind` are to be taken away. */
	const reach = (x: number, kind: number, allUsed: boolean): number => {
		const key = x * 6 + kind * 2 + (allUsed ? 1 : 0);
		if (memo[key] >= 0) return memo[key];
		let m = g.shown(kind, x) ? 1 : 0;
		// Take the whole unit away, then deal with the other role it also took.
		if (kind !== 0 && !allUsed && g.shown(0, x)) m |= reach(x, 3 - kind, true);
		// Take it away role by role.
		if (kind === 0) m |= sum(reach(x, 1, true), reach(x, 2, true));
		m |= below(x, kind);
		memo[key] = m;
		return m;
	};
	const below = (x: number, kind: number) => tree.children[x].reduce((acc, c) => sum(acc, reach(c, kind, false)), bit(g.own[kind][x]));
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
