import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadResponseKey } from './key';

const dirs: string[] = [];
const fresh = () => {
	const d = mkdtempSync(path.join(tmpdir(), 'sos-key-'));
	dirs.push(d);
	return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the response key', () => {
	it('is created on the first start in <data dir>/keys/response.key, readable by its owner only, and the same afterwards', () => {
		const dataDir = fresh();
		const first = loadResponseKey({ dataDir });
		expect(first).toHaveLength(32);
		const file = path.join(dataDir, 'keys', 'response.key');
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(statSync(path.dirname(file)).mode & 0o077).toBe(0);
		expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toEqual(first);
		expect(loadResponseKey({ dataDir })).toEqual(first);
		// Another data directory, another key.
		expect(loadResponseKey({ dataDir: fresh() })).not.toEqual(first);
	});

	it('is SOS_RESPONSE_KEY when set (instances sharing a database share it), which must be 32 bytes in base64', () => {
		const key = randomBytes(32);
		const dataDir = fresh();
		expect(loadResponseKey({ env: key.toString('base64'), dataDir })).toEqual(key);
		expect(() => loadResponseKey({ env: randomBytes(16).toString('base64'), dataDir })).toThrow(/SOS_RESPONSE_KEY must be 32 random bytes/);
		expect(() => loadResponseKey({ env: 'not base64!', dataDir })).toThrow(/SOS_RESPONSE_KEY/);
		// A damaged key file is refused with its name rather than replaced (pending answers need the old key).
		mkdirSync(path.join(dataDir, 'keys'));
		writeFileSync(path.join(dataDir, 'keys', 'response.key'), 'short');
		expect(() => loadResponseKey({ dataDir })).toThrow(/response\.key must be 32 random bytes/);
	});
});
