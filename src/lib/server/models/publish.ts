import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { requireOperator } from '$lib/server/auth/policies';
import { ConflictError, NotFoundError } from '$lib/server/errors';
import { recordAudit } from '$lib/server/audit/record';
import { validateBundle } from './bundle';
import { BundleInvalidError } from './upload';
import { findUploadedVersion, uploadedVersions } from './store';

/**
 * Publishes a draft: from now on rounds can use it, and it never changes (the database refuses). It is
 * checked again first, against what exists now (e.g. a release that has since shipped the same version).
 */
export async function publishModelVersion(opts: { actor: Actor; id: string; version: string }, executor: Db = db()): Promise<void> {
	const actor = requireOperator(opts.actor);
	await executor.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('model_versions')
			.select(['status', 'bundle'])
			.where('model_id', '=', opts.id)
			.where('version', '=', opts.version)
			.forUpdate()
			.executeTakeFirst();
		if (!row) throw new NotFoundError('model version');
		if (row.status === 'published') throw new ConflictError('model_published', `${opts.id} ${opts.version} is already published.`);
		const checked = await validateBundle(JSON.stringify(row.bundle, null, '\t'), { uploaded: uploadedVersions(trx) });
		if ('errors' in checked) throw new BundleInvalidError(checked.errors);
		await trx
			.updateTable('model_versions')
			.set({ status: 'published', published_at: new Date(), published_by: actor.label })
			.where('model_id', '=', opts.id)
			.where('version', '=', opts.version)
			.where('status', '=', 'draft')
			.execute();
		await recordAudit({ organizationId: null, actor: actor.label, action: 'model_published', target: `${opts.id}@${opts.version}` }, trx);
	});
}

/** Deletes a draft (a published version cannot be deleted: rounds may use it). */
export async function deleteModelDraft(opts: { actor: Actor; id: string; version: string }, executor: Db = db()): Promise<void> {
	const actor = requireOperator(opts.actor);
	await executor.transaction().execute(async (trx) => {
		const deleted = await trx
			.deleteFrom('model_versions')
			.where('model_id', '=', opts.id)
			.where('version', '=', opts.version)
			.where('status', '=', 'draft')
			.executeTakeFirst();
		if (Number(deleted.numDeletedRows) === 0) {
			if (await findUploadedVersion(opts, trx)) throw new ConflictError('model_published', `${opts.id} ${opts.version} is published and cannot be deleted.`);
			throw new NotFoundError('model version');
		}
		await recordAudit({ organizationId: null, actor: actor.label, action: 'model_draft_deleted', target: `${opts.id}@${opts.version}` }, trx);
	});
}
