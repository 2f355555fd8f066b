import { z } from 'zod';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { ConflictError, NotFoundError, ValidationError } from '$lib/server/errors';
import { fields, parse } from '$lib/server/validation';
import { recordAudit } from '$lib/server/audit/record';
import { subtreeIds } from './tree';
import { listUnits, type UnitRow } from './queries';
import { withTreeLock } from './lock';

export const unitInput = z.strictObject({ name: fields.name, parentId: fields.uuid.nullable().optional() });
export const unitPatch = z.strictObject({ name: fields.name.optional(), parentId: fields.uuid.nullable().optional() });

function isUniqueViolation(err: unknown): boolean {
	return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
}

function siblingClash(name: string): ConflictError {
	return new ConflictError('unit_name_taken', `There is already a unit called “${name}” in that place. Pick another name.`);
}

async function assertParentExists(organizationId: string, parentId: string | null | undefined, executor: Db = db()) {
	if (!parentId) return;
	const p = await executor.selectFrom('units').select('id').where('organization_id', '=', organizationId).where('id', '=', parentId).executeTakeFirst();
	if (!p) throw new ValidationError('parentId: The parent unit does not exist.', [{ path: 'parentId', message: 'The parent unit does not exist.' }]);
}

export async function createUnit(opts: { organizationId: string; actor: Actor; input: unknown }, executor: Db = db()): Promise<UnitRow> {
	const input = parse(unitInput, opts.input);
	await assertParentExists(opts.organizationId, input.parentId, executor);
	try {
		const row = await executor
			.insertInto('units')
			.values({ organization_id: opts.organizationId, name: input.name, parent_id: input.parentId ?? null })
			.returning(['id', 'parent_id as parentId', 'name', 'created_at as createdAt', 'attributes'])
			.executeTakeFirstOrThrow();
		await recordAudit({ organizationId: opts.organizationId, actor: opts.actor.label, action: 'unit_created', target: input.name }, executor);
		return { ...row, userCount: 0, childCount: 0 };
	} catch (err) {
		if (isUniqueViolation(err)) throw siblingClash(input.name);
		throw err;
	}
}

/** Renames and/or moves a unit. Moving under itself or its own descendant is refused. */
export async function updateUnit(opts: { organizationId: string; actor: Actor; unitId: string; input: unknown }, executor: Db = db()): Promise<UnitRow> {
	const input = parse(unitPatch, opts.input);
	return withTreeLock(opts.organizationId, (trx) => updateLocked(opts, input, trx), executor);
}

async function updateLocked(
	opts: { organizationId: string; actor: Actor; unitId: string },
	input: z.infer<typeof unitPatch>,
	executor: Db = db()
): Promise<UnitRow> {
	const units = await listUnits({ organizationId: opts.organizationId }, executor);
	const unit = units.find((u) => u.id === opts.unitId);
	if (!unit) throw new NotFoundError('unit');
	if (input.parentId !== undefined && input.parentId !== null) {
		if (!units.some((u) => u.id === input.parentId))
			throw new ValidationError('parentId: The parent unit does not exist.', [{ path: 'parentId', message: 'The parent unit does not exist.' }]);
		if (subtreeIds(units, unit.id).has(input.parentId))
			throw new ConflictError('unit_move_cycle', 'A unit cannot be moved under itself or one of its own sub-units.');
	}
	const name = input.name ?? unit.name;
	const parentId = input.parentId === undefined ? unit.parentId : input.parentId;
	try {
		await executor
			.updateTable('units')
			.set({ name, parent_id: parentId })
			.where('organization_id', '=', opts.organizationId)
			.where('id', '=', unit.id)
			.execute();
	} catch (err) {
		if (isUniqueViolation(err)) throw siblingClash(name);
		throw err;
	}
	await recordAudit(
		{
			organizationId: opts.organizationId,
			actor: opts.actor.label,
			action: 'unit_updated',
			target: name,
			details: { renamedFrom: name !== unit.name ? unit.name : undefined, moved: parentId !== unit.parentId }
		},
		executor
	);
	return { ...unit, name, parentId };
}

/** Deletes an empty unit; a unit with users, viewers scoped to it, or sub-units is refused with the reason. */
export async function deleteUnit(opts: { organizationId: string; actor: Actor; unitId: string }, executor: Db = db()): Promise<void> {
	return withTreeLock(opts.organizationId, (trx) => deleteLocked(opts, trx), executor);
}

async function deleteLocked(opts: { organizationId: string; actor: Actor; unitId: string }, executor: Db = db()): Promise<void> {
	const units = await listUnits({ organizationId: opts.organizationId }, executor);
	const unit = units.find((u) => u.id === opts.unitId);
	if (!unit) throw new NotFoundError('unit');
	if (unit.childCount > 0) throw new ConflictError('unit_has_children', `“${unit.name}” still has ${unit.childCount} sub-unit(s). Move or delete them first.`);
	if (unit.userCount > 0) throw new ConflictError('unit_has_users', `“${unit.name}” still has ${unit.userCount} user(s). Move them to another unit first.`);
	const scoped = await executor
		.selectFrom('users')
		.select('id')
		.where('organization_id', '=', opts.organizationId)
		.where('scope_unit_id', '=', unit.id)
		.executeTakeFirst();
	if (scoped) throw new ConflictError('unit_has_viewers', `Some viewers can see results of “${unit.name}”. Change their access first.`);
	const planned =
		(await executor.selectFrom('actions').select('id').where('organization_id', '=', opts.organizationId).where('unit_id', '=', unit.id).executeTakeFirst()) ??
		(await executor.selectFrom('decisions').select('id').where('organization_id', '=', opts.organizationId).where('unit_id', '=', unit.id).executeTakeFirst());
	if (planned)
		throw new ConflictError('unit_has_actions', `“${unit.name}” has action plans or decisions. Merge it into another unit instead, so they move along.`);
	try {
		await executor.deleteFrom('units').where('organization_id', '=', opts.organizationId).where('id', '=', unit.id).execute();
	} catch (err) {
		// A user was assigned to the unit between the check and the delete.
		if ((err as { code?: string }).code === '23503')
			throw new ConflictError('unit_has_users', `“${unit.name}” has just been given users. Move them to another unit first.`);
		throw err;
	}
	await recordAudit({ organizationId: opts.organizationId, actor: opts.actor.label, action: 'unit_deleted', target: unit.name }, executor);
}

export const levelNamesInput = z.strictObject({
	levelNames: z.array(fields.name.max(40, 'At most 40 characters')).min(1, 'At least one level').max(8, 'At most 8 levels')
});

export async function setLevelNames(opts: { organizationId: string; actor: Actor; input: unknown }, executor: Db = db()): Promise<string[]> {
	const { levelNames } = parse(levelNamesInput, opts.input);
	const lower = levelNames.map((l) => l.toLowerCase());
	if (new Set(lower).size !== lower.length) throw new ValidationError('Level names must be different from each other.');
	await executor.updateTable('organizations').set({ level_names: levelNames }).where('id', '=', opts.organizationId).execute();
	await recordAudit({ organizationId: opts.organizationId, actor: opts.actor.label, action: 'levels_changed', details: { levelNames } }, executor);
	return levelNames;
}
