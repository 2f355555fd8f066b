import { compileStored, defaultModelId, getModel, getUploadedModel, shippedModels, type CompiledModel } from './registry';
import { countRoundsByModel, findUploadedVersion, listUploadedVersions, type UploadedVersionRow } from './store';
import { NotFoundError } from '$lib/server/errors';
import { compareVersions, shipsAsFiles } from './load';
import { toBundle } from './bundle';

/** One model version as the operator's list shows it. */
export interface ModelVersionSummary {
	id: string;
	version: string;
	name: string;
	status: 'shipped' | 'draft' | 'published';
	groups: string[];
	areas: number;
	statements: number;
	languages: string[];
	repeatMonths: number | null;
	rounds: number;
	uploadedAt: Date | null;
}

function summary(m: CompiledModel, language: string, status: ModelVersionSummary['status'], rounds: Map<string, number>, uploadedAt: Date | null): ModelVersionSummary {
	const t = m.translations[language] ?? m.translations.en ?? Object.values(m.translations)[0];
	return {
		id: m.structure.id,
		version: m.structure.version,
		name: t?.name ?? m.structure.id,
		status,
		groups: m.structure.groups.map((g) => t?.groups[g]?.other ?? g),
		areas: m.shape.areas.length,
		statements: m.shape.statementCount,
		languages: Object.keys(m.translations).sort(),
		repeatMonths: m.structure.repeatMonths ?? null,
		rounds: rounds.get(m.ref) ?? 0,
		uploadedAt
	};
}

/** Every model version, shipped and uploaded (drafts too), with how many rounds use it; and the default model id. */
export async function listModelVersions(opts: { language: string }): Promise<{ versions: ModelVersionSummary[]; defaultId: string }> {
	const [shipped, uploaded, rounds, defaultId] = await Promise.all([shippedModels(), listUploadedVersions(), countRoundsByModel(), defaultModelId()]);
	const versions = [
		...(await Promise.all(shipped.map(async (r) => summary(await getModel(r.id, r.version), opts.language, 'shipped', rounds, null)))),
		...uploaded.map((u) => summary(compileStored(u.bundle, `${u.modelId}@${u.version}`), opts.language, u.status, rounds, u.uploadedAt))
	];
	versions.sort((a, b) => (a.id === b.id ? compareVersions(b.version, a.version) : a.id < b.id ? -1 : 1));
	return { versions, defaultId };
}

/** Any version (shipped, draft or published) as a bundle file: what an operator starts a new version from. */
export async function downloadBundle(opts: { id: string; version: string }): Promise<{ fileName: string; text: string }> {
	const model = (await shipsAsFiles(opts)) ? await getModel(opts.id, opts.version) : await getUploadedModel(opts.id, opts.version);
	return { fileName: `${opts.id}-${opts.version}.json`, text: `${JSON.stringify(toBundle(model), null, '\t')}\n` };
}

/** A version for the operator's page: shipped, or uploaded (draft or published), with who uploaded it; NotFoundError otherwise. */
export async function getAnyModelVersion(opts: { id: string; version: string; language: string }): Promise<{
	model: CompiledModel;
	summary: ModelVersionSummary;
	upload: Pick<UploadedVersionRow, 'fileName' | 'uploadedBy' | 'uploadedAt' | 'publishedBy' | 'publishedAt'> | null;
}> {
	const rounds = await countRoundsByModel();
	if (await shipsAsFiles(opts)) {
		const model = await getModel(opts.id, opts.version);
		return { model, summary: summary(model, opts.language, 'shipped', rounds, null), upload: null };
	}
	const row = await findUploadedVersion(opts);
	if (!row) throw new NotFoundError('model version');
	const model = compileStored(row.bundle, `${opts.id}@${opts.version}`);
	const { fileName, uploadedBy, uploadedAt, publishedBy, publishedAt } = row;
	return { model, summary: summary(model, opts.language, row.status, rounds, uploadedAt), upload: { fileName, uploadedBy, uploadedAt, publishedBy, publishedAt } };
}
