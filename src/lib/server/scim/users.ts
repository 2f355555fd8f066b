import type { Transaction } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import type { Actor } from '$lib/server/auth/actor';
import { isUuid } from '$lib/server/validation';
import { createUser, updateUser } from '$lib/server/users/mutations';
import { setUserActive } from '$lib/server/users/activation';
import { getUser, userColumns, type UserRow } from '$lib/server/users/queries';
import { ensureUnitPath, loadUnitPaths } from '$lib/server/imports/unit-path';
import { importJobRoles } from '$lib/server/imports/job-roles';
import { parseJobRole } from '$lib/server/imports/values';
import { ScimInputError } from './errors';
import { assignmentsFrom, assignmentsFromPatch, type AttributeKey } from './patch';
import { nameFrom, readChanges, type ScimChanges } from './changes';
import { getScimSettings, type ScimSettings } from './settings';
import { parseUserFilter } from './filter';
import { recordScimEvent } from './events';
import { recordAudit } from '$lib/server/audit/record';
import { presentScimUser, LIST_URN, type ScimUser } from './present';
import type { ScimActor } from './tokens';

type Trx = Transaction<Database>;

/**
 * Runs a provisioning write in a transaction, once more when it lost a race for a new unit (two people of
 * a new department at once: the second then finds the unit the first made).
 */
async function writing<T>(executor: Db, fn: (trx: Trx) => Promise<T>): Promise<T> {
	try {
		return await executor.transaction().execute(fn);
	} catch (err) {
		if ((err as { code?: string }).code !== '23505') throw err;
		return executor.transaction().execute(fn);
	}
}

/** The token as the users module's actor: only its label is used (audit). */
function asActor(actor: ScimActor): Actor {
	return { accountId: null, email: '', isOperator: false, via: 'api_token', label: actor.label, membership: null };
}

async function present(user: UserRow, actor: ScimActor, origin: string, executor: Db): Promise<ScimUser> {
	const settings = await getScimSettings(actor, executor);
	const unitPath = settings.unitAttribute !== 'none' && user.unitId ? ((await loadUnitPaths(actor, executor)).pathById.get(user.unitId) ?? null) : null;
	return presentScimUser(user, { origin, settings, unitPath });
}

/** "Sales / North/Team 1" → ['Sales', 'North', 'Team 1']: the mapped attribute as a unit path (a slash between levels). */
export function unitPathOf(value: string): string[] {
	return value
		.split('/')
		.map((s) => s.trim())
		.filter(Boolean);
}

/** The unit id and job role the mapped attributes ask for (undefined: the request does not say); units a path needs are created. */
async function mapped(c: ScimChanges, settings: ScimSettings, actor: ScimActor, trx: Trx) {
	const { organizationId } = actor;
	const out: { unitId?: string | null; jobRole?: string | null; notes: string[] } = { notes: [] };
	if (settings.unitAttribute !== 'none' && settings.unitAttribute in c.attributes) {
		const value = c.attributes[settings.unitAttribute as AttributeKey];
		const path = value ? unitPathOf(value) : [];
		out.unitId = null;
		if (path.length) {
			const unit = await ensureUnitPath({ organizationId, path, field: settings.unitAttribute }, trx);
			out.unitId = unit.unitId;
			if (unit.created)
				await recordAudit({ organizationId, actor: actor.label, action: 'unit_created', target: path.join(' / '), details: { created: unit.created } }, trx);
		}
	}
	if (settings.jobRoleAttribute !== 'none' && settings.jobRoleAttribute in c.attributes) {
		const value = c.attributes[settings.jobRoleAttribute as AttributeKey];
		out.jobRole = value ? parseJobRole(value, await importJobRoles()) : null;
		if (value && !out.jobRole) out.notes.push(`${settings.jobRoleAttribute} names no job role: none set`);
	}
	return out;
}

async function setExternalId(organizationId: string, userId: string, externalId: string | null, trx: Trx): Promise<void> {
	try {
		await trx
			.updateTable('users')
			.set({ external_id: externalId, updated_at: new Date() })
			.where('organization_id', '=', organizationId)
			.where('id', '=', userId)
			.execute();
	} catch (err) {
		if ((err as { code?: string }).code === '23505') throw new ScimInputError('uniqueness', 'Another person in this organization has the same externalId.');
		throw err;
	}
}

/** Creates a person from a SCIM User resource, through createUser (its checks, the trial's limit and the audit log). */
export async function createScimUser(opts: { actor: ScimActor; body: unknown; origin: string }, executor: Db = db()): Promise<ScimUser> {
	if (typeof opts.body !== 'object' || opts.body === null || Array.isArray(opts.body))
		throw new ScimInputError('invalidSyntax', 'The body must be a User resource.');
	const c = readChanges(assignmentsFrom(opts.body as Record<string, unknown>));
	if (!c.userName) throw new ScimInputError('invalidValue', 'userName is required: it is the person’s email address.');
	const { organizationId } = opts.actor;
	const user = await writing(executor, async (trx) => {
		const settings = await getScimSettings(opts.actor, trx);
		const m = await mapped(c, settings, opts.actor, trx);
		const created = await createUser(
			{
				organizationId,
				actor: asActor(opts.actor),
				input: { name: nameFrom(c, null) ?? c.userName, email: c.userName, language: c.language ?? 'en', unitId: m.unitId ?? null, jobRole: m.jobRole ?? null }
			},
			trx
		);
		if (c.externalId) await setExternalId(organizationId, created.id, c.externalId, trx);
		if (c.active === false) await setUserActive({ organizationId, actor: asActor(opts.actor), userId: created.id, active: false }, trx);
		const detail = ['created', ...(c.active === false ? ['inactive'] : []), ...m.notes].join('; ');
		await recordScimEvent({ organizationId, action: 'created', status: 201, userId: created.id, detail }, trx);
		return getUser({ organizationId, userId: created.id }, trx);
	});
	return present(user, opts.actor, opts.origin, executor);
}

/** Applies what a PUT or PATCH asks to an existing person; records one event when anything changed. */
async function change(opts: { actor: ScimActor; userId: string; changes: ScimChanges }, trx: Trx): Promise<UserRow> {
	const { organizationId } = opts.actor;
	const actor = asActor(opts.actor);
	const c = opts.changes;
	const before = await getUser({ organizationId, userId: opts.userId }, trx);
	const settings = await getScimSettings(opts.actor, trx);
	const m = await mapped(c, settings, opts.actor, trx);
	const patch: Record<string, unknown> = {};
	const name = nameFrom(c, before.name);
	if (name !== null && name !== before.name) patch.name = name;
	if (c.userName !== undefined && c.userName !== before.email) patch.email = c.userName;
	if (c.language && c.language !== before.language) patch.language = c.language;
	if (m.unitId !== undefined && m.unitId !== before.unitId) patch.unitId = m.unitId;
	if (m.jobRole !== undefined && m.jobRole !== before.jobRole) patch.jobRole = m.jobRole;
	// A viewer's or admin's email decides who holds their access, and switching them off is an admin's
	// decision: provisioning may not do either (a token holder could otherwise take an admin's place).
	if (before.access !== 'participant' && (patch.email !== undefined || c.active === false))
		throw new ScimInputError('mutability', 'The email and the active state of a viewer or an admin are changed in SOS by an admin, not by provisioning.');
	const changed = Object.keys(patch);
	if (changed.length) await updateUser({ organizationId, actor, userId: before.id, input: patch }, trx);
	if (c.externalId !== undefined && c.externalId !== before.externalId) {
		await setExternalId(organizationId, before.id, c.externalId, trx);
		changed.push('externalId');
	}
	let action: 'updated' | 'deactivated' | 'reactivated' = 'updated';
	if (c.active !== undefined) {
		const r = await setUserActive({ organizationId, actor, userId: before.id, active: c.active }, trx);
		if (r.changed) action = c.active ? 'reactivated' : 'deactivated';
	}
	if (changed.length || action !== 'updated' || m.notes.length)
		await recordScimEvent({ organizationId, action, status: 200, userId: before.id, detail: [...changed, ...m.notes].join(', ') }, trx);
	return getUser({ organizationId, userId: before.id }, trx);
}

/** PUT: the resource as sent; what it leaves out of what SOS keeps stays as it is (name, unit and role are only set when given). */
export async function replaceScimUser(opts: { actor: ScimActor; userId: string; body: unknown; origin: string }, executor: Db = db()): Promise<ScimUser> {
	if (typeof opts.body !== 'object' || opts.body === null || Array.isArray(opts.body))
		throw new ScimInputError('invalidSyntax', 'The body must be a User resource.');
	const changes = readChanges(assignmentsFrom(opts.body as Record<string, unknown>));
	if (!changes.userName) throw new ScimInputError('invalidValue', 'userName is required: it is the person’s email address.');
	const user = await writing(executor, (trx) => change({ ...opts, changes }, trx));
	return present(user, opts.actor, opts.origin, executor);
}

/** PATCH with a PatchOp, Entra's ways included (patch.ts). */
export async function patchScimUser(opts: { actor: ScimActor; userId: string; body: unknown; origin: string }, executor: Db = db()): Promise<ScimUser> {
	const changes = readChanges(assignmentsFromPatch(opts.body));
	const user = await writing(executor, (trx) => change({ ...opts, changes }, trx));
	return present(user, opts.actor, opts.origin, executor);
}

/** DELETE deactivates: the person and their history stay (docs/scim.md). */
export async function deleteScimUser(opts: { actor: ScimActor; userId: string }, executor: Db = db()): Promise<void> {
	await writing(executor, (trx) => change({ ...opts, changes: { active: false, attributes: {} } }, trx));
}

export async function getScimUser(opts: { actor: ScimActor; userId: string; origin: string }, executor: Db = db()): Promise<ScimUser> {
	const user = await getUser({ organizationId: opts.actor.organizationId, userId: opts.userId }, executor);
	return present(user, opts.actor, opts.origin, executor);
}

const MAX_COUNT = 200;

function positiveInt(value: string | null, name: string, fallback: number): number {
	if (value === null || value === '') return fallback;
	if (!/^-?\d{1,9}$/.test(value.trim())) throw new ScimInputError('invalidValue', `${name} must be a whole number.`);
	return Number(value);
}

/** GET /Users: everyone in the organization (or the one a filter names), in creation order, a page at a time. */
export async function listScimUsers(
	opts: { actor: ScimActor; filter: string | null; startIndex: string | null; count: string | null; origin: string },
	executor: Db = db()
) {
	const { organizationId } = opts.actor;
	const startIndex = Math.max(1, positiveInt(opts.startIndex, 'startIndex', 1));
	const count = Math.min(MAX_COUNT, Math.max(0, positiveInt(opts.count, 'count', 100)));
	let q = executor.selectFrom('users').where('organization_id', '=', organizationId);
	if (opts.filter !== null) {
		const f = parseUserFilter(opts.filter);
		if (f.attribute === 'userName') q = q.where('email', '=', f.value.trim().toLowerCase());
		else if (f.attribute === 'externalId') q = q.where('external_id', '=', f.value);
		else q = isUuid(f.value) ? q.where('id', '=', f.value) : q.where('id', 'is', null);
	}
	const [{ n }, rows] = await Promise.all([
		q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
		count === 0
			? Promise.resolve([])
			: q
					.select(userColumns)
					.orderBy('created_at')
					.orderBy('id')
					.offset(startIndex - 1)
					.limit(count)
					.execute()
	]);
	const settings = await getScimSettings(opts.actor, executor);
	const paths = settings.unitAttribute !== 'none' && rows.length ? (await loadUnitPaths(opts.actor, executor)).pathById : new Map<string, string[]>();
	const resources = rows.map((u) => presentScimUser(u, { origin: opts.origin, settings, unitPath: u.unitId ? (paths.get(u.unitId) ?? null) : null }));
	return { schemas: [LIST_URN], totalResults: Number(n), itemsPerPage: resources.length, startIndex, Resources: resources };
}
