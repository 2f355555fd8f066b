import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { requireOperator } from '$lib/server/auth/policies';
import { ValidationError } from '$lib/server/errors';
import { recordAudit } from '$lib/server/audit/record';
import { newestVersion } from './registry';

/** The operator chooses the model new rounds default to (its newest shipped or published version). */
export async function setDefaultModel(opts: { actor: Actor; id: string }, executor: Db = db()): Promise<void> {
	const actor = requireOperator(opts.actor);
	if (!(await newestVersion(opts.id))) throw new ValidationError('model: No shipped or published model has this id.', [{ path: 'model', message: 'Unknown model' }]);
	await executor.transaction().execute(async (trx) => {
		await trx
			.insertInto('operator_settings')
			.values({ id: true, default_model_id: opts.id, updated_by: actor.label, updated_at: new Date() })
			.onConflict((oc) => oc.column('id').doUpdateSet({ default_model_id: opts.id, updated_by: actor.label, updated_at: new Date() }))
			.execute();
		await recordAudit({ organizationId: null, actor: actor.label, action: 'model_default_set', target: opts.id }, trx);
	});
}
