import { db, type Db } from '$lib/server/db';
import { NotFoundError } from '$lib/server/errors';

export interface KpiValueRow {
	kpi: string;
	unitId: string | null;
	person: string | null;
	month: string;
	plan: string | null;
	actual: string | null;
	updatedBy: string;
	updatedAt: Date;
}

/** The plans and actuals entered for one month (YYYY-MM), optionally of one KPI: what a CRM sync checks against. */
export async function listKpiValues(opts: { organizationId: string; month: string; kpi?: string }, executor: Db = db()): Promise<KpiValueRow[]> {
	return executor
		.selectFrom('kpi_values as v')
		.innerJoin('kpis as k', (j) => j.onRef('k.organization_id', '=', 'v.organization_id').onRef('k.id', '=', 'v.kpi_id'))
		.leftJoin('users as u', (j) => j.onRef('u.organization_id', '=', 'v.organization_id').onRef('u.id', '=', 'v.user_id'))
		.select([
			'k.key as kpi',
			'v.unit_id as unitId',
			'u.email as person',
			'v.month',
			'v.plan',
			'v.actual',
			'v.updated_by as updatedBy',
			'v.updated_at as updatedAt'
		])
		.where('v.organization_id', '=', opts.organizationId)
		.where('v.month', '=', `${opts.month}-01`)
		.$if(opts.kpi !== undefined, (q) => q.where('k.key', '=', opts.kpi!))
		.orderBy('k.position')
		.orderBy('v.unit_id')
		.orderBy('u.email')
		.execute();
}

export interface KpiChangeRow {
	kpi: string;
	unitId: string | null;
	person: string | null;
	month: string;
	field: 'plan' | 'actual';
	before: string | null;
	after: string | null;
	source: string;
	changedBy: string;
	changedAt: Date;
}

/** The latest corrections of values already entered, newest first: who changed what, when and how. */
export async function listKpiChanges(opts: { organizationId: string; limit: number }, executor: Db = db()): Promise<KpiChangeRow[]> {
	return executor
		.selectFrom('kpi_value_changes as c')
		.innerJoin('kpis as k', (j) => j.onRef('k.organization_id', '=', 'c.organization_id').onRef('k.id', '=', 'c.kpi_id'))
		.leftJoin('users as u', (j) => j.onRef('u.organization_id', '=', 'c.organization_id').onRef('u.id', '=', 'c.user_id'))
		.select([
			'k.key as kpi',
			'c.unit_id as unitId',
			'u.email as person',
			'c.month',
			'c.field',
			'c.before',
			'c.after',
			'c.source',
			'c.changed_by as changedBy',
			'c.changed_at as changedAt'
		])
		.where('c.organization_id', '=', opts.organizationId)
		.orderBy('c.changed_at', 'desc')
		.limit(opts.limit)
		.execute();
}

/** A KPI of the organization by key, or NotFoundError. */
export async function kpiIdOf(opts: { organizationId: string; key: string }, executor: Db = db()): Promise<string> {
	const row = await executor.selectFrom('kpis').select('id').where('organization_id', '=', opts.organizationId).where('key', '=', opts.key).executeTakeFirst();
	if (!row) throw new NotFoundError('KPI');
	return row.id;
}
