// @ts-check
// The house rules (see CODE_STYLE.md). Change a rule here, in the open; never silence one in a line.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Routes are thin: they validate, call a use case in $lib/server/<domain>, and present. */
const routeBoundary = {
	patterns: [
		{ group: ['$lib/server/db', '$lib/server/db/*'], message: 'Routes do not touch the database: call a use case in $lib/server/<domain>.' },
		{ group: ['kysely', 'pg'], message: 'Routes do not touch the database: call a use case in $lib/server/<domain>.' }
	]
};

/** Server code never depends on UI components; shared logic lives in $lib/<domain>. */
const serverBoundary = {
	patterns: [
		{
			group: ['$lib/components', '$lib/components/*', '**/components/*'],
			message: 'Server code must not import UI components: move the shared logic to $lib/<domain>.'
		}
	]
};

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'data/',
			'test-results/',
			'playwright-report/',
			'screenshots/',
			'static/',
			'src/lib/paraglide/',
			'src/lib/api-client/',
			'src/lib/server/db/generated.ts'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: { parserOptions: { projectService: false, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
			'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a union of string literals instead of an enum.' }],
			// Input cleaning strips control characters on purpose, so regexes name them.
			'no-control-regex': 'off',
			// SOS is served at the root (no base path): a plain href is already resolved.
			'svelte/no-navigation-without-resolve': 'off',
			// {' '} keeps a space next to a block that formatting would otherwise drop.
			'svelte/no-useless-mustaches': 'off',
			// A URLSearchParams built and read inside one function is not state.
			'svelte/prefer-svelte-reactivity': 'off',
			// Form state seeded from props and then edited in place (a list the user grows) needs $state's deep proxy.
			'svelte/prefer-writable-derived': 'off'
		}
	},
	// Tests read parsed JSON of many shapes.
	{ files: ['tests/**', '**/*.test.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
	// The chart components show the SVG strings of $lib/charts, which escape every text they hold (tested in
	// src/lib/charts/charts-svg.test.ts): the one place where {@html} is allowed.
	{ files: ['src/lib/components/charts/*.svelte'], rules: { 'svelte/no-at-html-tags': 'off' } },
	{ files: ['src/routes/**'], rules: { 'no-restricted-imports': ['error', routeBoundary] } },
	{ files: ['src/lib/server/**'], rules: { 'no-restricted-imports': ['error', serverBoundary] } }
);
