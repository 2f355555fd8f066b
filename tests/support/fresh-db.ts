import { inject } from 'vitest';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '$lib/server/db/schema';
import { migrateToLatest } from '$lib/server/db/migrate';

/**
 * A database of its own, migrated, for tests of things that look across organizations (the demo's
 * first start, the benchmark): returns it and a function that drops it.
 */
export async function freshDatabase(prefix: string): Promise<{ db: Kysely<Database>; drop: () => Promise<void> }> {
	const server = new URL(inject('databaseUrl'));
	const name = `${prefix}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
	const admin = async (sql: string) => {
		const u = new URL(server);
		u.pathname = '/postgres';
		const c = new pg.Client({ connectionString: u.toString() });
		await c.connect();
		try {
			await c.query(sql);
		} finally {
			await c.end();
		}
	};
	await admin(`CREATE DATABASE ${name}`);
	const url = new URL(server);
	url.pathname = `/${name}`;
	const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 5 }) }) });
	await migrateToLatest(db);
	return {
		db,
		drop: async () => {
			await db.destroy();
			// The pool's connections close a moment after destroy() returns; FORCE right away would
			// terminate them mid-close (an unhandled error in the test run). Wait for them first.
			for (let i = 0; i < 50; i++) {
				try {
					return await admin(`DROP DATABASE IF EXISTS ${name}`);
				} catch {
					await new Promise((r) => setTimeout(r, 100));
				}
			}
			await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		}
	};
}
