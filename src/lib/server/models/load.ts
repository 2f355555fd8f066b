import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import {
	LANGUAGE,
	MODEL_ID,
	MODEL_VERSION,
	modelStructureSchema,
	modelTranslationSchema,
	fullAdviceSchema,
	standardQuestionLibrarySchema,
	type ModelStructure,
	type ModelTranslation,
	type StandardQuestion
} from './schema';

/**
 * Reads assessment models and the standard question library from `models/` (data, not code).
 * Every problem is reported as an Error whose message starts with the file it is about.
 */

export interface LoadedModel {
	structure: ModelStructure;
	/** By language code, e.g. `en`, `sv`. */
	translations: Record<string, ModelTranslation>;
}

export interface ModelRef {
	id: string;
	version: string;
}

/** `models/` in the repository root (the process runs from the repository root when serving and testing), or SOS_MODELS_DIR. */
export function defaultModelsDir(): string {
	// SOS_MODELS_DIR points elsewhere (tests with fixture models; an operator's own model folder).
	return path.resolve(process.env.SOS_MODELS_DIR || 'models');
}

const MAX_ISSUES = 10;

function fail(file: string, problem: string): never {
	throw new Error(`${file}: ${problem}`);
}

function failMany(file: string, problems: string[]): never {
	const shown = problems.slice(0, MAX_ISSUES);
	const more = problems.length > shown.length ? `; … and ${problems.length - shown.length} more` : '';
	fail(file, shown.join('; ') + more);
}

async function readJson(file: string): Promise<unknown> {
	let raw: string;
	try {
		raw = await readFile(file, 'utf8');
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		fail(file, code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? String(e)})`);
	}
	try {
		return JSON.parse(raw.replace(/^\uFEFF/, ''));
	} catch (e) {
		fail(file, `not valid JSON (${(e as Error).message})`);
	}
}

function validate<T extends z.ZodType>(schema: T, data: unknown, file: string): z.infer<T> {
	const result = schema.safeParse(data);
	if (result.success) return result.data;
	failMany(
		file,
		result.error.issues.map((i) => {
			const where = i.path.map(String).join('.') || '(top level)';
			const what = i.code === 'unrecognized_keys' ? `unknown field(s) ${i.keys.join(', ')}` : i.message;
			return `${where}: ${what}`;
		})
	);
}

/** A problem at a place in a model's data (a JSON path from the file's top), for errors that name their place. */
export interface Problem {
	path: (string | number)[];
	message: string;
}

/** What a translation lacks or has too much compared with the structure. Empty when it matches. */
export function translationProblems(structure: ModelStructure, t: ModelTranslation): Problem[] {
	const problems: Problem[] = [];
	const add = (path: Problem['path'], message: string) => problems.push({ path, message });
	const expectedAreas = structure.areas.map((a) => a.key);
	const missingAreas = expectedAreas.filter((k) => !Object.hasOwn(t.areas, k));
	const extraAreas = Object.keys(t.areas).filter((k) => !expectedAreas.includes(k));
	if (missingAreas.length) add(['areas'], `missing area(s) ${missingAreas.join(', ')}`);
	if (extraAreas.length) add(['areas', extraAreas[0]], `area(s) not in model.json: ${extraAreas.join(', ')}`);

	for (const area of structure.areas) {
		const translated = t.areas[area.key];
		if (!translated) continue;
		const have = Object.keys(translated.statements);
		const missing = area.statements.filter((s) => !have.includes(s));
		const extra = have.filter((s) => !area.statements.includes(s));
		if (missing.length) add(['areas', area.key, 'statements'], `area "${area.key}" is missing statement(s) ${missing.join(', ')}`);
		if (extra.length) add(['areas', area.key, 'statements', extra[0]], `area "${area.key}" has statement(s) not in model.json: ${extra.join(', ')}`);
	}

	const expectedGroups = structure.groups;
	const missingGroups = expectedGroups.filter((g) => !Object.hasOwn(t.groups, g));
	const extraGroups = Object.keys(t.groups).filter((g) => !expectedGroups.includes(g));
	if (missingGroups.length) add(['groups'], `missing group name(s) ${missingGroups.join(', ')}`);
	if (extraGroups.length) add(['groups', extraGroups[0]], `group(s) not in model.json: ${extraGroups.join(', ')}`);
	const expectedPairs = (structure.alignment?.pairs ?? []).map((p) => p.key);
	const translatedPairs = Object.keys(t.alignment ?? {});
	const missingPairs = expectedPairs.filter((k) => !translatedPairs.includes(k));
	const extraPairs = translatedPairs.filter((k) => !expectedPairs.includes(k));
	if (missingPairs.length) add(['alignment'], `alignment: missing pair(s) ${missingPairs.join(', ')}`);
	if (extraPairs.length) add(['alignment', extraPairs[0]], `alignment: pair(s) not in model.json: ${extraPairs.join(', ')}`);

	if (structure.scale.dontKnow && !t.scale.dontKnow) add(['scale'], 'scale.dontKnow: label required by model.json');
	if (structure.scale.notUsed && !t.scale.notUsed) add(['scale'], 'scale.notUsed: label required by model.json');
	if (structure.advice === 'full') {
		for (const area of structure.areas) {
			const advice = t.areas[area.key]?.advice;
			if (!advice) continue;
			const missing = Object.keys(fullAdviceSchema.shape).filter((k) => !(k in advice));
			if (missing.length) add(['areas', area.key, 'advice'], `area "${area.key}": advice lacks ${missing.join(', ')} (model.json asks for full advice)`);
		}
	}
	if (structure.advice === 'levels')
		for (const area of structure.areas)
			if (t.areas[area.key] && !t.areas[area.key].advice.levels)
				add(['areas', area.key, 'advice'], `area "${area.key}": advice lacks levels (model.json asks for advice at three levels)`);

	const texts = new Map<string, string>();
	for (const [areaKey, area] of Object.entries(t.areas)) {
		for (const [k, s] of Object.entries(area.statements)) {
			const normalized = s.text.trim().toLowerCase();
			const other = texts.get(normalized);
			if (other) add(['areas', areaKey, 'statements', k, 'text'], `statements ${other} and ${k} have the same text`);
			else texts.set(normalized, k);
		}
	}
	return problems;
}

/** Loads `<dir>/<id>/<version>/model.json` and every `<lang>.json` beside it, and checks that they match. */
export async function loadModel({ id, version, dir = defaultModelsDir() }: ModelRef & { dir?: string }): Promise<LoadedModel> {
	if (!MODEL_ID.test(id)) throw new Error(`Invalid model id "${id}"`);
	if (!MODEL_VERSION.test(version)) throw new Error(`Invalid model version "${version}"`);
	const folder = path.join(dir, id, version);
	const structureFile = path.join(folder, 'model.json');
	const structure = validate(modelStructureSchema, await readJson(structureFile), structureFile);
	if (structure.id !== id) fail(structureFile, `id is "${structure.id}" but the folder is "${id}"`);
	if (structure.version !== version) fail(structureFile, `version is "${structure.version}" but the folder is "${version}"`);

	const files = (await readdir(folder)).filter((f) => f.endsWith('.json') && f !== 'model.json').sort();
	if (files.length === 0) fail(folder, 'no translation file (<language>.json) found');

	const translations: Record<string, ModelTranslation> = {};
	for (const name of files) {
		const file = path.join(folder, name);
		const language = name.slice(0, -'.json'.length);
		if (!LANGUAGE.test(language)) fail(file, 'the file name must be a language code, such as en.json or sv.json');
		const t = validate(modelTranslationSchema, await readJson(file), file);
		if (t.language !== language) fail(file, `language is "${t.language}" but the file is named ${name}`);
		const problems = translationProblems(structure, t);
		if (problems.length)
			failMany(
				file,
				problems.map((p) => p.message)
			);
		translations[language] = t;
	}
	if (structure.continues) await checkContinuity(structure, dir, structureFile);
	return { structure, translations };
}

/** The earlier version a model continues must exist, and the statements mapped to it must be its own. */
async function checkContinuity(structure: ModelStructure, dir: string, file: string): Promise<void> {
	const { version } = structure.continues!;
	if (compareVersions(version, structure.version) >= 0) fail(file, `continues.version ${version} is not earlier than ${structure.version}`);
	const before = await loadStructure({ id: structure.id, version, dir });
	const problems = continuityProblems(structure, before);
	if (problems.length)
		failMany(
			file,
			problems.map((p) => p.message)
		);
}

/** What `continues` maps that is not in the earlier version `before` (whose version it names). Empty when it matches. */
export function continuityProblems(structure: ModelStructure, before: ModelStructure): Problem[] {
	const { version, areas, statements } = structure.continues!;
	const oldAreas = new Set(before.areas.map((a) => a.key));
	const oldStatements = new Set(before.areas.flatMap((a) => a.statements));
	const problems: Problem[] = [
		...areas.flatMap((a, i) => (oldAreas.has(a) ? [] : [{ path: ['continues', 'areas', i], message: `continues.areas: "${a}" is not an area of ${version}` }])),
		...Object.entries(statements)
			.filter(([, old]) => !oldStatements.has(old))
			.map(([s, old]) => ({ path: ['continues', 'statements', s], message: `continues.statements.${s}: "${old}" is not a statement of ${version}` }))
	];
	const targets = Object.values(statements);
	const twice = targets.filter((old, i) => targets.indexOf(old) !== i);
	if (twice.length) problems.push({ path: ['continues', 'statements'], message: `continues.statements: ${[...new Set(twice)].join(', ')} mapped more than once` });
	return problems;
}

/** The structure (model.json) of a version that ships as files, validated; an Error naming the file when it is wrong. */
export async function loadStructure({ id, version, dir = defaultModelsDir() }: ModelRef & { dir?: string }): Promise<ModelStructure> {
	const file = path.join(dir, id, version, 'model.json');
	return validate(modelStructureSchema, await readJson(file), file);
}

/** Whether `<dir>/<id>/<version>/model.json` exists: the version ships with SOS as files. */
export function shipsAsFiles({ id, version, dir = defaultModelsDir() }: ModelRef & { dir?: string }): Promise<boolean> {
	return MODEL_ID.test(id) && MODEL_VERSION.test(version) ? isFile(path.join(dir, id, version, 'model.json')) : Promise.resolve(false);
}

/** Negative when version a is earlier than b (1.9 < 1.10), 0 when equal. */
export function compareVersions(a: string, b: string): number {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const d = (pa[i] ?? 0) - (pb[i] ?? 0);
		if (d) return d;
	}
	return 0;
}

async function isFile(file: string): Promise<boolean> {
	try {
		return (await stat(file)).isFile();
	} catch {
		return false;
	}
}

async function subdirectories(dir: string): Promise<string[]> {
	try {
		return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw e;
	}
}

/** Every `<id>/<version>/model.json` under `dir`, sorted by id and then version. Does not validate them. */
export async function listModels(dir: string = defaultModelsDir()): Promise<ModelRef[]> {
	const found: ModelRef[] = [];
	for (const id of (await subdirectories(dir)).filter((d) => MODEL_ID.test(d))) {
		for (const version of (await subdirectories(path.join(dir, id))).filter((v) => MODEL_VERSION.test(v))) {
			if (await isFile(path.join(dir, id, version, 'model.json'))) found.push({ id, version });
		}
	}
	return found.sort((a, b) => (a.id === b.id ? compareVersions(a.version, b.version) : a.id < b.id ? -1 : 1));
}

/** The operator's standard library of company-specific questions: `<dir>/questions/standard.json`. */
export async function loadStandardQuestions(dir: string = defaultModelsDir()): Promise<StandardQuestion[]> {
	const file = path.join(dir, 'questions', 'standard.json');
	return validate(standardQuestionLibrarySchema, await readJson(file), file);
}
