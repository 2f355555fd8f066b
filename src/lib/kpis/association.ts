/**
 * Which management practices go with hitting target (pure): across units that have both an area score
 * (as shown by the survey's pattern) and a KPI attainment (actual ÷ plan), Spearman's rank correlation
 * with a 90 % interval (Fisher's z with the Fieller–Hartley–Pearson variance 1.06 ÷ (n − 3)). Shown only
 * with at least MIN_UNITS units. It is an association, not a cause: the page says so.
 */

/** Fewer units than this and no association is shown. */
export const MIN_UNITS = 8;

/** Ranks 1…n, ties sharing their average rank. */
export function ranks(xs: readonly number[]): number[] {
	const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
	const out = new Array<number>(xs.length);
	for (let i = 0; i < order.length;) {
		let j = i;
		while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
		const rank = (i + j) / 2 + 1;
		for (let k = i; k <= j; k++) out[order[k][1]] = rank;
		i = j + 1;
	}
	return out;
}

function pearson(a: readonly number[], b: readonly number[]): number | null {
	const n = a.length;
	const ma = a.reduce((s, x) => s + x, 0) / n;
	const mb = b.reduce((s, x) => s + x, 0) / n;
	let sab = 0;
	let saa = 0;
	let sbb = 0;
	for (let i = 0; i < n; i++) {
		sab += (a[i] - ma) * (b[i] - mb);
		saa += (a[i] - ma) ** 2;
		sbb += (b[i] - mb) ** 2;
	}
	return saa === 0 || sbb === 0 ? null : sab / Math.sqrt(saa * sbb);
}

export interface Association {
	n: number;
	rho: number;
	low: number;
	high: number;
	/** The interval lies wholly above or below zero. */
	clear: boolean;
}

/** Spearman's rho of the pairs with its 90 % interval, or null with too few pairs or no spread. */
export function association(pairs: readonly { x: number; y: number }[], z = 1.6449): Association | null {
	const n = pairs.length;
	if (n < MIN_UNITS) return null;
	const rho = pearson(ranks(pairs.map((p) => p.x)), ranks(pairs.map((p) => p.y)));
	if (rho === null) return null;
	const clamped = Math.max(-0.999999, Math.min(0.999999, rho));
	const se = Math.sqrt(1.06 / (n - 3));
	const centre = Math.atanh(clamped);
	const low = Math.tanh(centre - z * se);
	const high = Math.tanh(centre + z * se);
	return { n, rho, low, high, clear: low > 0 || high < 0 };
}
