import { afterAll, describe, expect, inject, it } from 'vitest';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '$lib/server/db/schema';
import { migrateToLatest } from '$lib/server/db/migrate';
import { verifyPassword } from '$lib/server/auth/passwords';
import { signInWithPassword } from '$lib/server/auth/sign-in';
import { flattenTree } from '$lib/server/units/tree';
import { bootstrap } from './bootstrap';
import { db } from '$lib/server/db';

// Bootstrap only acts on an EMPTY database, so each test here gets a database of its own.
const created: string[] = [];
const open: Kysely<Database>[] = [];

function urlFor(name: string): string {
	const u = new URL(inject('databaseUrl'));
	u.pathname = `/${name}`;
	return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
	const c = new pg.Client({ connectionString: urlFor('postgres') });
	await c.connect();
	try {
		return await fn(c);
	} finally {
		await c.end();
	}
}

async function freshDatabase(): Promise<string> {
	const name = `sos_bootstrap_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
	await admin((c) => c.query(`CREATE DATABASE ${name}`));
	created.push(name);
	await migrateToLatest(connect(name));
	return name;
}

/** A separate connection pool, as a separate app instance would have. */
function connect(name: string): Kysely<Database> {
	const k = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: urlFor(name), max: 3 }) }) });
	open.push(k);
	return k;
}

afterAll(async () => {
	await Promise.all(open.map((k) => k.destroy()));
	await admin(async (c) => {
		// A destroyed pool's connections close asynchronously: wait for them, so that FORCE terminates none
		// mid-close (that surfaces as an uncaught "terminating connection due to administrator command").
		for (let i = 0; i < 50; i++) {
			const { rows } = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = ANY($1)', [created]);
			if (rows[0].n === 0) break;
			await new Promise((r) => setTimeout(r, 100));
		}
		for (const name of created) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
	});
});

const counts = async (executor: Kysely<Database> = db()) => ({
	accounts: (await executor.selectFrom('accounts').select('id').execute()).length,
	organizations: (await executor.selectFrom('organizations').select('id').execute()).length,
	users: (await executor.selectFrom('users').select('id').execute()).length,
	units: (await executor.selectFrom('units').select('id').execute()).length
});

describe('bootstrap', () => {
	it('on an empty database creates the operator and a clearly marked demo organization, once', async () => {
		const db = connect(await freshDatabase());
		const credentials = await bootstrap({ demo: true }, db);
		expect(credentials.map((c) => [c.role, c.email])).toEqual([
			['demo organization admin', 'admin@demo.example'],
			['SOS operator', 'operator@sos.example']
		]);
		for (const c of credentials) {
			expect(c.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
			const acc = await db.selectFrom('accounts').select(['password_hash', 'is_operator']).where('email', '=', c.email).executeTakeFirstOrThrow();
			expect(await verifyPassword(acc.password_hash!, c.password)).toBe(true);
			expect(acc.is_operator).toBe(c.role === 'SOS operator');
		}
		expect(credentials[0].password).not.toBe(credentials[1].password);

		const org = await db.selectFrom('organizations').selectAll().executeTakeFirstOrThrow();
		expect(org.is_demo).toBe(true);
		expect(org.name).toMatch(/demo/i);
		expect(org.level_names).toHaveLength(3);

		const units = await db.selectFrom('units').select(['id', 'parent_id as parentId', 'name']).execute();
		const rows = flattenTree(units);
		expect(rows).toHaveLength(units.length);
		expect(Math.max(...rows.map((r) => r.depth))).toBe(2); // three levels
		const users = await db.selectFrom('users').selectAll().execute();
		expect(users.length).toBeGreaterThanOrEqual(35);
		expect(users.length).toBeLessThanOrEqual(55);
		expect(new Set(users.map((u) => u.email)).size).toBe(users.length);
		expect(users.filter((u) => u.access === 'admin').map((u) => u.email)).toEqual(['admin@demo.example']);
		const viewers = users.filter((u) => u.access === 'viewer');
		expect(viewers.length).toBeGreaterThan(0);
		for (const v of viewers) expect(v.scope_unit_id).toBe(v.unit_id);
		const participants = users.filter((u) => u.access === 'participant');
		expect(participants.length).toBeGreaterThan(viewers.length);
		for (const p of participants) expect(p.unit_id).not.toBeNull();
		// Every team (leaf) has sales people and a manager.
		const leaves = rows.filter((r) => !units.some((u) => u.parentId === r.unit.id));
		for (const leaf of leaves) {
			const here = users.filter((u) => u.unit_id === leaf.unit.id);
			expect(here.filter((u) => u.job_role === 'sales_person').length, leaf.unit.name).toBeGreaterThanOrEqual(3);
			expect(here.filter((u) => u.job_role === 'sales_manager').length, leaf.unit.name).toBe(1);
		}

		// The printed credentials work.
		expect(await signInWithPassword({ email: 'admin@demo.example', password: credentials[0].password, ip: null }, db)).toMatchObject({
			organizationId: org.id
		});
		expect(await signInWithPassword({ email: 'operator@sos.example', password: credentials[1].password, ip: null }, db)).toMatchObject({
			organizationId: null
		});

		// A restart finds a non-empty database and does nothing.
		const before = await counts(db);
		expect(await bootstrap({ demo: true }, db)).toEqual([]);
		expect(await counts(db)).toEqual(before);
	});

	it('with the demo off creates only the operator', async () => {
		const db = connect(await freshDatabase());
		const credentials = await bootstrap({ demo: false }, db);
		expect(credentials.map((c) => c.email)).toEqual(['operator@sos.example']);
		expect(await counts(db)).toEqual({ accounts: 1, organizations: 0, users: 0, units: 0 });
		expect(await bootstrap({ demo: true }, db)).toEqual([]);
		expect((await counts(db)).organizations).toBe(0);
	});

	it('does nothing on a database that already holds an organization', async () => {
		const db = connect(await freshDatabase());
		await db.insertInto('organizations').values({ name: 'Existing', industry: 'other', country: 'SE', size_band: '1-49', sales_model: 'field' }).execute();
		expect(await bootstrap({ demo: true }, db)).toEqual([]);
		expect(await counts(db)).toEqual({ accounts: 0, organizations: 1, users: 0, units: 0 });
	});

	it('two instances starting at once on an empty database bootstrap it exactly once', async () => {
		const name = await freshDatabase();
		const instances = [connect(name), connect(name), connect(name)];
		const results = await Promise.all(instances.map((db) => bootstrap({ demo: true }, db)));
		expect(results.filter((r) => r.length > 0)).toHaveLength(1);
		expect(results.filter((r) => r.length === 0)).toHaveLength(2);
		const c = await counts(instances[0]);
		expect(c.accounts).toBe(2);
		expect(c.organizations).toBe(1);
		expect(c.users).toBe((await counts(instances[1])).users);
	});
});
