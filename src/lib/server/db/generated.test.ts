import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';

/**
 * generated.ts must be what kysely-codegen makes of a freshly migrated database: a migration without
 * `npm run db:types` (or a hand edit of the file) fails here, and so in CI.
 */
describe('generated database types', () => {
	it('match the migrations (run `npm run db:types` after changing a migration)', async () => {
		const root = path.resolve('.');
		const { stdout } = await promisify(execFile)(process.execPath, [path.join(root, 'scripts/db-types.js'), '--print'], {
			cwd: root,
			env: { ...process.env },
			maxBuffer: 10 * 1024 * 1024
		});
		const checkedIn = readFileSync(path.join(root, 'src/lib/server/db/generated.ts'), 'utf8');
		expect(stdout, 'src/lib/server/db/generated.ts is out of date: run `npm run db:types`').toBe(checkedIn);
	}, 120_000);
});
