import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { ValidationError } from '$lib/server/errors';
import { parse } from '$lib/server/validation';
import { recordAudit } from '$lib/server/audit/record';
import { actionInput, actionPatch, noteInput } from './input';
import { actionScope, assertUnits } from './policy';
import { getAction, type ActionView } from './queries';
import { mayOwn } from './options';

/** The owner must be someone who may own an action of the unit (see ownerOptions): not anyone in the organization. */
async function assertOwner(db: Db, actor: Actor, unitId: string, ownerId: string | null | undefined) {
	if (!ownerId) return;
	if (!(await mayOwn(db, { actor, unitId, ownerId })))
		throw new ValidationError('ownerId: The owner must be one of the unit’s people, a viewer or an admin of your organization.', [{ path: 'ownerId', message: 'Not someone who can own this action' }]);
}

/** Whether setting this owner tells them by email: not when one makes oneself the owner. */
const tellsOwner = (ownerId: string | null, actor: Actor) => ownerId !== null && ownerId !== actor.membership!.userId;

/** A viewer with rights on the unit (or an admin) creates an action for it, answering a finding of a round. */
export async function createAction(db: Db, opts: { actor: Actor; input: unknown }): Promise<ActionView> {
	const input = parse(actionInput, opts.input);
	const scope = await actionScope(db, opts.actor);
	await assertUnits(db, scope, [input.unitId]);
	const org = scope.organizationId;
	await assertOwner(db, opts.actor, input.unitId, input.ownerId);
	if (input.roundId) {
		const round = await db.selectFrom('rounds').select('id').where('organization_id', '=', org).where('id', '=', input.roundId).executeTakeFirst();
		if (!round) throw new ValidationError('roundId: There is no such round in your organization.', [{ path: 'roundId', message: 'No such round' }]);
	}
	const row = await db
		.insertInto('actions')
		.values({
			organization_id: org,
			unit_id: input.unitId,
			round_id: input.roundId,
			area_key: input.areaKey,
			statement_key: input.statementKey,
			title: input.title,
			reason: input.reason,
			owner_id: input.ownerId,
			due_on: input.dueOn,
			status: input.status,
			created_by: opts.actor.label,
			assignment_pending: tellsOwner(input.ownerId, opts.actor)
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await recordAudit(db, { organizationId: org, actor: opts.actor.label, action: 'action_created', target: input.title });
	return getAction(db, { actor: opts.actor, actionId: row.id });
}

/** Changes what, why, owner, due date or status of an action the actor may act on. */
export async function updateAction(db: Db, opts: { actor: Actor; actionId: string; input: unknown }): Promise<ActionView> {
	const patch = parse(actionPatch, opts.input);
	const current = await getAction(db, { actor: opts.actor, actionId: opts.actionId });
	const org = opts.actor.membership!.organizationId;
	const newOwner = patch.ownerId !== undefined && patch.ownerId !== current.owner?.id;
	if (newOwner) await assertOwner(db, opts.actor, current.unit.id, patch.ownerId);
	await db
		.updateTable('actions')
		.set({
			...(patch.title !== undefined && { title: patch.title }),
			...(patch.reason !== undefined && { reason: patch.reason }),
			...(newOwner && { owner_id: patch.ownerId, assignment_pending: tellsOwner(patch.ownerId!, opts.actor) }),
			...(patch.dueOn !== undefined && patch.dueOn !== current.dueOn && { due_on: patch.dueOn, due_reminder_sent: false }),
			...(patch.status !== undefined && { status: patch.status }),
			updated_at: new Date()
		})
		.where('organization_id', '=', org)
		.where('id', '=', current.id)
		.execute();
	await recordAudit(db, { organizationId: org, actor: opts.actor.label, action: 'action_updated', target: patch.title ?? current.title, details: { status: patch.status } });
	return getAction(db, { actor: opts.actor, actionId: current.id });
}

/** Adds a dated progress note to an action. */
export async function addActionNote(db: Db, opts: { actor: Actor; actionId: string; input: unknown }): Promise<ActionView> {
	const { body } = parse(noteInput, opts.input);
	const action = await getAction(db, { actor: opts.actor, actionId: opts.actionId });
	await db.insertInto('action_notes').values({ organization_id: opts.actor.membership!.organizationId, action_id: action.id, body, author: opts.actor.membership!.name }).execute();
	return getAction(db, { actor: opts.actor, actionId: action.id });
}

/** Deletes an action planned by mistake, with its notes (an action that was dropped stays, as "dropped"). */
export async function deleteAction(db: Db, opts: { actor: Actor; actionId: string }): Promise<void> {
	const action = await getAction(db, opts);
	const org = opts.actor.membership!.organizationId;
	await db.deleteFrom('actions').where('organization_id', '=', org).where('id', '=', action.id).execute();
	await recordAudit(db, { organizationId: org, actor: opts.actor.label, action: 'action_deleted', target: action.title });
}
