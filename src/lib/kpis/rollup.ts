/**
 * How KPI figures combine (pure): the reference semantics the SQL must match. The same rule combines
 * people into a unit, units into their parent and months into year-to-date:
 * - sum: Σ value;
 * - weighted: Σ(value × base) / Σ base, over the members that have both;
 * - ratio: Σ numerator / Σ denominator — the ratio of the summed parts, never an average of ratios
 *   (× 100 when the KPI is a percentage).
 * What adds up is kept in `Totals`, so combining combined figures gives the same as combining the
 * members at once (a region equals its districts' totals and its people's alike). A missing value is
 * left out, not taken as 0; a KPI no member has a value for is null ("no data"), as is a weighted or
 * ratio KPI whose base or denominator sums to 0.
 */
import type { KpiDefinition, KpiSet } from './definition';
import { add, div, mul, q, sign, type Q } from './rational';

/** One member's figures (a person, a unit, a month): KPI key → value; null or absent when not known. */
export type Figures = Readonly<Record<string, Q | null | undefined>>;

/** Per KPI what adds up: Σ value (sum) or Σ(value × base) with Σ base (weighted); ratios are derived. */
export type Totals = Readonly<Record<string, { readonly sum: Q | null; readonly base: Q | null }>>;

const HUNDRED = q(100);
const plus = (a: Q | null, b: Q | null) => (a === null ? b : b === null ? a : add(a, b));
const present = (x: Q | null | undefined): x is Q => x !== null && x !== undefined;

/** Figures from decimal strings (as PostgreSQL returns numeric). */
export function figures(record: Readonly<Record<string, string | null | undefined>>): Record<string, Q | null> {
	return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v === null || v === undefined ? null : q(v)]));
}

/** A single member's totals. */
export function totalsOf(set: KpiSet, f: Figures): Totals {
	const out: Record<string, { sum: Q | null; base: Q | null }> = {};
	for (const def of set) {
		const v = f[def.key];
		if (def.rollup.kind === 'sum') out[def.key] = { sum: present(v) ? v : null, base: null };
		else if (def.rollup.kind === 'weighted') {
			const b = f[def.rollup.base];
			out[def.key] = present(v) && present(b) ? { sum: mul(v, b), base: b } : { sum: null, base: null };
		} else out[def.key] = { sum: null, base: null };
	}
	return out;
}

/** Members' totals added up. */
export function merge(set: KpiSet, parts: Totals[]): Totals {
	const out: Record<string, { sum: Q | null; base: Q | null }> = {};
	for (const def of set) {
		let s: Q | null = null;
		let b: Q | null = null;
		for (const p of parts) {
			s = plus(s, p[def.key]?.sum ?? null);
			b = plus(b, p[def.key]?.base ?? null);
		}
		out[def.key] = { sum: s, base: b };
	}
	return out;
}

/** One KPI's figure from totals; null when there is none. */
export function valueOf(def: KpiDefinition, t: Totals): Q | null {
	const r = def.rollup;
	if (r.kind === 'sum') return t[def.key]?.sum ?? null;
	const [top, bottom] = r.kind === 'weighted' ? [t[def.key]?.sum, t[def.key]?.base] : [t[r.numerator]?.sum, t[r.denominator]?.sum];
	if (!present(top) || !present(bottom) || sign(bottom) === 0) return null;
	const quotient = div(top, bottom);
	return r.kind === 'ratio' && def.unit === 'percent' ? mul(quotient, HUNDRED) : quotient;
}

/** Every KPI's figure from totals. */
export function valuesOf(set: KpiSet, t: Totals): Record<string, Q | null> {
	return Object.fromEntries(set.map((def) => [def.key, valueOf(def, t)]));
}

/** Members' figures combined: what a unit shows for its people, or a year-to-date for its months. */
export function rollUp(set: KpiSet, members: Figures[]): Record<string, Q | null> {
	return valuesOf(
		set,
		merge(
			set,
			members.map((m) => totalsOf(set, m))
		)
	);
}

export interface TreeUnit {
	id: string;
	parentId: string | null;
}

/** Each unit's totals over its subtree: its own figures (people counted at it) and its descendants'. */
export function rollUpTree(set: KpiSet, units: TreeUnit[], own: ReadonlyMap<string, Figures[]>): Map<string, Totals> {
	const children = new Map<string | null, TreeUnit[]>();
	for (const u of units) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
	const out = new Map<string, Totals>();
	const walk = (u: TreeUnit): Totals => {
		const parts = [...(own.get(u.id) ?? []).map((f) => totalsOf(set, f)), ...(children.get(u.id) ?? []).map(walk)];
		const t = merge(set, parts);
		out.set(u.id, t);
		return t;
	};
	const ids = new Set(units.map((u) => u.id));
	for (const root of units.filter((u) => u.parentId === null || !ids.has(u.parentId))) walk(root);
	return out;
}
