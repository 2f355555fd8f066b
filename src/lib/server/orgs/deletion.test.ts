import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import type { Actor } from '$lib/server/auth/actor';
import { bootstrap } from '$lib/server/bootstrap/bootstrap';
import { createDemoRound } from '$lib/server/bootstrap/demo-round';
import { freshDatabase } from '$tests/fresh-db';
import { cancelDeletion, deleteDueOrganizations, deletionState, requestDeletion } from './deletion';

let db: Kysely<Database>;
let drop: () => Promise<void>;
let orgId: string;
let orgName: string;

const operator: Actor = { accountId: null, email: 'operator@sos.example', isOperator: true, membership: null, via: 'session', label: 'operator@sos.example' };
const DAY = 86_400_000;

/** Rows of the organization in every table that has an organization_id, as "table (n)". */
async function rowsLeft(organizationId: string): Promise<string[]> {
	const { rows: tables } = await sql<{ table_name: string }>`
		SELECT c.table_name FROM information_schema.columns c
		JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema AND t.table_type = 'BASE TABLE'
		WHERE c.table_schema = 'public' AND c.column_name = 'organization_id'`.execute(db);
	const left: string[] = [];
	for (const { table_name } of tables) {
		const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table_name)} WHERE organization_id = ${organizationId}`.execute(db);
		if (rows[0].n > 0) left.push(`${table_name} (${rows[0].n})`);
	}
	return left.sort();
}

beforeAll(async () => {
	({ db, drop } = await freshDatabase('sos_org_delete'));
	await bootstrap({ demo: true }, db);
	await createDemoRound(db);
	({ id: orgId, name: orgName } = await db
		.selectFrom('users')
		.innerJoin('organizations', 'organizations.id', 'users.organization_id')
		.select(['organizations.id', 'organizations.name'])
		.where('users.email', '=', 'admin@demo.example')
		.executeTakeFirstOrThrow());
}, 90_000);
afterAll(() => drop());

describe('deleting an organization on request', () => {
	it('only the operator requests it, confirmed by the name; it can be cancelled in the grace period', async () => {
		const admin: Actor = { ...operator, isOperator: false, label: 'admin@demo.example' };
		await expect(requestDeletion({ actor: admin, organizationId: orgId, input: { confirmName: orgName } }, db)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(requestDeletion({ actor: operator, organizationId: orgId, input: { confirmName: 'Something else' } }, db)).rejects.toMatchObject({
			code: 'validation_failed'
		});
		const now = new Date();
		const state = await requestDeletion({ actor: operator, organizationId: orgId, input: { confirmName: orgName }, now }, db);
		expect(state.dueAt!.getTime() - now.getTime()).toBe(30 * DAY);
		await expect(requestDeletion({ actor: operator, organizationId: orgId, input: { confirmName: orgName } }, db)).rejects.toMatchObject({
			code: 'deletion_requested'
		});
		expect(await deleteDueOrganizations({ now: new Date(now.getTime() + 29 * DAY) }, db)).toBe(0);
		await cancelDeletion({ actor: operator, organizationId: orgId }, db);
		expect(await deletionState({ organizationId: orgId }, db)).toMatchObject({ requestedAt: null, dueAt: null });
		expect(await deleteDueOrganizations({ now: new Date(now.getTime() + 31 * DAY) }, db)).toBe(0);
	});

	it('after the grace period every row goes, exactly once under two instances; only the invoices and a renamed tombstone stay', async () => {
		const now = new Date();
		await requestDeletion({ actor: operator, organizationId: orgId, input: { confirmName: orgName }, now }, db);
		// As if the organization had contributed to a benchmark version.
		const version = await db.selectFrom('benchmark_versions').select('id').limit(1).executeTakeFirstOrThrow();
		await db
			.insertInto('benchmark_contributions')
			.values({ version_id: version.id, organization_id: orgId, respondents: 40, area_means: [3], statement_means: [3] })
			.execute();
		const before = await rowsLeft(orgId);
		expect(before.length).toBeGreaterThan(15);
		expect(before.join(' ')).toMatch(/benchmark_contributions/);
		const later = { now: new Date(now.getTime() + 30 * DAY + 1000) };
		const [a, b] = await Promise.all([deleteDueOrganizations(later, db), deleteDueOrganizations(later, db)]);
		expect(a + b).toBe(1);
		const left = await rowsLeft(orgId);
		expect(left.every((t) => /^(invoices|invoice_lines) /.test(t))).toBe(true);
		const org = await db.selectFrom('organizations').select(['name', 'deleted_at']).where('id', '=', orgId).executeTakeFirstOrThrow();
		expect(org.name).toBe('Deleted organization');
		expect(org.deleted_at).not.toBeNull();
		expect(await db.selectFrom('accounts').select('id').where('email', '=', 'admin@demo.example').executeTakeFirst()).toBeUndefined();
		const logged = await db.selectFrom('global_audit_events').select('target').where('action', '=', 'organization_deleted').execute();
		expect(logged).toEqual([{ target: orgId }]);
		await expect(deletionState({ organizationId: orgId }, db)).rejects.toMatchObject({ code: 'not_found' });
		expect(await deleteDueOrganizations(later, db)).toBe(0);
	});
});
