import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import paraglide from './scripts/i18n/paraglide-options.js';

export default defineConfig({
	plugins: [...(process.env.VITEST ? [] : [paraglideVitePlugin(paraglide)]), sveltekit()],
	test: {
		include: ['src/**/*.test.ts', 'tests/api/**/*.test.ts', 'tests/smoke/**/*.test.ts'],
		globalSetup: ['scripts/i18n/vitest-setup.js', 'tests/global-setup.ts'],
		setupFiles: ['tests/setup-env.ts'],
		testTimeout: 60_000,
		hookTimeout: 120_000,
		fileParallelism: true,
		pool: 'forks'
	}
});
