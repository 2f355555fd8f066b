// One-off: converts the old src/lib/i18n/{en,sv}.ts dictionaries into messages/{en,sv}.json
// (inlang message format). A pair `key` ({n} …) + `keyOne` becomes one message `key` with plural variants.
// Run: node scripts/i18n/ts-to-json.mjs  (needs the .ts files; kept for merging branches that still add keys there)
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

function load(file) {
	const src = readFileSync(file, 'utf8');
	const out = {};
	for (const m of src.matchAll(/^\s*'([^']+)': '((?:[^'\\]|\\.)*)',?$/gm)) out[m[1]] = m[2].replace(/\\(.)/g, '$1');
	return out;
}

function convert(dict, existing) {
	const out = { $schema: 'https://inlang.com/schema/inlang-message-format', ...existing };
	for (const [key, text] of Object.entries(dict)) {
		if (key.endsWith('One') && dict[key.slice(0, -3)] !== undefined) continue;
		const one = dict[`${key}One`];
		if (one === undefined) {
			out[key] = text;
			continue;
		}
		out[key] = [
			{
				declarations: ['input n', 'local countPlural = n: plural'],
				selectors: ['countPlural'],
				match: { 'countPlural=one': one, 'countPlural=*': text }
			}
		];
	}
	return out;
}

for (const locale of ['en', 'sv']) {
	const ts = `src/lib/i18n/${locale}.ts`;
	if (!existsSync(ts)) continue;
	const json = `messages/${locale}.json`;
	const existing = existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : {};
	writeFileSync(json, JSON.stringify(convert(load(ts), existing), null, '\t') + '\n');
	console.log(`${ts} -> ${json}`);
}
