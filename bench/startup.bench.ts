import { expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSos } from '../tests/support/start-sos';

// `npm start` on an existing data directory (embedded PostgreSQL) until the first page is served; budget 3 s.
it('measures the restart time on an existing data directory', async () => {
	const root = mkdtempSync(path.join(tmpdir(), 'sos-bench-'));
	chmodSync(root, 0o755);
	const dataDir = path.join(root, 'data');
	try {
		const first = await startSos(dataDir);
		await first.stop();
		const times: number[] = [];
		for (let i = 0; i < 3; i++) {
			const t0 = performance.now();
			const run = await startSos(dataDir);
			const res = await fetch(run.url + '/signin');
			times.push(performance.now() - t0);
			expect(res.status).toBe(200);
			await run.stop();
		}
		const median = [...times].sort((a, b) => a - b)[1];
		console.log(
			`start on an existing data directory until the first page: median ${(median / 1000).toFixed(2)} s of ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} (budget 3 s)`
		);
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}, 120_000);
