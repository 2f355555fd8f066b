import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { config } from '$lib/server/config';

let cached: Buffer | null = null;

/**
 * The key that seals pending responses (AES-256, 32 bytes). It is never stored in the database: it is
 * `SOS_RESPONSE_KEY` (base64) when set, else the file `<SOS_DATA_DIR>/keys/response.key`, created with
 * mode 0600 on the first start. Every instance that shares a database must use the same key (set
 * SOS_RESPONSE_KEY on all of them, or let them share the data directory): pending answers sealed by one
 * instance are mixed by whichever instance runs the scheduler or closes the round.
 */
export function responseKey(): Buffer {
	cached ??= loadResponseKey({ env: process.env.SOS_RESPONSE_KEY, dataDir: config().dataDir });
	return cached;
}

/** The key from the environment's value when given, else from (or newly into) the data directory's key file. */
export function loadResponseKey(opts: { env?: string; dataDir: string }): Buffer {
	return opts.env ? parseKey(opts.env, 'SOS_RESPONSE_KEY') : keyFile(path.join(opts.dataDir, 'keys', 'response.key'));
}

/** A base64 key of exactly 32 bytes, or a start-up error naming where it came from. */
export function parseKey(text: string, source: string): Buffer {
	const trimmed = text.trim();
	const key = Buffer.from(trimmed, 'base64');
	if (key.length !== 32 || key.toString('base64') !== trimmed)
		throw new Error(`${source} must be 32 random bytes in base64 (e.g. the output of \`openssl rand -base64 32\`).`);
	return key;
}

/** Reads the key file, creating it first when it does not exist (atomically: two processes starting together end up with one key). */
export function keyFile(file: string): Buffer {
	try {
		return parseKey(readFileSync(file, 'utf8'), file);
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
	}
	mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
	const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
	writeFileSync(tmp, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
	try {
		linkSync(tmp, file); // fails if another process created it meanwhile: then that one is the key
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
	} finally {
		unlinkSync(tmp);
	}
	return parseKey(readFileSync(file, 'utf8'), file);
}
