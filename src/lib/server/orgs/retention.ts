import { sql } from 'kysely';
import { z } from 'zod';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { parse } from '$lib/server/validation';
import { recordAudit } from '$lib/server/audit/record';

export interface Retention {
	auditMonths: number;
	invitationMonths: number;
}

const months = z.coerce
	.number({ message: 'A whole number of months' })
	.int('A whole number of months')
	.min(1, 'At least 1 month')
	.max(120, 'At most 120 months');
export const retentionInput = z.strictObject({ auditMonths: months, invitationMonths: months });

export async function getRetention(opts: { organizationId: string }, executor: Db = db()): Promise<Retention> {
	return executor
		.selectFrom('organizations')
		.select(['audit_retention_months as auditMonths', 'invitation_retention_months as invitationMonths'])
		.where('id', '=', opts.organizationId)
		.executeTakeFirstOrThrow();
}

/** The admin sets how long the audit log is kept and how long after a round closes its invitations keep their email addresses. */
export async function saveRetention(opts: { organizationId: string; actor: Actor; input: unknown }, executor: Db = db()): Promise<Retention> {
	const input = parse(retentionInput, opts.input);
	return executor.transaction().execute(async (trx) => {
		const before = await getRetention(opts, trx);
		await trx
			.updateTable('organizations')
			.set({ audit_retention_months: input.auditMonths, invitation_retention_months: input.invitationMonths })
			.where('id', '=', opts.organizationId)
			.execute();
		if (before.auditMonths !== input.auditMonths || before.invitationMonths !== input.invitationMonths)
			await recordAudit({ organizationId: opts.organizationId, actor: opts.actor.label, action: 'retention_changed', details: { before, after: input } }, trx);
		return input;
	});
}

/**
 * Housekeeping: per organization, deletes audit events older than its retention and scrubs the email
 * addresses of invitations of rounds closed longer ago than its invitation retention (the invitations
 * stay: they count who was invited). Records what it removed in the organization's audit log. `organizationId`
 * limits it to one organization.
 */
export async function applyRetention(opts: { now?: Date; organizationId?: string } = {}, executor: Db = db()): Promise<number> {
	const now = opts.now ?? new Date();
	// One statement finds the organizations with something due (an index probe each), so that the
	// housekeeping of many organizations with nothing to remove costs one query.
	let q = executor
		.selectFrom('organizations as o')
		.select(['o.id', 'o.audit_retention_months', 'o.invitation_retention_months'])
		.where('o.deleted_at', 'is', null)
		.where(({ or, exists, selectFrom }) =>
			or([
				exists(
					selectFrom('audit_events as a')
						.select('a.id')
						.whereRef('a.organization_id', '=', 'o.id')
						.where('a.at', '<', sql<Date>`${now}::timestamptz - make_interval(months => o.audit_retention_months)`)
				),
				exists(
					selectFrom('rounds as r')
						.select('r.id')
						.whereRef('r.organization_id', '=', 'o.id')
						.where('r.invitations_scrubbed_at', 'is', null)
						.where('r.closed_at', '<', sql<Date>`${now}::timestamptz - make_interval(months => o.invitation_retention_months)`)
				)
			])
		);
	if (opts.organizationId) q = q.where('o.id', '=', opts.organizationId);
	const orgs = await q.execute();
	let removed = 0;
	for (const org of orgs)
		removed += await applyRetentionOf(
			{ organizationId: org.id, auditMonths: org.audit_retention_months, invitationMonths: org.invitation_retention_months, now },
			executor
		);
	return removed;
}

async function applyRetentionOf(o: { organizationId: string; auditMonths: number; invitationMonths: number; now: Date }, executor: Db): Promise<number> {
	return executor.transaction().execute(async (trx) => {
		const auditBefore = sql<Date>`${o.now}::timestamptz - make_interval(months => ${o.auditMonths})`;
		const events = await trx.deleteFrom('audit_events').where('organization_id', '=', o.organizationId).where('at', '<', auditBefore).executeTakeFirst();
		const closedBefore = sql<Date>`${o.now}::timestamptz - make_interval(months => ${o.invitationMonths})`;
		const rounds = await trx
			.updateTable('rounds')
			.set({ invitations_scrubbed_at: o.now })
			.where('organization_id', '=', o.organizationId)
			.where('invitations_scrubbed_at', 'is', null)
			.where('closed_at', '<', closedBefore)
			.returning('id')
			.execute();
		let invitations = 0;
		if (rounds.length > 0) {
			const res = await trx
				.updateTable('invitations')
				.set({ email: '' })
				.where('organization_id', '=', o.organizationId)
				.where(
					'round_id',
					'in',
					rounds.map((r) => r.id)
				)
				.where('email', '<>', '')
				.executeTakeFirst();
			invitations = Number(res.numUpdatedRows);
		}
		const auditEvents = Number(events.numDeletedRows);
		if (auditEvents + invitations === 0) return 0;
		await recordAudit({ organizationId: o.organizationId, actor: 'SOS', action: 'retention_applied', details: { auditEvents, invitations } }, trx);
		return auditEvents + invitations;
	});
}
