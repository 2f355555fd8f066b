import pg from 'pg';

/** The server test databases are created on: DATABASE_URL, or the local PostgreSQL on 127.0.0.1:5432. */
export const serverUrl = () => process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin<T>(server: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
	const c = new pg.Client({ connectionString: server });
	await c.connect();
	try {
		return await fn(c);
	} finally {
		await c.end();
	}
}

/** A new, empty database named `<prefix>_<time>_<random>`; returns its URL and a function that drops it. */
export async function createDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
	const name = `${prefix}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
	const server = serverUrl(); // captured: callers often point DATABASE_URL at the new database next
	await admin(server, (c) => c.query(`CREATE DATABASE ${name}`));
	const url = new URL(server);
	url.pathname = `/${name}`;
	return { url: url.toString(), drop: () => admin(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined) };
}
