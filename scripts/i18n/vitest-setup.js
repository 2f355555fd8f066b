// vitest global setup: compiles the messages (npm run i18n) when src/lib/paraglide is missing or older than its
// inputs. vitest does not use the Paraglide vite plugin: the inlang SDK's timers keep vitest's vite server from
// closing for ~30 s after every run.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import options from './paraglide-options.js';

const inputs = ['project.inlang/settings.json', 'scripts/i18n/paraglide-options.js', ...readdirSync('messages').map((f) => `messages/${f}`)];
const output = `${options.outdir}/messages.js`;

export default function setup() {
	const built = existsSync(output) ? statSync(output).mtimeMs : 0;
	if (inputs.some((f) => statSync(f).mtimeMs > built)) execFileSync(process.execPath, ['scripts/i18n/compile.js'], { stdio: 'inherit' });
}
