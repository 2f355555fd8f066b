// Paraglide compiler options, shared by the vite plugin (vite.config.ts, vitest.bench.config.ts) and by
// `npm run i18n` (compile.js), so every build compiles the messages alike. (Not project.inlang/paraglide.config.js:
// inlang git-ignores everything in project.inlang except settings.json.)
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export default {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// The app picks the locale per request and passes it to every message call; no global locale is used.
	strategy: ['baseLocale']
};
