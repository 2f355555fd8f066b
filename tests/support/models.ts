import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A copy of the shipped `models/` in a temporary folder, for tests that add fixture versions to it. */
export async function copyOfModels(): Promise<string> {
	const dir = await mkdtemp(path.join(os.tmpdir(), 'sos-models-'));
	await cp(path.resolve('models'), dir, { recursive: true });
	return dir;
}

/**
 * Writes `<dir>/sos/<version>`, a version that continues `from` (a version already in `dir`): the same
 * areas and statements except that `renamed` statements get a new key with the same meaning (mapped),
 * `rewritten` ones a new key and text (not mapped), and `added` new statements per area (not mapped).
 * Every area compares except those in `changedAreas`.
 */
export async function writeNextVersion(
	dir: string,
	opts: {
		version: string;
		from: string;
		renamed?: Record<string, string>;
		rewritten?: Record<string, string>;
		added?: Record<string, string[]>;
		changedAreas?: string[];
	}
): Promise<void> {
	const source = path.join(dir, 'sos', opts.from);
	const target = path.join(dir, 'sos', opts.version);
	await mkdir(target, { recursive: true });
	const renamed = opts.renamed ?? {};
	const rewritten = opts.rewritten ?? {};
	const newKey = (k: string) => renamed[k] ?? rewritten[k] ?? k;
	const structure = JSON.parse(await readFile(path.join(source, 'model.json'), 'utf8'));
	const areas = structure.areas.map((a: { key: string; statements: string[] }) => ({
		...a,
		statements: [...a.statements.map(newKey), ...(opts.added?.[a.key] ?? [])]
	}));
	const statements: Record<string, string> = {};
	for (const a of structure.areas as { statements: string[] }[]) for (const s of a.statements) if (!(s in rewritten)) statements[newKey(s)] = s;
	const { continues: _, ...rest } = structure;
	const next = {
		...rest,
		version: opts.version,
		continues: {
			version: opts.from,
			areas: areas.map((a: { key: string }) => a.key).filter((k: string) => !(opts.changedAreas ?? []).includes(k)),
			statements
		},
		areas
	};
	await writeFile(path.join(target, 'model.json'), JSON.stringify(next, null, '\t'));
	for (const file of (await readdir(source)).filter((f) => f !== 'model.json')) {
		const t = JSON.parse(await readFile(path.join(source, file), 'utf8'));
		for (const [areaKey, area] of Object.entries(t.areas) as [string, { statements: Record<string, { text: string }> }][]) {
			const out: Record<string, { text: string }> = {};
			for (const [k, s] of Object.entries(area.statements))
				out[newKey(k)] = k in rewritten ? { text: `${s.text.slice(0, 100)} (rewritten ${opts.version})` } : s;
			for (const k of opts.added?.[areaKey] ?? []) out[k] = { text: `A new statement ${k} (${opts.version})` };
			area.statements = out;
		}
		await writeFile(path.join(target, file), JSON.stringify(t, null, '\t'));
	}
}
