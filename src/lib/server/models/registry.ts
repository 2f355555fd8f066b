import type { ModelShape } from '$lib/survey/scoring';
import { listModels, loadModel, loadStandardQuestions, type LoadedModel } from './load';
import type { StandardQuestion } from './schema';
import { NotFoundError } from '$lib/server/errors';

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

/** A model from models/, validated and compiled once per process (models are data that ship with a release). */
export function getModel(id: string, version: string): Promise<CompiledModel> {
	const ref = `${id}@${version}`;
	let m = cache.get(ref);
	if (!m) {
		m = loadModel({ id, version }).then(compile);
		m.catch(() => cache.delete(ref));
		cache.set(ref, m);
	}
	return m;
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

/** The newest version of a model, or NotFoundError. */
export async function latestModel(id = 'sos'): Promise<CompiledModel> {
	const version = await newestShippedVersion(id);
	if (!version) throw new NotFoundError('model');
	return getModel(id, version);
}

let standard: Promise<StandardQuestion[]> | null = null;
export function standardQuestions(): Promise<StandardQuestion[]> {
	standard ??= loadStandardQuestions();
	return standard;
}

/** Every model's newest version that ships with this release. */
async function newestOfEach(): Promise<CompiledModel[]> {
	const refs = await shippedModels();
	const newest = refs.filter((r, i) => refs[i + 1]?.id !== r.id);
	return Promise.all(newest.map((r) => getModel(r.id, r.version)));
}

/** The respondent groups the models know (a person's job role is one of them), in the models' own order. */
export async function knownGroups(): Promise<string[]> {
	return [...new Set((await newestOfEach()).flatMap((m) => m.structure.groups))];
}

/** A group's name for one person and for the group, in `language` (English, then the key, when a model lacks it). */
export async function groupNames(language: string): Promise<Record<string, { one: string; other: string }>> {
	const names: Record<string, { one: string; other: string }> = {};
	for (const m of await newestOfEach())
		for (const g of m.structure.groups) names[g] ??= (m.translations[language] ?? m.translations.en)?.groups[g] ?? { one: g, other: g };
	return names;
}
