// @ts-check
// `npm run bench`: builds, then runs every benchmark under bench/ (each prints one line per figure).
import { spawnSync } from 'node:child_process';

const run = (/** @type {string[]} */ args) => spawnSync('npx', args, { stdio: 'inherit' }).status ?? 1;
if (run(['vite', 'build', '--logLevel', 'warn']) !== 0) process.exit(1);
process.exit(run(['vitest', 'run', '--config', 'vitest.bench.config.ts', '--reporter=verbose']));
