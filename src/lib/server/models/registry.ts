import type { ModelShape } from '$lib/survey/scoring';
import { compareVersions, listModels, loadModel, loadStandardQuestions, shipsAsFiles, type LoadedModel, type ModelRef } from './load';
import type { StandardQuestion } from './schema';
import { NotFoundError } from '$lib/server/errors';
import { config } from '$lib/server/config';
import { checkBundleData } from './bundle';
import { findUploadedVersion, getDefaultModelId, listPublishedRefs } from './store';

export interface CompiledModel extends LoadedModel {
	ref: string;
	shape: ModelShape;
	/** Statement keys in answer order (areas in model order, statements in area order). */
	statementKeys: string[];
}

const cache = new Map<string, Promise<CompiledModel>>();

function compile(m: LoadedModel): CompiledModel {
	const statementKeys: string[] = [];
	const areas = m.structure.areas.map((a) => ({
		key: a.key,
		statements: a.statements.map((s) => statementKeys.push(s) - 1)
	}));
	// Statements offering "not used in our team", as indexes in answer order (the schema checked the keys).
	const notUsed = (m.structure.scale.notUsed ? (m.structure.notUsed ?? []) : []).map((k) => statementKeys.indexOf(k)).sort((a, b) => a - b);
	const shape: ModelShape = {
		areas,
		statementCount: statementKeys.length,
		...(notUsed.length ? { notUsed } : {}),
		...(m.structure.scale.dontKnow ? {} : { dontKnow: false })
	};
	return { ...m, ref: `${m.structure.id}@${m.structure.version}`, shape, statementKeys };
}

/** An uploaded version's stored bundle, compiled (it was validated at upload; it is checked again all the same). */
export function compileStored(bundle: unknown, ref: string): CompiledModel {
	const checked = checkBundleData(bundle);
	if ('problems' in checked) throw new Error(`Stored model ${ref} is not valid: ${checked.problems.map((p) => p.message).join('; ')}`);
	return compile(checked.ok);
}

/**
 * A model version a round may use: one that ships in models/ (validated and compiled once per process), or
 * else one the operator published (cached too: a published version never changes). Drafts are not found.
 */
export function getModel(id: string, version: string): Promise<CompiledModel> {
	const ref = `${id}@${version}`;
	let m = cache.get(ref);
	if (!m) {
		m = (async () => {
			if (await shipsAsFiles({ id, version })) return compile(await loadModel({ id, version }));
			const row = await findUploadedVersion({ id, version });
			if (row?.status !== 'published') throw new NotFoundError('model');
			return compileStored(row.bundle, ref);
		})();
		m.catch(() => cache.delete(ref));
		cache.set(ref, m);
	}
	return m;
}

/** An uploaded version, draft or published, for the operator's preview (never cached: a draft may be replaced). */
export async function getUploadedModel(id: string, version: string): Promise<CompiledModel & { status: 'draft' | 'published' }> {
	const row = await findUploadedVersion({ id, version });
	if (!row) throw new NotFoundError('model version');
	return { ...compileStored(row.bundle, `${id}@${version}`), status: row.status };
}

let shipped: Promise<Awaited<ReturnType<typeof listModels>>> | null = null;

/** The models that ship with this release (read once per process). */
export function shippedModels(): ReturnType<typeof listModels> {
	shipped ??= listModels();
	return shipped;
}

/** The newest version of a model that ships with this release, or null when none does. */
export async function newestShippedVersion(id: string): Promise<string | null> {
	return (await shippedModels()).filter((r) => r.id === id).at(-1)?.version ?? null;
}

/** Every version a round can use: shipped and published (the database read each time), by id then version. */
export async function usableVersions(): Promise<ModelRef[]> {
	const shippedRefs = await shippedModels();
	const published = (await listPublishedRefs()).filter((p) => !shippedRefs.some((s) => s.id === p.id && s.version === p.version));
	return [...shippedRefs, ...published].sort((a, b) => (a.id === b.id ? compareVersions(a.version, b.version) : a.id < b.id ? -1 : 1));
}

/** The newest version of a model that ships or is published, or null when there is none. */
export async function newestVersion(id: string): Promise<string | null> {
	return (await usableVersions()).filter((r) => r.id === id).at(-1)?.version ?? null;
}

/**
 * The newest shipped version of a model (read from files only: the submit path calls it), or, for a model
 * that only the operator uploaded, its newest published version; NotFoundError when there is none.
 */
export async function latestModel(id: string): Promise<CompiledModel> {
	const version = (await newestShippedVersion(id)) ?? (await newestVersion(id));
	if (!version) throw new NotFoundError('model');
	return getModel(id, version);
}

/** The model id new rounds default to: the operator's choice, else SOS_DEFAULT_MODEL, else 'sos'. */
export async function defaultModelId(): Promise<string> {
	return (await getDefaultModelId()) ?? config().SOS_DEFAULT_MODEL;
}

/** The newest version of the model new rounds default to (SOS_DEFAULT_MODEL's when the operator's choice has none). */
export async function defaultModel(): Promise<CompiledModel> {
	const id = await defaultModelId();
	const version = await newestVersion(id);
	return version ? getModel(id, version) : latestModel(config().SOS_DEFAULT_MODEL);
}

/** The models a new round can use: the newest shipped or published version of each. */
export async function roundModels(): Promise<CompiledModel[]> {
	const refs = await usableVersions();
	const newest = refs.filter((r, i) => refs[i + 1]?.id !== r.id);
	return Promise.all(newest.map((r) => getModel(r.id, r.version)));
}

let standard: Promise<StandardQuestion[]> | null = null;
export function standardQuestions(): Promise<StandardQuestion[]> {
	standard ??= loadStandardQuestions();
	return standard;
}

/** The respondent groups of the models rounds can use, shipped and published (a person's job role is one of them), in the models' own order. */
export async function knownGroups(): Promise<string[]> {
	return [...new Set((await roundModels()).flatMap((m) => m.structure.groups))];
}

/** A group's name for one person and for the group, in `language` (English, then the key, when a model lacks it). */
export async function groupNames(language: string): Promise<Record<string, { one: string; other: string }>> {
	const names: Record<string, { one: string; other: string }> = {};
	for (const m of await roundModels())
		for (const g of m.structure.groups) names[g] ??= (m.translations[language] ?? m.translations.en)?.groups[g] ?? { one: g, other: g };
	return names;
}
