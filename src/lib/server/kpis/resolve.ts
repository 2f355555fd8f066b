import type { KpiValueInput } from './input';

/** A value ready to write: ids resolved, the month as its first day. */
export interface ResolvedValue {
	kpiId: string;
	unitId: string | null;
	userId: string | null;
	month: string;
	plan: string | null | undefined;
	actual: string | null | undefined;
}

export interface Lookup {
	/** KPIs that take values (not archived, not a ratio of others), by key. */
	kpis: ReadonlyMap<string, { id: string; ratio: boolean }>;
	units: ReadonlySet<string>;
	/** People of the organization by lower-case email. */
	people: ReadonlyMap<string, string>;
}

/**
 * Resolves KPI keys, units and people and finds what is wrong with each row (pure): an unknown KPI, a
 * ratio KPI (its parts take the values), an unknown unit or person, the same figure twice.
 */
export function resolveValues(
	rows: readonly KpiValueInput[],
	lookup: Lookup,
	/** How a message names another row (the import says "row 17"). */
	nameOf: (index: number) => string = (index) => `value ${index + 1}`
): { values: ResolvedValue[]; errors: { index: number; message: string }[] } {
	const values: ResolvedValue[] = [];
	const errors: { index: number; message: string }[] = [];
	const seen = new Map<string, number>();
	rows.forEach((r, index) => {
		const kpi = lookup.kpis.get(r.kpi);
		const email = r.person?.trim().toLowerCase();
		const userId = email === undefined ? null : (lookup.people.get(email) ?? null);
		const fail = (message: string) => errors.push({ index, message });
		if (!kpi) return fail(`There is no KPI '${r.kpi.slice(0, 40)}'`);
		if (kpi.ratio) return fail(`'${r.kpi}' is a ratio of two KPIs: give their values instead`);
		if (r.unit !== undefined && !lookup.units.has(r.unit)) return fail('There is no such unit');
		if (email !== undefined && userId === null) return fail(`There is no person with the email ${email.slice(0, 80)}`);
		const key = `${kpi.id}|${r.unit ?? ''}|${userId ?? ''}|${r.month}`;
		const earlier = seen.get(key);
		if (earlier !== undefined) return fail(`The same KPI, ${r.unit ? 'unit' : 'person'} and month as ${nameOf(earlier)}`);
		seen.set(key, index);
		values.push({ kpiId: kpi.id, unitId: r.unit ?? null, userId, month: `${r.month}-01`, plan: r.plan, actual: r.actual });
	});
	return { values, errors };
}
