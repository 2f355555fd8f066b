import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { ValidationError } from '$lib/server/errors';
import { parse } from '$lib/server/validation';
import { recordAudit } from '$lib/server/audit/record';
import { actionInput, actionPatch, noteInput } from './input';
import { actionScope, assertUnits, unitColumn } from './policy';
import { getAction, type ActionView } from './queries';
import { mayOwn } from './options';

/** The owner must be someone who may own an action of the unit (see ownerOptions): not anyone in the organization. */
async function assertOwner(actor: Actor, unitId: string, ownerId: string | null | undefined, executor: Db = db()) {
	if (!ownerId) return;
	if (!(await mayOwn({ actor, unitId, ownerId }, executor)))
		throw new ValidationError('ownerId: The owner must be one of the unit’s people, a viewer or an admin of your organization.', [
			{ path: 'ownerId', message: 'Not someone who can own this action' }
		]);
}

/** Whether setting this owner tells them by email: not when one makes oneself the owner. */
const tellsOwner = (ownerId: string | null, actor: Actor) => ownerId !== null && ownerId !== actor.membership!.userId;

/** A viewer with rights on the unit (or an admin) creates an action for it, answering a finding of a round. */
export async function createAction(opts: { actor: Actor; input: unknown }, executor: Db = db()): Promise<ActionView> {
	const input = parse(actionInput, opts.input);
	const scope = await actionScope(opts.actor, executor);
	await assertUnits(scope, [input.unitId], executor);
	const org = scope.organizationId;
	await assertOwner(opts.actor, input.unitId, input.ownerId, executor);
	if (input.roundId) {
		const round = await executor.selectFrom('rounds').select('id').where('organization_id', '=', org).where('id', '=', input.roundId).executeTakeFirst();
		if (!round) throw new ValidationError('roundId: There is no such round in your organization.', [{ path: 'roundId', message: 'No such round' }]);
	}
	const row = await executor
		.insertInto('actions')
		.values({
			organization_id: org,
			unit_id: unitColumn(input.unitId),
			round_id: input.roundId,
			area_key: input.areaKey,
			statement_key: input.statementKey,
			title: input.title,
			reason: input.reason,
			owner_id: input.ownerId,
			due_on: input.dueOn,
			status: input.status,
			created_by: opts.actor.label,
			assignment_pending: tellsOwner(input.ownerId, opts.actor),
			// Its unit's participants hear of it in the next digest (loop/digest.ts).
			digest_pending: true
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await recordAudit({ organizationId: org, actor: opts.actor.label, action: 'action_created', target: input.title }, executor);
	return getAction({ actor: opts.actor, actionId: row.id }, executor);
}

/** Changes what, why, owner, due date or status of an action the actor may act on. */
export async function updateAction(opts: { actor: Actor; actionId: string; input: unknown }, executor: Db = db()): Promise<ActionView> {
	const patch = parse(actionPatch, opts.input);
	const current = await getAction({ actor: opts.actor, actionId: opts.actionId }, executor);
	const org = opts.actor.membership!.organizationId;
	const newOwner = patch.ownerId !== undefined && patch.ownerId !== current.owner?.id;
	if (newOwner) await assertOwner(opts.actor, current.unit.id, patch.ownerId, executor);
	await executor
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
	await recordAudit(
		{ organizationId: org, actor: opts.actor.label, action: 'action_updated', target: patch.title ?? current.title, details: { status: patch.status } },
		executor
	);
	return getAction({ actor: opts.actor, actionId: current.id }, executor);
}

/** Adds a dated progress note to an action. */
export async function addActionNote(opts: { actor: Actor; actionId: string; input: unknown }, executor: Db = db()): Promise<ActionView> {
	const { body } = parse(noteInput, opts.input);
	const action = await getAction({ actor: opts.actor, actionId: opts.actionId }, executor);
	await executor
		.insertInto('action_notes')
		.values({
			organization_id: opts.actor.membership!.organizationId,
			action_id: action.id,
			body,
			author: opts.actor.membership!.name,
			author_id: opts.actor.membership!.userId
		})
		.execute();
	return getAction({ actor: opts.actor, actionId: action.id }, executor);
}

/** Deletes an action planned by mistake, with its notes (an action that was dropped stays, as "dropped"). */
export async function deleteAction(opts: { actor: Actor; actionId: string }, executor: Db = db()): Promise<void> {
	const action = await getAction(opts, executor);
	const org = opts.actor.membership!.organizationId;
	await executor.deleteFrom('actions').where('organization_id', '=', org).where('id', '=', action.id).execute();
	await recordAudit({ organizationId: org, actor: opts.actor.label, action: 'action_deleted', target: action.title }, executor);
}
