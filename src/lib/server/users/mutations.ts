import { z } from 'zod';
import { db, type Db } from '$lib/server/db';
import { assertTrialRoom } from '$lib/server/billing/limits';
import type { Actor } from '$lib/server/auth/actor';
import { ConflictError, NotFoundError, ValidationError } from '$lib/server/errors';
import { fields, parse } from '$lib/server/validation';
import { recordAudit } from '$lib/server/audit/record';
import { getUser, type UserRow } from './queries';
import { assertKnownJobRole } from './job-role';

const base = {
	name: fields.name,
	email: fields.email,
	language: fields.language,
	unitId: fields.uuid.nullable(),
	jobRole: fields.jobRole.nullable(),
	access: fields.access,
	scopeUnitId: fields.uuid.nullable()
};
export const userInput = z.strictObject({
	...base,
	language: base.language.default('en'),
	unitId: base.unitId.default(null),
	jobRole: base.jobRole.default(null),
	access: base.access.default('participant'),
	scopeUnitId: base.scopeUnitId.default(null)
});
export const userPatch = z.strictObject(base).partial();

async function assertUnits(organizationId: string, ids: (string | null | undefined)[], executor: Db = db()) {
	for (const [i, id] of ids.entries()) {
		if (!id) continue;
		const u = await executor.selectFrom('units').select('id').where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
		const path = i === 0 ? 'unitId' : 'scopeUnitId';
		if (!u) throw new ValidationError(`${path}: The unit does not exist.`, [{ path, message: 'The unit does not exist.' }]);
	}
}

/** A viewer must have a subtree to see: default to their own unit. */
function scopeFor(access: string, scopeUnitId: string | null, unitId: string | null): string | null {
	if (access !== 'viewer') return null;
	const scope = scopeUnitId ?? unitId;
	if (!scope)
		throw new ValidationError('scopeUnitId: A viewer needs a unit whose results they may see.', [
			{ path: 'scopeUnitId', message: 'A viewer needs a unit whose results they may see.' }
		]);
	return scope;
}

/** A unit deleted between our check and the write surfaces as a foreign-key violation. */
function unitGone(err: unknown): unknown {
	if ((err as { code?: string }).code !== '23503') return err;
	return new ValidationError('unitId: The unit does not exist.', [{ path: 'unitId', message: 'The unit does not exist.' }]);
}

function emailTaken(email: string) {
	return new ConflictError('email_taken', `Another user in this organization already has the email ${email}.`);
}

export async function createUser(opts: { organizationId: string; actor: Actor; input: unknown }, executor: Db = db()): Promise<UserRow> {
	const input = parse(userInput, opts.input);
	await assertKnownJobRole(input.jobRole);
	// In one transaction, so that the trial's room is checked under its lock and two additions at once cannot both take the last place.
	if (!executor.isTransaction) return executor.transaction().execute((trx) => insertUser(opts, input, trx));
	return insertUser(opts, input, executor);
}

async function insertUser(opts: { organizationId: string; actor: Actor }, input: z.infer<typeof userInput>, trx: Db): Promise<UserRow> {
	await assertUnits(opts.organizationId, [input.unitId, input.scopeUnitId], trx);
	const scope = scopeFor(input.access, input.scopeUnitId, input.unitId);
	await assertTrialRoom({ organizationId: opts.organizationId, adding: 1 }, trx);
	const row = await trx
		.insertInto('users')
		.values({
			organization_id: opts.organizationId,
			name: input.name,
			email: input.email,
			language: input.language,
			unit_id: input.unitId,
			job_role: input.jobRole,
			access: input.access,
			scope_unit_id: scope
		})
		.onConflict((oc) => oc.columns(['organization_id', 'email']).doNothing())
		.returning('id')
		.executeTakeFirst()
		.catch((err) => {
			throw unitGone(err);
		});
	if (!row) throw emailTaken(input.email);
	await recordAudit(
		{ organizationId: opts.organizationId, actor: opts.actor.label, action: 'user_created', target: input.email, details: { access: input.access } },
		trx
	);
	return getUser({ organizationId: opts.organizationId, userId: row.id }, trx);
}

/** Call inside a transaction: locks the admin rows, so that two demotions or deletions at once cannot both pass. */
export async function assertNotLastAdmin(organizationId: string, userId: string, executor: Db = db()) {
	const admins = await executor
		.selectFrom('users')
		.select('id')
		.where('organization_id', '=', organizationId)
		.where('access', '=', 'admin')
		.forUpdate()
		.execute();
	if (admins.length === 1 && admins[0].id === userId)
		throw new ConflictError('last_admin', 'This is the only admin of the organization. Make someone else an admin first.');
}

export async function updateUser(opts: { organizationId: string; actor: Actor; userId: string; input: unknown }, executor: Db = db()): Promise<UserRow> {
	const input = parse(userPatch, opts.input);
	// Inside a caller's transaction (SCIM provisioning writes units and the user in one) it joins it.
	const inTransaction = <T>(fn: (trx: Db) => Promise<T>) => (executor.isTransaction ? fn(executor) : executor.transaction().execute(fn));
	return inTransaction(async (trx) => {
		const before = await getUser({ organizationId: opts.organizationId, userId: opts.userId }, trx);
		const next = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as UserRow;
		// A role kept as it was stays valid even when no model asks that group any longer.
		if (next.jobRole !== before.jobRole) await assertKnownJobRole(next.jobRole);
		await assertUnits(opts.organizationId, [next.unitId, next.scopeUnitId], trx);
		if (before.access === 'admin' && next.access !== 'admin') await assertNotLastAdmin(opts.organizationId, before.id, trx);
		const keptScope = input.scopeUnitId !== undefined ? input.scopeUnitId : before.access === 'viewer' ? before.scopeUnitId : null;
		const scope = scopeFor(next.access, keptScope, next.unitId);
		let res;
		try {
			res = await trx
				.updateTable('users')
				.set({
					name: next.name,
					email: next.email,
					language: next.language,
					unit_id: next.unitId,
					job_role: next.jobRole,
					access: next.access,
					scope_unit_id: scope,
					updated_at: new Date()
				})
				.where('organization_id', '=', opts.organizationId)
				.where('id', '=', before.id)
				.where(({ not, exists, selectFrom }) =>
					not(
						exists(
							selectFrom('users as o')
								.select('o.id')
								.where('o.organization_id', '=', opts.organizationId)
								.where('o.email', '=', next.email)
								.where('o.id', '!=', before.id)
						)
					)
				)
				.executeTakeFirst();
		} catch (err) {
			// Someone took the email between our check and the write.
			if ((err as { code?: string }).code === '23505') throw emailTaken(next.email);
			throw unitGone(err);
		}
		if (Number(res.numUpdatedRows) === 0) throw emailTaken(next.email);
		await recordAudit({ organizationId: opts.organizationId, actor: opts.actor.label, action: 'user_updated', target: next.email }, trx);
		if (before.access !== next.access || before.scopeUnitId !== scope)
			await recordAudit(
				{
					organizationId: opts.organizationId,
					actor: opts.actor.label,
					action: 'access_changed',
					target: next.email,
					details: { from: before.access, to: next.access, scopeUnitId: scope }
				},
				trx
			);
		return getUser({ organizationId: opts.organizationId, userId: before.id }, trx);
	});
}

/** The actions, corrections, KPIs and experiments a person owned stay, without an owner (no SET NULL foreign key: see docs/scaling.md). */
export async function releaseOwnership(organizationId: string, userId: string, trx: Db): Promise<void> {
	for (const table of ['kpis', 'actions', 'decisions', 'experiments'] as const)
		await trx.updateTable(table).set({ owner_id: null }).where('organization_id', '=', organizationId).where('owner_id', '=', userId).execute();
}

export async function deleteUser(opts: { organizationId: string; actor: Actor; userId: string }, executor: Db = db()): Promise<void> {
	await executor.transaction().execute(async (trx) => {
		const user = await getUser(opts, trx);
		if (user.access === 'admin') await assertNotLastAdmin(opts.organizationId, user.id, trx);
		await releaseOwnership(opts.organizationId, user.id, trx);
		const res = await trx.deleteFrom('users').where('organization_id', '=', opts.organizationId).where('id', '=', user.id).executeTakeFirst();
		if (Number(res.numDeletedRows) === 0) throw new NotFoundError('user');
		await recordAudit({ organizationId: opts.organizationId, actor: opts.actor.label, action: 'user_deleted', target: user.email }, trx);
	});
}
