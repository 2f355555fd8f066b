import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** The small third model under tests/fixtures/models/handover/1.0 (three groups, two areas of three statements, en + sv). */
export const FIXTURE_MODEL_DIR = path.resolve('tests/fixtures/models/handover/1.0');

export interface BundleData {
	model: Record<string, unknown> & { id: string; version: string };
	translations: Record<string, Record<string, unknown>>;
}

/** A model folder as the bundle the operator uploads: { model, translations: { <lang>: … } }. */
export async function bundleFromFolder(folder: string = FIXTURE_MODEL_DIR): Promise<BundleData> {
	const model = JSON.parse(await readFile(path.join(folder, 'model.json'), 'utf8'));
	const translations: BundleData['translations'] = {};
	for (const f of (await readdir(folder)).filter((n) => n.endsWith('.json') && n !== 'model.json').sort())
		translations[f.slice(0, -5)] = JSON.parse(await readFile(path.join(folder, f), 'utf8'));
	return { model, translations };
}

/** The fixture model under another id (and version), so that each test uploads a version of its own. */
export async function fixtureBundle(id: string, version = '1.0'): Promise<BundleData> {
	const b = await bundleFromFolder();
	return { ...b, model: { ...b.model, id, version } };
}

export const bundleText = (b: unknown): string => JSON.stringify(b, null, '\t');

/** The line (from 1) of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string, from = 0): number {
	const at = text.indexOf(needle, from);
	if (at < 0) throw new Error(`"${needle}" is not in the text`);
	return text.slice(0, at).split('\n').length;
}

/** A model id no other test uses. */
export const uniqueModelId = (prefix = 'm') => `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
