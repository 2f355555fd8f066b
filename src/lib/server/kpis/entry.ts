import { db, type Db } from '$lib/server/db';
import { NotFoundError } from '$lib/server/errors';
import type { KpiSource } from '$lib/server/db/schema';

/** Whose figures are entered by hand: a unit's own, or one person's. */
export type EntryTarget = { unitId: string; userId: null } | { unitId: null; userId: string };

export interface EntryMonth {
	/** 'YYYY-MM'. */
	month: string;
	plan: string | null;
	actual: string | null;
	updatedBy: string | null;
	updatedAt: Date | null;
}

export interface EntryChange {
	month: string;
	field: 'plan' | 'actual';
	before: string | null;
	after: string | null;
	source: KpiSource;
	changedBy: string;
	changedAt: Date;
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthsOf = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${pad(i + 1)}`);

/** One KPI's plans and actuals of a unit or a person for the twelve months of a year (blank where none). */
export async function yearOfValues(
	opts: { organizationId: string; kpiId: string; target: EntryTarget; year: number },
	executor: Db = db()
): Promise<EntryMonth[]> {
	const rows = await executor
		.selectFrom('kpi_values')
		.select(['month', 'plan', 'actual', 'updated_by', 'updated_at'])
		.where('organization_id', '=', opts.organizationId)
		.where('kpi_id', '=', opts.kpiId)
		.where((w) => (opts.target.unitId ? w('unit_id', '=', opts.target.unitId) : w('user_id', '=', opts.target.userId!)))
		.where('month', '>=', `${opts.year}-01-01`)
		.where('month', '<=', `${opts.year}-12-01`)
		.execute();
	const byMonth = new Map(rows.map((r) => [String(r.month).slice(0, 7), r]));
	return monthsOf(opts.year).map((month) => {
		const r = byMonth.get(month);
		return { month, plan: r?.plan ?? null, actual: r?.actual ?? null, updatedBy: r?.updated_by ?? null, updatedAt: r?.updated_at ?? null };
	});
}

/** The corrections of those figures (values changed after they were first entered), newest first. */
export async function yearOfChanges(
	opts: { organizationId: string; kpiId: string; target: EntryTarget; year: number },
	executor: Db = db()
): Promise<EntryChange[]> {
	const rows = await executor
		.selectFrom('kpi_value_changes')
		.select(['month', 'field', 'before', 'after', 'source', 'changed_by', 'changed_at'])
		.where('organization_id', '=', opts.organizationId)
		.where('kpi_id', '=', opts.kpiId)
		.where((w) => (opts.target.unitId ? w('unit_id', '=', opts.target.unitId) : w('user_id', '=', opts.target.userId!)))
		.where('month', '>=', `${opts.year}-01-01`)
		.where('month', '<=', `${opts.year}-12-01`)
		.orderBy('changed_at', 'desc')
		.limit(200)
		.execute();
	return rows.map((r) => ({
		month: String(r.month).slice(0, 7),
		field: r.field,
		before: r.before,
		after: r.after,
		source: r.source,
		changedBy: r.changed_by,
		changedAt: r.changed_at
	}));
}

/** The people of a unit (its own members, not its sub-units'), for choosing whose figures to enter. */
export async function peopleOfUnit(opts: { organizationId: string; unitId: string }, executor: Db = db()) {
	return executor
		.selectFrom('users')
		.select(['id', 'name', 'email'])
		.where('organization_id', '=', opts.organizationId)
		.where('unit_id', '=', opts.unitId)
		.orderBy('name')
		.orderBy('email')
		.limit(500)
		.execute();
}

/** A person of the organization (for the form's target), or NotFoundError. */
export async function personOf(opts: { organizationId: string; userId: string }, executor: Db = db()) {
	const row = await executor
		.selectFrom('users')
		.select(['id', 'email', 'unit_id'])
		.where('organization_id', '=', opts.organizationId)
		.where('id', '=', opts.userId)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('Person');
	return row;
}
