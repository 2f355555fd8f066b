/**
 * Exact numbers for KPIs (pure). Plans and actuals are decimals (PostgreSQL `numeric`, strings in TS);
 * roll-ups and deviations divide, so the arithmetic is on fractions of bigints and never rounds.
 * Rounding happens only when a figure is shown (`toFixed`, half away from zero like PostgreSQL's `round`).
 */
export interface Q {
	/** Numerator; the sign lives here. */
	readonly n: bigint;
	/** Denominator, always > 0; the fraction is in lowest terms. */
	readonly d: bigint;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

const abs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
	a = abs(a);
	b = abs(b);
	while (b) [a, b] = [b, a % b];
	return a;
}

function make(n: bigint, d: bigint): Q {
	if (d === 0n) throw new RangeError('Division by zero');
	if (d < 0n) [n, d] = [-n, -d];
	const g = gcd(n, d) || 1n;
	return { n: n / g, d: d / g };
}

export const isDecimal = (s: string) => DECIMAL.test(s.trim());

/** A decimal string ("12", "-0.5", "1e3" is not one) or an integer as a fraction. */
export function q(value: string | number | bigint): Q {
	if (typeof value === 'bigint') return { n: value, d: 1n };
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value)) throw new RangeError(`Not an integer: ${value}; pass decimals as strings`);
		return { n: BigInt(value), d: 1n };
	}
	const s = value.trim();
	if (!DECIMAL.test(s)) throw new RangeError(`Not a decimal number: ${value}`);
	const negative = s.startsWith('-');
	const [whole, fraction = ''] = s.replace(/^[+-]/, '').split('.');
	const n = BigInt((whole || '0') + fraction);
	return make(negative ? -n : n, 10n ** BigInt(fraction.length));
}

export const ZERO: Q = { n: 0n, d: 1n };
export const add = (a: Q, b: Q) => make(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Q, b: Q) => make(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Q, b: Q) => make(a.n * b.n, a.d * b.d);
/** a ÷ b; throws on b = 0 (callers decide what a zero denominator means). */
export const div = (a: Q, b: Q) => make(a.n * b.d, a.d * b.n);
export const neg = (a: Q): Q => ({ n: -a.n, d: a.d });
export const absQ = (a: Q): Q => ({ n: abs(a.n), d: a.d });
export const sign = (a: Q) => (a.n > 0n ? 1 : a.n < 0n ? -1 : 0);
/** -1, 0 or 1 as a <, = or > b. */
export const cmp = (a: Q, b: Q) => sign(sub(a, b));
export const eq = (a: Q, b: Q) => a.n === b.n && a.d === b.d;
export const sum = (xs: Q[]) => xs.reduce(add, ZERO);

/** The value rounded to `digits` decimals, half away from zero (as PostgreSQL's round(numeric, digits)). */
export function toFixed(a: Q, digits: number): string {
	const scale = 10n ** BigInt(digits);
	const scaled = abs(a.n) * scale;
	let units = scaled / a.d;
	if ((scaled % a.d) * 2n >= a.d) units += 1n;
	const text = units.toString().padStart(digits + 1, '0');
	const body = digits ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
	return a.n < 0n && units > 0n ? `-${body}` : body;
}

/** The exact decimal string when the fraction has one (its denominator divides a power of ten), else null. */
export function toDecimal(a: Q): string | null {
	let d = a.d;
	let digits = 0;
	for (const f of [2n, 5n]) while (d % f === 0n) d /= f;
	if (d !== 1n) return null;
	while (10n ** BigInt(digits) % a.d !== 0n) digits++;
	return toFixed(a, digits);
}
