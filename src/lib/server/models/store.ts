import { db, type Db } from '$lib/server/db';
import type { ModelStructure } from './schema';
import type { UploadedVersions } from './bundle';

/**
 * Reads of the model versions the operator uploaded (model_versions, operator-global like the benchmark
 * versions). A published row never changes (the database refuses), so a reader may keep what it read.
 */

export interface UploadedVersionRow {
	modelId: string;
	version: string;
	status: 'draft' | 'published';
	bundle: unknown;
	fileName: string;
	uploadedBy: string;
	uploadedAt: Date;
	publishedAt: Date | null;
	publishedBy: string | null;
}

const columns = [
	'model_id as modelId',
	'version',
	'status',
	'bundle',
	'file_name as fileName',
	'uploaded_by as uploadedBy',
	'uploaded_at as uploadedAt',
	'published_at as publishedAt',
	'published_by as publishedBy'
] as const;

export async function findUploadedVersion(opts: { id: string; version: string }, executor: Db = db()): Promise<UploadedVersionRow | null> {
	const row = await executor
		.selectFrom('model_versions')
		.select(columns)
		.where('model_id', '=', opts.id)
		.where('version', '=', opts.version)
		.executeTakeFirst();
	return row ?? null;
}

/** Every uploaded version, drafts included, by model and upload time. */
export async function listUploadedVersions(executor: Db = db()): Promise<UploadedVersionRow[]> {
	return executor.selectFrom('model_versions').select(columns).orderBy('model_id').orderBy('uploaded_at').execute();
}

/** The published versions' references (read each time: another instance may have published one). */
export async function listPublishedRefs(executor: Db = db()): Promise<{ id: string; version: string }[]> {
	return executor.selectFrom('model_versions').select(['model_id as id', 'version']).where('status', '=', 'published').execute();
}

/** How many rounds (of every organization: the operator's view) use each model version, by `id@version`. */
export async function countRoundsByModel(executor: Db = db()): Promise<Map<string, number>> {
	const rows = await executor
		.selectFrom('rounds')
		.select(['model_id', 'model_version', (eb) => eb.fn.countAll<number>().as('n')])
		.groupBy(['model_id', 'model_version'])
		.execute();
	return new Map(rows.map((r) => [`${r.model_id}@${r.model_version}`, Number(r.n)]));
}

/** The operator's choice of model for new rounds (null: not chosen). */
export async function getDefaultModelId(executor: Db = db()): Promise<string | null> {
	const row = await executor.selectFrom('operator_settings').select('default_model_id').executeTakeFirst();
	return row?.default_model_id ?? null;
}

/** Uploaded versions as the bundle validation looks them up (the structure as stored: validated at upload). */
export function uploadedVersions(executor: Db = db()): UploadedVersions {
	return {
		async find(id, version) {
			const row = await findUploadedVersion({ id, version }, executor);
			if (!row) return null;
			return { status: row.status, structure: (row.bundle as { model: ModelStructure }).model };
		}
	};
}
