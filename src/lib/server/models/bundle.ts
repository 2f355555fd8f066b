import { z } from 'zod';
import { LANGUAGE, modelStructureSchema, modelTranslationSchema, type ModelStructure, type ModelTranslation } from './schema';
import { compareVersions, continuityProblems, defaultModelsDir, loadStructure, shipsAsFiles, translationProblems, type LoadedModel, type Problem } from './load';
import { JsonText, type Located } from './json-location';

/**
 * A model version as one file, the way the operator uploads it: `{ "model": <model.json>, "translations":
 * { "en": <en.json>, "sv": … } }`. It is checked exactly as the files under models/ are (the same schemas
 * and cross-checks), and every problem is reported with its place in the file.
 */

export const MAX_BUNDLE_BYTES = 2 * 1024 * 1024;

export type BundleError = Located;
export type BundleResult = { ok: LoadedModel } | { errors: BundleError[] };

/** Versions the operator uploaded (the database), for the checks that look beyond the bundle itself. */
export interface UploadedVersions {
	find(id: string, version: string): Promise<{ status: 'draft' | 'published'; structure: ModelStructure } | null>;
}

const envelope = z.strictObject({
	model: z.unknown(),
	translations: z.record(z.string(), z.unknown()).refine((t) => Object.keys(t).length > 0, 'At least one translation, e.g. "en"')
});

function issues(error: z.ZodError, prefix: (string | number)[]): Problem[] {
	return error.issues.flatMap((i) => {
		const path = [...prefix, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
		if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ path: [...path, k], message: `Unknown field "${k}"` }));
		return [{ path, message: i.message }];
	});
}

/** The bundle's own checks (no look-up elsewhere): its model and translations, as the folder loader checks them. */
export function checkBundleData(data: unknown): { ok: LoadedModel } | { problems: Problem[] } {
	const top = envelope.safeParse(data);
	if (!top.success) return { problems: issues(top.error, []) };
	const problems: Problem[] = [];
	const structure = modelStructureSchema.safeParse(top.data.model);
	if (!structure.success) problems.push(...issues(structure.error, ['model']));
	const translations: Record<string, ModelTranslation> = {};
	for (const [language, value] of Object.entries(top.data.translations)) {
		const at = ['translations', language];
		if (!LANGUAGE.test(language)) {
			problems.push({ path: at, message: 'Must be a language code such as en, sv or pt-BR' });
			continue;
		}
		const t = modelTranslationSchema.safeParse(value);
		if (!t.success) {
			problems.push(...issues(t.error, at));
			continue;
		}
		if (t.data.language !== language) problems.push({ path: [...at, 'language'], message: `language is "${t.data.language}" but the translation is under "${language}"` });
		if (structure.success) problems.push(...translationProblems(structure.data, t.data).map((p) => ({ path: [...at, ...p.path], message: p.message })));
		translations[language] = t.data;
	}
	if (problems.length || !structure.success) return { problems };
	return { ok: { structure: structure.data, translations } };
}

/** Checks against the versions that exist: shipped files and uploaded versions. */
async function contextProblems(structure: ModelStructure, dir: string, uploaded: UploadedVersions | undefined): Promise<Problem[]> {
	const { id, version } = structure;
	const at = ['model', 'version'];
	if (await shipsAsFiles({ id, version, dir }))
		return [{ path: at, message: `${id} ${version} ships with SOS and cannot be uploaded again; give the new version another number` }];
	if ((await uploaded?.find(id, version))?.status === 'published')
		return [{ path: at, message: `${id} ${version} is already published and cannot change; give the new version another number` }];
	if (!structure.continues) return [];
	const earlier = structure.continues.version;
	const where = ['model', 'continues', 'version'];
	if (compareVersions(earlier, version) >= 0) return [{ path: where, message: `continues.version ${earlier} is not earlier than ${version}` }];
	let before: ModelStructure | null = null;
	if (await shipsAsFiles({ id, version: earlier, dir })) before = await loadStructure({ id, version: earlier, dir });
	else {
		const found = await uploaded?.find(id, earlier);
		if (found?.status === 'draft') return [{ path: where, message: `${id} ${earlier} is still a draft: publish it before a version that continues it` }];
		before = found?.structure ?? null;
	}
	if (!before) return [{ path: where, message: `There is no version ${earlier} of ${id} (shipped or published) to continue` }];
	return continuityProblems(structure, before).map((p) => ({ path: ['model', ...p.path], message: p.message }));
}

/**
 * Validates an uploaded bundle's text. Every problem is returned (not only the first), each with its JSON
 * path and its line and column in `text`; nothing is looked up when the file itself is wrong.
 */
export async function validateBundle(text: string, opts: { dir?: string; uploaded?: UploadedVersions } = {}): Promise<BundleResult> {
	if (Buffer.byteLength(text) > MAX_BUNDLE_BYTES)
		return { errors: [{ path: '(top level)', line: 1, column: 1, message: `The file is larger than ${MAX_BUNDLE_BYTES / 1024 / 1024} MB` }] };
	let json: JsonText;
	try {
		// A byte-order mark becomes a space, so that offsets stay those of the file.
		json = new JsonText(text.replace(/^\uFEFF/, ' '));
	} catch {
		return { errors: [{ path: '(top level)', line: 1, column: 1, message: 'The file is nested too deeply to be read' }] };
	}
	if (json.syntaxErrors.length) return { errors: json.syntaxErrors };
	const duplicates = json.duplicateFields();
	const checked = checkBundleData(JSON.parse(json.text));
	const problems = 'problems' in checked ? checked.problems : await contextProblems(checked.ok.structure, opts.dir ?? defaultModelsDir(), opts.uploaded);
	const errors = [...duplicates, ...problems.map((p) => json.locate(p.path, p.message))].sort((a, b) => a.line - b.line || a.column - b.column);
	if (errors.length || 'problems' in checked) return { errors };
	return { ok: checked.ok };
}

/** A model version as a bundle (what the operator downloads as a starting file, or uploaded). */
export function toBundle(model: LoadedModel): { model: ModelStructure; translations: Record<string, ModelTranslation> } {
	return { model: model.structure, translations: model.translations };
}
