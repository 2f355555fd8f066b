/**
 * Internal consistency of one scale (an area's statements), pure. Everything is kept as sums over the
 * complete cases (respondents who answered every item 1–5: listwise deletion), so that cases can be
 * added one by one while streaming and the figures come out at the end without the data.
 *
 * The co-moments are taken as n·Σxy − Σx·Σy: with integer answers these are exact integers (well below
 * 2^53 for any realistic n), so alpha and the correlations do not suffer from cancellation.
 */

/** Sufficient statistics of a scale of `items` items over its complete cases. */
export interface ScaleSums {
	n: number;
	/** Σ of each item. */
	sum: number[];
	/** Σ of each item squared. */
	sumSq: number[];
	/** Σ of the total (the sum of the items). */
	sumTotal: number;
	/** Σ of the total squared. */
	sumTotalSq: number;
	/** Σ of each item times the total. */
	sumItemTotal: number[];
}

export function emptyScaleSums(items: number): ScaleSums {
	return { n: 0, sum: Array(items).fill(0), sumSq: Array(items).fill(0), sumTotal: 0, sumTotalSq: 0, sumItemTotal: Array(items).fill(0) };
}

/** Adds one complete case: one value per item. */
export function addCase(s: ScaleSums, values: readonly number[]): void {
	let total = 0;
	for (const v of values) total += v;
	s.n++;
	s.sumTotal += total;
	s.sumTotalSq += total * total;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		s.sum[i] += v;
		s.sumSq[i] += v * v;
		s.sumItemTotal[i] += v * total;
	}
}

/** The sums of a whole data matrix (rows: cases, columns: items), every row complete. */
export function scaleSums(rows: readonly (readonly number[])[]): ScaleSums {
	const s = emptyScaleSums(rows[0]?.length ?? 0);
	for (const r of rows) addCase(s, r);
	return s;
}

/** n times the co-moment of item i and the total, and the like (n·Σxy − Σx·Σy = n²·covariance·(n−1)/n). */
const itemItem = (s: ScaleSums, i: number) => s.n * s.sumSq[i] - s.sum[i] * s.sum[i];
const itemTotal = (s: ScaleSums, i: number) => s.n * s.sumItemTotal[i] - s.sum[i] * s.sumTotal;
const totalTotal = (s: ScaleSums) => s.n * s.sumTotalSq - s.sumTotal * s.sumTotal;

/**
 * Cronbach's alpha, k/(k−1)·(1 − Σ item variances / variance of the total); null with fewer than two
 * items or two cases, or when the total does not vary. (The variances' common factor cancels out, so
 * it is the same whether they are taken with n or n − 1.)
 */
export function cronbachAlpha(s: ScaleSums): number | null {
	const k = s.sum.length;
	const total = totalTotal(s);
	if (k < 2 || s.n < 2 || total <= 0) return null;
	let items = 0;
	for (let i = 0; i < k; i++) items += itemItem(s, i);
	return (k / (k - 1)) * (1 - items / total);
}

/**
 * The corrected item-total correlation of each item: Pearson's r between the item and the sum of the
 * OTHER items of the scale (the item itself left out of the total, so it does not correlate with
 * itself). Null for an item, or a rest, that does not vary, and with fewer than two items or cases.
 */
export function correctedItemTotal(s: ScaleSums): (number | null)[] {
	const k = s.sum.length;
	const total = totalTotal(s);
	return s.sum.map((_, i) => {
		if (k < 2 || s.n < 2) return null;
		const xx = itemItem(s, i);
		const xt = itemTotal(s, i);
		const xr = xt - xx; // item × (total − item)
		const rr = total - 2 * xt + xx; // (total − item) × (total − item)
		if (xx <= 0 || rr <= 0) return null;
		return xr / Math.sqrt(xx * rr);
	});
}
