/** Pearson's correlation from running sums (pure): pairs are added one by one while streaming. */

export interface PairSums {
	n: number;
	sx: number;
	sy: number;
	sxx: number;
	syy: number;
	sxy: number;
}

export const emptyPairSums = (): PairSums => ({ n: 0, sx: 0, sy: 0, sxx: 0, syy: 0, sxy: 0 });

export function addPair(s: PairSums, x: number, y: number): void {
	s.n++;
	s.sx += x;
	s.sy += y;
	s.sxx += x * x;
	s.syy += y * y;
	s.sxy += x * y;
}

/** Pearson's r; null with fewer than two pairs or when either side does not vary. */
export function pearson(s: PairSums): number | null {
	if (s.n < 2) return null;
	const xx = s.n * s.sxx - s.sx * s.sx;
	const yy = s.n * s.syy - s.sy * s.sy;
	// Sums of non-integers can leave a hair above zero where the values are all equal.
	if (!(xx > 1e-9 * s.n * s.n) || !(yy > 1e-9 * s.n * s.n)) return null;
	const r = (s.n * s.sxy - s.sx * s.sy) / Math.sqrt(xx * yy);
	return Math.max(-1, Math.min(1, r));
}

/** Pearson's r of two equally long lists. */
export function pearsonOf(xs: readonly number[], ys: readonly number[]): number | null {
	if (xs.length !== ys.length) throw new Error('pearsonOf: the lists differ in length');
	const s = emptyPairSums();
	xs.forEach((x, i) => addPair(s, x, ys[i]));
	return pearson(s);
}
