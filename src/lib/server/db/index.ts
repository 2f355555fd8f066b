import { Kysely, PostgresDialect, type RawBuilder } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { NotFoundError } from '$lib/server/errors';

// bigint counts come back as strings by default; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
// dates (not timestamps) stay plain 'YYYY-MM-DD' strings.
pg.types.setTypeParser(1082, (v) => v);

let pool: pg.Pool | null = null;
let kysely: Kysely<Database> | null = null;
let readPool: pg.Pool | null = null;
let readKysely: Kysely<Database> | null = null;

function databaseUrl(): string {
	const url = process.env.DATABASE_URL;
	if (!url) throw new Error('DATABASE_URL is not set (start SOS with `npm start`, which provides one)');
	return url;
}

/**
 * PostgreSQL is shutting down: it closed the connection ("terminating connection due to administrator
 * command", 57P01) or refuses a new one ("the database system is shutting down", 57P03) — as when Ctrl-C
 * reaches the embedded PostgreSQL together with SOS. Nothing to report: the pool replaces the connection,
 * and a query that needed it fails on its own (a job is retried).
 */
export function isShutdownError(err: unknown): boolean {
	const code = (err as { code?: string } | null)?.code;
	return code === '57P01' || code === '57P03';
}

function newPool(connectionString: string, label: string): pg.Pool {
	// A database that does not answer at all fails a request after 10 s (a 503), instead of holding it forever.
	const p = new pg.Pool({ connectionString, max: 20, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000 });
	// A dropped connection (e.g. PostgreSQL restarting) must not crash the process.
	p.on('error', (err) => {
		if (!isShutdownError(err)) console.error(`[${label}] idle client error:`, err.message);
	});
	// So must one on a client that is checked out (e.g. inside a transaction) but between queries.
	p.on('connect', (client) =>
		client.on('error', (err) => {
			if (!isShutdownError(err)) console.error(`[${label}] client error:`, err.message);
		})
	);
	return p;
}

export function getPool(): pg.Pool {
	pool ??= newPool(databaseUrl(), 'db');
	return pool;
}

/** The primary: every write, and every read that must see what was just written. */
export function db(): Kysely<Database> {
	if (!kysely) kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: getPool() }) });
	return kysely;
}

/**
 * Where published results are read from: a streaming replica when DATABASE_READ_URL is set (its own
 * pool), else the primary. A replica lags the primary by a moment, so only reads that may be that
 * moment old use it — see docs/scale-out.md for which do and which stay on the primary.
 */
export function readDb(): Kysely<Database> {
	const url = process.env.DATABASE_READ_URL;
	if (!url) return db();
	readPool ??= newPool(url, 'db read');
	readKysely ??= new Kysely<Database>({ dialect: new PostgresDialect({ pool: readPool }) });
	return readKysely;
}

/** The executor itself, or the primary when it is the replica (for the rare write on a read path). */
export function writable(executor: Db): Db {
	return executor === readKysely && readKysely !== null ? db() : executor;
}

/**
 * Runs a read on `executor`; when that is the replica and it finds nothing (a NotFoundError, or what
 * `missing` says is nothing), reads once more on the primary. A replica replays the primary's history
 * in order, a moment late: what it shows is consistent but may lack the newest commit — say, a round
 * published a second ago whose link the reader just followed.
 */
export async function readFresh<T>(executor: Db, read: (executor: Db) => Promise<T>, missing: (result: T) => boolean = () => false): Promise<T> {
	if (executor !== readKysely || readKysely === null) return read(executor);
	try {
		const result = await read(executor);
		if (!missing(result)) return result;
	} catch (err) {
		if (!(err instanceof NotFoundError)) throw err;
	}
	return read(db());
}

export async function closeDb(): Promise<void> {
	const k = kysely;
	const r = readKysely;
	kysely = null;
	pool = null;
	readKysely = null;
	readPool = null;
	if (k) await k.destroy();
	if (r) await r.destroy();
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
