// @ts-check
// `npm start` runs this before start.js: it builds SOS only when there is no build yet or a source changed
// since the last one, so a restart takes seconds, not the half minute of a build.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What the build is made from: folders (walked) and files, relative to the project root. */
export const SOURCES = [
	'src',
	'messages',
	'models',
	'static',
	'project.inlang',
	'package-lock.json',
	'package.json',
	'vite.config.ts',
	'svelte.config.js',
	'tsconfig.json'
];
/** Generated while building (the compiled messages): never a reason to build again. */
const GENERATED = [path.join('src', 'lib', 'paraglide')];
/** Written at the end of a build (by this script or `npm run build`): its time is the build's. */
export const BUILT = path.join('build', 'handler.js');

/**
 * The newest modification time (ms) among the sources under `root`, and which file it is.
 * @param {string} root
 */
export function newestSource(root) {
	let newest = { time: 0, file: '' };
	const visit = (/** @type {string} */ rel) => {
		if (GENERATED.includes(rel)) return;
		const abs = path.join(root, rel);
		let st;
		try {
			st = statSync(abs);
		} catch {
			return;
		}
		if (st.isDirectory()) for (const name of readdirSync(abs)) visit(path.join(rel, name));
		else if (st.mtimeMs > newest.time) newest = { time: st.mtimeMs, file: rel };
	};
	for (const s of SOURCES) visit(s);
	return newest;
}

/**
 * Why a build is needed ('' when the last build is newer than every source).
 * @param {string} root
 * @returns {string}
 */
export function buildReason(root) {
	if (!existsSync(path.join(root, BUILT))) return 'no build yet';
	const built = statSync(path.join(root, BUILT)).mtimeMs;
	const newest = newestSource(root);
	return newest.time > built ? `${newest.file} changed` : '';
}

/** Lines of the build's own output a person starting SOS should not see (SOS is started, not previewed). */
const HIDDEN = [/npm run preview/, /\[paraglide-js\]/, /^\s*$/, /^> Using @sveltejs\/adapter-node/, /^\s*✔ done/];

/**
 * Runs `vite build` quietly: warnings and errors pass, the build's hints do not.
 * @param {string} root
 * @returns {Promise<number>}
 */
function build(root) {
	return new Promise((resolve) => {
		const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
		const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
		let rest = '';
		child.stdout.on('data', (d) => {
			const lines = (rest + d.toString()).split('\n');
			rest = lines.pop() ?? '';
			for (const line of lines) if (!HIDDEN.some((re) => re.test(line))) console.log(line);
		});
		child.on('close', (code) => {
			if (rest && !HIDDEN.some((re) => re.test(rest))) console.log(rest);
			resolve(code ?? 1);
		});
	});
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
	const reason = buildReason(root);
	if (reason) {
		const t0 = Date.now();
		console.log(`[sos] building SOS (${reason}); this takes about a minute…`);
		const code = await build(root);
		if (code !== 0) {
			console.error('[sos] the build failed; see the messages above.');
			process.exit(code);
		}
		console.log(`[sos] built in ${Math.round((Date.now() - t0) / 1000)} s`);
	}
}
