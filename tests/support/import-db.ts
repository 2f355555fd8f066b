import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization } from './fixtures';
import { applyUserImport } from '$lib/server/imports/apply';
import { previewUserImport } from '$lib/server/imports/preview';
import { HEADER, userRow, xlsxBytes } from './import-files';

/** Helpers for the import integration tests (real PostgreSQL, a fresh organization per test). */

export async function setup() {
	const org = await createTestOrganization();
	const actor = await createTestActor(org.id, 'admin');
	return { org, actor, organizationId: org.id };
}

export type TestContext = Awaited<ReturnType<typeof setup>>;

export async function preview(ctx: TestContext, rows: string[][]) {
	const bytes = await xlsxBytes([HEADER, ...rows]);
	return previewUserImport({ organizationId: ctx.organizationId, actor: ctx.actor, fileName: 'users.xlsx', bytes });
}

export async function importRows(ctx: TestContext, rows: string[][]) {
	const { importId, preview: p } = await preview(ctx, rows);
	const counts = await applyUserImport({ organizationId: ctx.organizationId, importId, actor: ctx.actor });
	return { importId, preview: p, counts };
}

export const users = (organizationId: string) =>
	db()
		.selectFrom('users')
		.leftJoin('units', (j) => j.onRef('units.organization_id', '=', 'users.organization_id').onRef('units.id', '=', 'users.unit_id'))
		.select([
			'users.id',
			'users.email',
			'users.name',
			'users.language',
			'users.job_role',
			'users.access',
			'users.scope_unit_id',
			'users.unit_id',
			'units.name as unit'
		])
		.where('users.organization_id', '=', organizationId)
		.orderBy('users.email')
		.execute();

export const units = (organizationId: string) =>
	db().selectFrom('units').select(['id', 'parent_id', 'name']).where('organization_id', '=', organizationId).execute();

export const audits = (organizationId: string, action: string) =>
	db().selectFrom('audit_events').select(['target', 'details']).where('organization_id', '=', organizationId).where('action', '=', action).execute();

export const team = [
	userRow({ name: 'Anna Lindqvist', email: 'anna@example.com', language: 'sv' }),
	userRow({ name: 'Bo Ek', email: 'bo@example.com', units: ['Nordics', 'Stockholm', 'Team South'], jobRole: 'sales manager' }),
	userRow({ name: 'Maria Berg', email: 'maria@example.com', units: ['Nordics', 'Stockholm', ''], jobRole: '', userType: 'viewer' })
];
