import { sql } from 'kysely';
import { z } from 'zod';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '$lib/server/errors';
import { recordAudit } from '$lib/server/audit/record';
import { parse } from '$lib/server/validation';

export const GRACE_DAYS = 30;
const DAY = 86_400_000;

/**
 * What stays of a deleted organization: the invoices and credit notes (the seller's accounting records,
 * which the law requires be kept; they carry the buyer as it was) and the organization's row, renamed,
 * which they refer to. Every other row with its organization_id goes.
 */
const KEPT = new Set(['organizations', 'invoices', 'invoice_lines']);

export interface DeletionState {
	requestedAt: Date | null;
	dueAt: Date | null;
}

function assertOperator(actor: Actor) {
	if (!actor.isOperator) throw new ForbiddenError('Only the SOS operator can delete an organization.');
}

export async function deletionState(opts: { organizationId: string }, executor: Db = db()) {
	const org = await executor
		.selectFrom('organizations')
		.select(['id', 'name', 'is_demo as isDemo', 'deletion_requested_at as requestedAt', 'deletion_due_at as dueAt'])
		.where('id', '=', opts.organizationId)
		.where('deleted_at', 'is', null)
		.executeTakeFirst();
	if (!org) throw new NotFoundError('organization');
	return org;
}

const confirmation = z.strictObject({ confirmName: z.string().trim() });

/**
 * The operator records the customer's request to delete the organization: after 30 days of grace (in
 * which it can be cancelled and its admins can still export its data) a job deletes it. Confirmed by
 * typing the organization's name.
 */
export async function requestDeletion(opts: { actor: Actor; organizationId: string; input: unknown; now?: Date }, executor: Db = db()): Promise<DeletionState> {
	assertOperator(opts.actor);
	const input = parse(confirmation, opts.input);
	return executor.transaction().execute(async (trx) => {
		const org = await deletionState(opts, trx);
		if (input.confirmName !== org.name)
			throw new ValidationError('confirmName: Type the organization’s name to confirm.', [
				{ path: 'confirmName', message: 'Type the organization’s name to confirm.' }
			]);
		if (org.requestedAt) throw new ConflictError('deletion_requested', 'Deletion of this organization is already requested.');
		const now = opts.now ?? new Date();
		const dueAt = new Date(now.getTime() + GRACE_DAYS * DAY);
		await trx.updateTable('organizations').set({ deletion_requested_at: now, deletion_due_at: dueAt }).where('id', '=', org.id).execute();
		const details = { dueAt: dueAt.toISOString() };
		await recordAudit({ organizationId: org.id, actor: opts.actor.label, action: 'organization_deletion_requested', details }, trx);
		await recordAudit({ organizationId: null, actor: opts.actor.label, action: 'organization_deletion_requested', target: org.id, details }, trx);
		return { requestedAt: now, dueAt };
	});
}

export async function cancelDeletion(opts: { actor: Actor; organizationId: string }, executor: Db = db()): Promise<void> {
	assertOperator(opts.actor);
	await executor.transaction().execute(async (trx) => {
		const org = await deletionState(opts, trx);
		if (!org.requestedAt) return;
		await trx.updateTable('organizations').set({ deletion_requested_at: null, deletion_due_at: null }).where('id', '=', org.id).execute();
		await recordAudit({ organizationId: org.id, actor: opts.actor.label, action: 'organization_deletion_cancelled' }, trx);
		await recordAudit({ organizationId: null, actor: opts.actor.label, action: 'organization_deletion_cancelled', target: org.id }, trx);
	});
}

/**
 * Deletes every organization whose grace period has passed, each in one transaction under its row's
 * lock (SKIP LOCKED, and deleted_at checked under the lock): two instances, or a retry, never delete
 * one twice. Returns how many it deleted.
 */
export async function deleteDueOrganizations(opts: { now?: Date } = {}, executor: Db = db()): Promise<number> {
	const now = opts.now ?? new Date();
	let deleted = 0;
	for (;;) {
		const done = await executor.transaction().execute(async (trx) => {
			const org = await trx
				.selectFrom('organizations')
				.select('id')
				.where('deleted_at', 'is', null)
				.where('deletion_due_at', '<=', now)
				.orderBy('deletion_due_at')
				.limit(1)
				.forUpdate()
				.skipLocked()
				.executeTakeFirst();
			if (!org) return false;
			await deleteOrganizationRows(org.id, trx);
			return true;
		});
		if (!done) return deleted;
		deleted += 1;
	}
}

async function deleteOrganizationRows(organizationId: string, trx: Db): Promise<void> {
	const emails = await trx.selectFrom('users').select('email').where('organization_id', '=', organizationId).execute();
	for (const table of await tenantTablesChildrenFirst(trx)) await sql`DELETE FROM ${sql.table(table)} WHERE organization_id = ${organizationId}`.execute(trx);
	await trx
		.updateTable('organizations')
		.set({ name: 'Deleted organization', deleted_at: new Date(), level_names: [], deletion_requested_at: null, deletion_due_at: null })
		.where('id', '=', organizationId)
		.execute();
	// Accounts of people who belonged to no other organization go with it.
	const list = emails.map((e) => e.email);
	if (list.length > 0)
		await trx
			.deleteFrom('accounts')
			.where('email', 'in', list)
			.where('is_operator', '=', false)
			.where(({ not, exists, selectFrom }) => not(exists(selectFrom('users').select('id').whereRef('users.email', '=', 'accounts.email'))))
			.execute();
	await recordAudit({ organizationId: null, actor: 'SOS', action: 'organization_deleted', target: organizationId, details: { people: list.length } }, trx);
}

/** Every table with an organization_id but those kept, ordered so that a table comes before the tables it refers to. */
async function tenantTablesChildrenFirst(trx: Db): Promise<string[]> {
	const { rows: tables } = await sql<{ table_name: string }>`
		SELECT c.table_name FROM information_schema.columns c
		JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema AND t.table_type = 'BASE TABLE'
		WHERE c.table_schema = current_schema() AND c.column_name = 'organization_id'`.execute(trx);
	const { rows: refs } = await sql<{ child: string; parent: string }>`
		SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent FROM pg_constraint
		WHERE contype = 'f' AND conrelid <> confrelid`.execute(trx);
	const names = tables.map((t) => t.table_name).filter((t) => !KEPT.has(t));
	// billable_presence is kept up to date by a trigger on users: it goes after them.
	names.sort((a, b) => Number(a === 'billable_presence') - Number(b === 'billable_presence'));
	const order: string[] = [];
	const visit = (t: string, seen: Set<string>) => {
		if (order.includes(t) || seen.has(t)) return;
		seen.add(t);
		for (const r of refs) if (r.parent === t && names.includes(r.child)) visit(r.child, seen);
		order.push(t);
	};
	for (const t of names) visit(t, new Set());
	return order;
}
