// `npm run i18n`: compiles messages/*.json into src/lib/paraglide (generated, git-ignored) with the options the
// vite plugin uses; fails when no message came out (e.g. the message-format plugin named in
// project.inlang/settings.json did not load).
import { readdirSync } from 'node:fs';
import { compile } from '@inlang/paraglide-js';
import options from './paraglide-options.js';

await compile(options);
const modules = readdirSync(`${options.outdir}/messages`).filter((f) => f !== '_index.js');
if (modules.length === 0) {
	console.error('paraglide: no messages compiled; is @inlang/plugin-message-format installed (npm ci)?');
	process.exit(1);
}
console.log(`paraglide: ${modules.length} messages compiled into ${options.outdir}`);
// The inlang SDK leaves timers running after compile() for half a minute; nothing of ours is pending here.
process.exit(0);
