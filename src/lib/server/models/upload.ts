import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { requireOperator } from '$lib/server/auth/policies';
import { ConflictError, ValidationError } from '$lib/server/errors';
import { recordAudit } from '$lib/server/audit/record';
import { toBundle, validateBundle, type BundleError } from './bundle';
import { uploadedVersions } from './store';

/** An uploaded bundle with problems: every one of them, each with its place in the file (line, column, path). */
export class BundleInvalidError extends ValidationError {
	constructor(readonly errors: BundleError[]) {
		const first = errors[0];
		super(
			`file: ${errors.length} problem${errors.length === 1 ? '' : 's'} in the file, the first at line ${first.line}, column ${first.column} (${first.path}): ${first.message}`,
			errors
		);
	}
}

/**
 * The operator uploads a model version as one bundle file. It is validated as a whole first; when anything
 * is wrong nothing is written and every problem is reported. A good file becomes a draft (replacing an
 * earlier draft of the same version); a version that ships with SOS or is published cannot be uploaded.
 */
export async function uploadModelVersion(
	opts: { actor: Actor; fileName: string; text: string },
	executor: Db = db()
): Promise<{ id: string; version: string; replaced: boolean }> {
	const actor = requireOperator(opts.actor);
	return executor.transaction().execute(async (trx) => {
		const result = await validateBundle(opts.text, { uploaded: uploadedVersions(trx) });
		if ('errors' in result) throw new BundleInvalidError(result.errors);
		const { id, version } = result.ok.structure;
		const existing = await uploadedVersions(trx).find(id, version);
		const row = await trx
			.insertInto('model_versions')
			.values({
				model_id: id,
				version,
				status: 'draft',
				bundle: JSON.stringify(toBundle(result.ok)),
				file_name: opts.fileName.slice(0, 200) || 'bundle.json',
				uploaded_by: actor.label
			})
			.onConflict((oc) =>
				oc
					.columns(['model_id', 'version'])
					.doUpdateSet((eb) => ({
						bundle: eb.ref('excluded.bundle'),
						file_name: eb.ref('excluded.file_name'),
						uploaded_by: eb.ref('excluded.uploaded_by'),
						uploaded_at: eb.ref('excluded.uploaded_at')
					}))
					.where('model_versions.status', '=', 'draft')
			)
			.returning('model_id')
			.executeTakeFirst();
		// Published between the check and the write (by another operator's request): it stays as it is.
		if (!row) throw new ConflictError('model_published', `${id} ${version} is already published and cannot change.`);
		await recordAudit(
			{ organizationId: null, actor: actor.label, action: 'model_uploaded', target: `${id}@${version}`, details: { fileName: opts.fileName.slice(0, 200), replaced: !!existing } },
			trx
		);
		return { id, version, replaced: !!existing };
	});
}
