import { Kysely, PostgresDialect, type RawBuilder } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

// bigint counts come back as strings by default; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
// dates (not timestamps) stay plain 'YYYY-MM-DD' strings.
pg.types.setTypeParser(1082, (v) => v);

let pool: pg.Pool | null = null;
let kysely: Kysely<Database> | null = null;

function databaseUrl(): string {
	const url = process.env.DATABASE_URL;
	if (!url) throw new Error('DATABASE_URL is not set (start SOS with `npm start`, which provides one)');
	return url;
}

export function getPool(): pg.Pool {
	if (!pool) {
		// A database that does not answer at all fails a request after 10 s (a 503), instead of holding it forever.
		pool = new pg.Pool({ connectionString: databaseUrl(), max: 20, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000 });
		// A dropped connection (e.g. PostgreSQL restarting) must not crash the process.
		pool.on('error', (err) => console.error('[db] idle client error:', err.message));
		// So must one on a client that is checked out (e.g. inside a transaction) but between queries.
		pool.on('connect', (client) => client.on('error', (err) => console.error('[db] client error:', err.message)));
	}
	return pool;
}

export function db(): Kysely<Database> {
	if (!kysely) kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: getPool() }) });
	return kysely;
}

export async function closeDb(): Promise<void> {
	const k = kysely;
	kysely = null;
	pool = null;
	if (k) await k.destroy();
}

export type Db = Kysely<Database>;

/**
 * Runs one of the few hot statements (the survey link lookup and the submit) as a named prepared
 * statement: each pooled connection parses and plans it once, which halves PostgreSQL's work for
 * them. The name must always go with the same SQL text and the same number of parameters.
 */
export async function prepared<R>(name: string, query: RawBuilder<R>): Promise<R[]> {
	const compiled = query.compile(db());
	const result = await getPool().query({ name, text: compiled.sql, values: compiled.parameters as unknown[] });
	return result.rows as R[];
}
