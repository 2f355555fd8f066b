// @ts-check
// `npm test`: lint, format and type check, build, then every vitest suite (unit, integration, endpoint, smoke), then the Playwright
// journeys in Chromium. Prints one closing line with the totals.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const tmp = mkdtempSync(path.join(tmpdir(), 'sos-results-'));
const run = (/** @type {string} */ cmd, /** @type {string[]} */ args, env = {}) =>
	spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

let passed = 0;
let failed = 0;
// The house rules first: lint, format and types are part of the tests, so CI enforces them.
const lintCode = run('npm', ['run', 'lint', '--silent']) || run('npm', ['run', 'check', '--silent']);
if (lintCode !== 0) {
	console.error('Lint, format or type check failed (npm run lint, npm run check; npm run format fixes formatting).');
	failed += 1;
}
let code = run(npx, ['vite', 'build', '--logLevel', 'warn']);
if (code !== 0) {
	console.error('The build failed; no tests were run.');
	process.exit(code);
}

const vitestJson = path.join(tmp, 'vitest.json');
const vitestCode = run(npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
try {
	const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
	passed += r.numPassedTests;
	failed += r.numFailedTests + (vitestCode !== 0 && r.numFailedTests === 0 ? 1 : 0);
} catch {
	failed += 1;
}

const pwJson = path.join(tmp, 'playwright.json');
const pwCode = run(npx, ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
try {
	const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats;
	passed += s.expected + s.flaky;
	failed += s.unexpected + (pwCode !== 0 && s.unexpected === 0 ? 1 : 0);
} catch {
	failed += 1;
}

rmSync(tmp, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(lintCode !== 0 || vitestCode !== 0 || pwCode !== 0 || failed > 0 ? 1 : 0);
