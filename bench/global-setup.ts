import type { TestProject } from 'vitest/node';
import { createDatabase } from '../tests/support/database';

/**
 * For one benchmark run: a fresh, migrated database and nothing else. Unlike the tests' global setup,
 * no SOS server with a scheduler runs beside the benchmarks: its email sweep would lock the very
 * invitation rows a benchmark submits to. Each benchmark starts the server it measures.
 */
export default async function setup(project: TestProject) {
	const database = await createDatabase('sos_bench');
	process.env.DATABASE_URL = database.url;
	project.provide('databaseUrl', database.url);
	const { db, closeDb } = await import('../src/lib/server/db');
	const { migrateToLatest } = await import('../src/lib/server/db/migrate');
	await migrateToLatest(db());
	await closeDb();
	return () => database.drop();
}
