import { z } from 'zod';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { ConflictError, NotFoundError, ValidationError } from '$lib/server/errors';
import { fields, parse } from '$lib/server/validation';
import { recordAudit } from '$lib/server/audit/record';
import { subtreeIds } from './tree';
import { listUnits } from './queries';
import { withTreeLock } from './lock';

export const mergeInput = z.strictObject({ intoId: fields.uuid });

/**
 * Merges a unit into another (a reorganization): its sub-units, people, actions and the viewers scoped to it move
 * to the other unit, it is deleted, and the lineage records that the other unit continues it — so the
 * merged unit's trend shows the history of both. Earlier rounds keep their own structure.
 */
export async function mergeUnit(
	opts: { organizationId: string; actor: Actor; unitId: string; input: unknown },
	executor: Db = db()
): Promise<{ from: string; into: string }> {
	const { intoId } = parse(mergeInput, opts.input);
	return withTreeLock(
		opts.organizationId,
		async (trx) => {
			const units = await listUnits({ organizationId: opts.organizationId }, trx);
			const from = units.find((u) => u.id === opts.unitId);
			const into = units.find((u) => u.id === intoId);
			if (!from) throw new NotFoundError('unit');
			if (!into) throw new ValidationError('intoId: There is no such unit to merge into.', [{ path: 'intoId', message: 'There is no such unit' }]);
			if (subtreeIds(units, from.id).has(into.id))
				throw new ConflictError('unit_merge_cycle', `“${from.name}” cannot be merged into itself or one of its own sub-units.`);
			const clash = units.find((c) => c.parentId === from.id && units.some((o) => o.parentId === into.id && o.name.toLowerCase() === c.name.toLowerCase()));
			if (clash) throw new ConflictError('unit_name_taken', `Both units have a sub-unit called “${clash.name}”. Rename one of them first.`);
			const org = opts.organizationId;
			await trx.updateTable('units').set({ parent_id: into.id }).where('organization_id', '=', org).where('parent_id', '=', from.id).execute();
			await trx.updateTable('users').set({ unit_id: into.id }).where('organization_id', '=', org).where('unit_id', '=', from.id).execute();
			await trx.updateTable('users').set({ scope_unit_id: into.id }).where('organization_id', '=', org).where('scope_unit_id', '=', from.id).execute();
			await trx.updateTable('actions').set({ unit_id: into.id }).where('organization_id', '=', org).where('unit_id', '=', from.id).execute();
			await trx.updateTable('decisions').set({ unit_id: into.id }).where('organization_id', '=', org).where('unit_id', '=', from.id).execute();
			await trx
				.insertInto('unit_lineage')
				.values({ organization_id: org, unit_id: into.id, predecessor_id: from.id, predecessor_name: from.name })
				.onConflict((oc) => oc.doNothing())
				.execute();
			await trx.deleteFrom('units').where('organization_id', '=', org).where('id', '=', from.id).execute();
			await recordAudit({ organizationId: org, actor: opts.actor.label, action: 'unit_merged', target: into.name, details: { merged: from.name } }, trx);
			return { from: from.name, into: into.name };
		},
		executor
	);
}
