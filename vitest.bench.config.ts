import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import paraglide from './scripts/i18n/paraglide-options.js';

/** Benchmarks: ordinary vitest tests that print figures and assert only correctness, never time. */
export default defineConfig({
	plugins: [...(process.env.VITEST ? [] : [paraglideVitePlugin(paraglide)]), sveltekit()],
	test: {
		include: ['bench/**/*.bench.ts'],
		globalSetup: ['scripts/i18n/vitest-setup.js', 'bench/global-setup.ts'],
		setupFiles: ['tests/setup-env.ts'],
		testTimeout: 300_000,
		hookTimeout: 120_000,
		fileParallelism: false,
		pool: 'forks'
	}
});
