import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '$lib/server/db/schema';
import { migrateTo, migrateToLatest } from '$lib/server/db/migrate';
import { createDatabase } from '$tests/database';

let database: Awaited<ReturnType<typeof createDatabase>>;
let db: Kysely<Database>;
let organizationId: string;

// A database as it was before 025, with a sales manager in it; then migrated to the latest.
beforeAll(async () => {
	database = await createDatabase('sos_m025');
	db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 2 }) }) });
	await migrateTo(db, '023_kpi_owners');
	const org = await db
		.insertInto('organizations')
		.values({ name: 'Before', industry: 'manufacturing', country: 'SE', size_band: '50-199', sales_model: 'field', level_names: ['Team'] })
		.returning('id')
		.executeTakeFirstOrThrow();
	organizationId = org.id;
	await db.insertInto('users').values({ organization_id: organizationId, name: 'Manager', email: 'manager@example.test', job_role: 'sales_manager' }).execute();
	await expect(
		db.insertInto('users').values({ organization_id: organizationId, name: 'Executive', email: 'early@example.test', job_role: 'executive' }).execute()
	).rejects.toMatchObject({ code: '23514' });
	await migrateToLatest(db);
}, 60_000);
afterAll(async () => {
	await db?.destroy();
	await database?.drop();
});

const user = (email: string, job_role: string | null) =>
	db.insertInto('users').values({ organization_id: organizationId, name: email, email, job_role }).execute();

describe('025: job roles are group keys, not two fixed values', () => {
	it('keeps the roles people had', async () => {
		const rows = await db.selectFrom('users').select(['email', 'job_role']).where('organization_id', '=', organizationId).execute();
		expect(rows).toEqual([{ email: 'manager@example.test', job_role: 'sales_manager' }]);
	});

	it('takes any group key and no role, and refuses text of another form', async () => {
		await user('executive@example.test', 'executive');
		await user('support@example.test', 'sales_support2');
		await user('none@example.test', null);
		for (const bad of ['Executive', 'sales person', '1st_line', '', 'x'.repeat(61), 'säljare'])
			await expect(user(`bad-${bad.length}-${Math.random()}@example.test`, bad)).rejects.toMatchObject({ code: '23514' });
	});

	it('checks the invitations the same way', async () => {
		const { rows } = await sql<{ name: string; def: string }>`
			SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
			WHERE conrelid IN ('users'::regclass, 'invitations'::regclass) AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%job_role%'
			ORDER BY conname`.execute(db);
		expect(rows.map((r) => r.name)).toEqual(['invitations_job_role', 'users_job_role']);
		for (const r of rows) expect(r.def).toContain('^[a-z][a-z0-9_]{0,59}$');
	});
});
