/**
 * The differencing check of the suppression rule (pure): can any combination of shown groups leave
 * 1 … k−1 people? A figure is a unit's people of a set of respondent groups (a bit set: the whole unit
 * is every group, a split shows each group and so any set of them). An attacker takes a shown figure
 * and subtracts disjoint shown figures below it — of its groups, or of others: a sub-unit's whole
 * figure taken from a region's sales people leaves that sub-unit's other groups behind, as a negative
 * part, which still isolates them if few. For a shown figure this works out every weight (people left
 * over, positive or negative) such a subtraction can reach, as a bit set of small numbers (k and more
 * count as k), by dynamic programming over the tree. With two groups this is the check SOS always had.
 */
import type { Tree } from './suppression';

export interface Groups {
	/** Number of respondent groups (at most 5: sets of groups are bit sets, 2^count of them per unit). */
	count: number;
	/** Each unit's own respondents, per group. */
	own: readonly ArrayLike<number>[];
	/** Each unit's whole-subtree respondents, per group. */
	total: readonly ArrayLike<number>[];
	/** Per unit: the whole figure is shown; the split by group is shown. */
	all: ArrayLike<number>;
	split: ArrayLike<number>;
}

export interface Differencing {
	/** The first set of groups (a bit set; every group first) whose shown figure at unit i can be reduced to 1 … k−1 people, or 0. */
	leakAt(i: number): number;
	/** Tells that what is shown at unit i changed (its ancestors' checks are worked out again). */
	changed(i: number): void;
}

export function differencing(tree: Tree, g: Groups, k: number, parent: ArrayLike<number>): Differencing {
	const ALL = (1 << g.count) - 1;
	const sets = 1 << g.count;
	const members = Array.from({ length: sets }, (_, s) => Array.from({ length: g.count }, (_, x) => x).filter((x) => (s >> x) & 1));
	const count = (of: readonly ArrayLike<number>[], s: number, i: number) => members[s].reduce((n, x) => n + of[x][i], 0);
	/** The figure of the groups in `s` at unit i is shown: the whole, any set under a split, or the whole when the other groups hold nobody there. */
	const shown = (s: number, i: number) => g.all[i] === 1 && (s === ALL || g.split[i] === 1 || count(g.total, ALL & ~s, i) === 0);
	const bit = (w: number) => 1 << Math.min(k, w);
	const sum = (a: number, b: number) => {
		if (a === 1) return b;
		if (b === 1) return a;
		let out = 0;
		for (let i = 0; i <= k; i++) if ((a >> i) & 1) for (let j = 0; j <= k; j++) if ((b >> j) & 1) out |= 1 << Math.min(k, i + j);
		return out;
	};
	const stride = sets * 2;
	const memo = new Int32Array(tree.ids.length * stride).fill(-1);
	/**
	 * Weights that can be left in x's subtree when its people of the groups in `s` are to be taken
	 * away. `wholeUsed`: x's whole figure was already taken (to cancel the other groups' leftover).
	 */
	const reach = (x: number, s: number, wholeUsed = false): number => {
		const key = x * stride + s * 2 + (wholeUsed ? 1 : 0);
		if (memo[key] >= 0) return memo[key];
		let m = below(x, s);
		if (shown(s, x)) {
			m |= 1;
			// Under a split, some of the groups taken away by the unit's own figures, the rest by what lies below.
			if (g.split[x] === 1) for (let t = (s - 1) & s; t > 0; t = (t - 1) & s) m |= below(x, s & ~t);
		} else if (!wholeUsed && shown(ALL, x)) {
			// The whole unit taken away leaves its people of the other groups over, negative; figures below
			// can be added back to cancel them, which brings people of these groups back, and so on.
			m |= reach(x, ALL & ~s, true);
		}
		memo[key] = m;
		return m;
	};
	const below = (x: number, s: number) => tree.children[x].reduce((acc, c) => sum(acc, reach(c, s)), bit(count(g.own, s, x)));
	const small = ((1 << k) - 1) & ~1;
	const order = [ALL, ...Array.from({ length: ALL - 1 }, (_, s) => s + 1)];
	return {
		leakAt: (i) => {
			for (const s of order) if (shown(s, i) && below(i, s) & small) return s;
			return 0;
		},
		changed: (i) => {
			for (let x = i; x >= 0; x = parent[x]) memo.fill(-1, x * stride, x * stride + stride);
		}
	};
}
