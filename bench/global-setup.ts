import { randomBytes } from 'node:crypto';
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
	// One response key for the run, shared by the benchmarks and the servers they start.
	process.env.SOS_RESPONSE_KEY ||= randomBytes(32).toString('base64');
	project.provide('responseKey', process.env.SOS_RESPONSE_KEY);
	const { db, closeDb } = await import('../src/lib/server/db');
	const { migrateToLatest } = await import('../src/lib/server/db/migrate');
	await migrateToLatest(db());
	await closeDb();
	return () => database.drop();
}
