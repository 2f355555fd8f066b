import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildReason } from '../../scripts/build-if-needed.js';

const root = mkdtempSync(path.join(tmpdir(), 'sos-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes a file under the temporary project, `ageSeconds` old. */
function file(rel: string, ageSeconds: number) {
	const abs = path.join(root, rel);
	mkdirSync(path.dirname(abs), { recursive: true });
	writeFileSync(abs, rel);
	const t = new Date(Date.now() - ageSeconds * 1000);
	utimesSync(abs, t, t);
}

describe('npm start builds only when needed', () => {
	it('builds when there is no build, or a source is newer than it; not for generated files', () => {
		file('src/routes/+page.svelte', 300);
		file('messages/en.json', 300);
		file('package-lock.json', 300);
		expect(buildReason(root)).toBe('no build yet');
		file('build/handler.js', 100);
		expect(buildReason(root)).toBe('');
		// The messages compiled during a build are no reason to build again.
		file('src/lib/paraglide/messages.js', 10);
		expect(buildReason(root)).toBe('');
		file('messages/sv.json', 10);
		expect(buildReason(root)).toBe(path.join('messages', 'sv.json') + ' changed');
		file('build/handler.js', 5);
		file('vite.config.ts', 1);
		expect(buildReason(root)).toBe('vite.config.ts changed');
	});

	it('a second start with an up-to-date build says nothing and builds nothing', () => {
		file('build/handler.js', 0);
		mkdirSync(path.join(root, 'scripts'), { recursive: true });
		copyFileSync(path.resolve('scripts/build-if-needed.js'), path.join(root, 'scripts/build-if-needed.js'));
		// No node_modules here: had it tried to build, it would have failed.
		const t0 = Date.now();
		const out = execFileSync(process.execPath, [path.join(root, 'scripts/build-if-needed.js')], { encoding: 'utf8' });
		expect(out).toBe('');
		expect(Date.now() - t0).toBeLessThan(5_000);
	});
});
