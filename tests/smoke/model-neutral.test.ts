import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * No code path names a model or a respondent group: models are data (models/<id>/<version>), so the
 * server, the pages and the shared logic may not hold a group key ('sales_person', 'executive', …) or an
 * area key of a shipped model, the id 'sos' as a model, or reach for the SOS model by default
 * (latestModel()). What is left is listed below with why; comment lines are prose and not read.
 * Demo content (bootstrap/), the import's legacy aliases (imports/values.ts), migrations, generated code
 * and tests are not code paths a model runs through.
 */

const ROOTS = ['src/lib', 'src/routes'];
const SKIP = [
	/\.test\.ts$/,
	/\/migrations\//,
	/^src\/lib\/server\/bootstrap\//,
	/^src\/lib\/server\/imports\/values\.ts$/,
	/^src\/lib\/(paraglide|api-client)\//
];
/** The shipped models' structures (read from models/, so a new model's groups and areas are covered too). */
const SHIPPED = readdirSync('models', { withFileTypes: true })
	.filter((d) => d.isDirectory() && d.name !== 'questions')
	.flatMap((d) => readdirSync(path.join('models', d.name)).map((v) => path.join('models', d.name, v, 'model.json')))
	.map((f) => JSON.parse(readFileSync(f, 'utf8')) as { groups: string[]; areas: { key: string }[] });
const GROUPS = [...new Set(SHIPPED.flatMap((m) => m.groups))];
const AREAS = [...new Set(SHIPPED.flatMap((m) => m.areas.map((a) => a.key)))];
const RULES: { what: string; re: RegExp }[] = [
	{ what: "a model's area", re: new RegExp(`(['"\`])(${AREAS.join('|')})\\1`) },
	{ what: 'a respondent group', re: new RegExp(`(['"\`])(${GROUPS.join('|')})\\1`) },
	{ what: "the model id 'sos'", re: /(['"`])sos\1|\bsos@\d/ },
	// latestModel(id) with a variable is "the newest version of this model"; with nothing or a literal it picks one.
	{ what: 'the default model', re: /\blatestModel\(\s*(\)|['"`])/ }
];

/** A line of a comment: prose may name SOS and its groups. */
const COMMENT = /^\s*(\*|\/\*|\/\/)/;

interface Allowed {
	file: string;
	/** A piece of the line that is allowed. */
	text: string;
	why: string;
}

/** Not a model or a group: the same letters meaning something else. */
const LEGITIMATE: Allowed[] = [
	...['benchmarks/due.ts', 'benchmarks/earlier.ts', 'benchmarks/versions.ts'].map((f) => ({
		file: `src/lib/server/${f}`,
		text: ".where('source', '=', 'sos')",
		why: "a benchmark's source: built by SOS (vs. 'import'), not a model id"
	})),
	{ file: 'src/lib/server/benchmarks/build.ts', text: "source: 'sos'", why: 'benchmark source: built by SOS' },
	{ file: 'src/lib/server/benchmarks/versions.ts', text: "source: 'sos' | 'import'", why: 'benchmark source type' },
	{ file: 'src/lib/server/benchmarks/versions.ts', text: "source?: 'sos' | 'import'", why: 'benchmark source filter' },
	{ file: 'src/lib/server/benchmarks/output.ts', text: "z.enum(['sos', 'import'])", why: 'benchmark source in the API' },
	{ file: 'src/lib/server/results/output.ts', text: "z.enum(['sos', 'import'])", why: 'benchmark source in the API' },
	{ file: 'src/lib/server/results/unit-results.ts', text: "source: 'sos' | 'import' | null", why: 'benchmark source type' },
	{ file: 'src/lib/server/db/schema.ts', text: "source: 'sos' | 'import'", why: 'benchmark source column type' },
	{ file: 'src/lib/server/exports/filename.ts', text: "'sos',", why: "the product's name as the download's prefix (sos-<org>-<round>.pdf)" },
	{ file: 'src/lib/server/psychometrics/model-quality.ts', text: "'Must name a model version, e.g. sos@1.0'", why: 'an example in a validation message' }
];

/** Still naming a model or a group (issue 15): each is a place to make model-neutral; new ones fail. */
const PENDING: Allowed[] = [
	{
		file: 'src/lib/server/config.ts',
		text: ".default('sos')",
		why: 'the default of SOS_DEFAULT_MODEL: configuration, which the operator overrides on the models page'
	},
	{ file: 'src/lib/kpis/areas.ts', text: '_', why: "the starter KPIs' SOS areas (KPI_AREAS) are code, not part of the model's files" },
	{ file: 'src/lib/server/imports/template.ts', text: "key('sales_", why: "the template's example rows prefer SOS groups when a model knows them" }
];

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.posix.join(dir, e.name);
		return e.isDirectory() ? files(p) : /\.(ts|js|svelte)$/.test(e.name) ? [p] : [];
	});
}

function hits(): { file: string; line: number; text: string; what: string }[] {
	const out = [];
	for (const file of ROOTS.flatMap(files).filter((f) => !SKIP.some((re) => re.test(f))))
		for (const [i, text] of readFileSync(file, 'utf8').split('\n').entries()) {
			if (COMMENT.test(text)) continue;
			for (const rule of RULES) if (rule.re.test(text)) out.push({ file, line: i + 1, text: text.trim(), what: rule.what });
		}
	return out;
}

describe('no code path names a model or a role', () => {
	const found = hits();
	const allowed = [...LEGITIMATE, ...PENDING];
	const isAllowed = (h: { file: string; text: string }) => allowed.some((a) => a.file === h.file && h.text.includes(a.text));

	it('finds no group key, model id or default model outside the list', () => {
		const unexpected = found.filter((h) => !isAllowed(h)).map((h) => `${h.file}:${h.line} names ${h.what}: ${h.text}`);
		expect(unexpected).toEqual([]);
	});

	it('lists nothing that is no longer there', () => {
		const stale = allowed.filter((a) => !found.some((h) => h.file === a.file && h.text.includes(a.text))).map((a) => `${a.file}: ${a.text}`);
		expect(stale).toEqual([]);
	});

	it('would see a new one', () => {
		expect(RULES.some((r) => r.re.test("if (role === 'sales_person')"))).toBe(true);
		expect(RULES.some((r) => r.re.test("getModel('sos', '1.1')"))).toBe(true);
		expect(RULES.some((r) => r.re.test('const m = await latestModel();'))).toBe(true);
		expect(RULES.some((r) => r.re.test('jobRole: fields.jobRole'))).toBe(false);
		expect(RULES.some((r) => r.re.test('await latestModel(modelId)'))).toBe(false);
		expect(RULES.some((r) => r.re.test("sales: ['targets', 'one_to_one']"))).toBe(true);
		expect(GROUPS).toEqual(expect.arrayContaining(['sales_person', 'sales_manager', 'sales_support', 'executive']));
	});
});
