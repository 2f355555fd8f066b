import { z } from 'zod';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { ValidationError } from '$lib/server/errors';
import { parse } from '$lib/server/validation';
import { recordAudit } from '$lib/server/audit/record';
import { day, prose } from '$lib/server/actions/input';
import { assertMayManageKpis } from './policy';

/** What the executive team decided the sales organization works to. */
export const agendaInput = z.strictObject({
	decidedOn: day,
	decidedBy: prose(300).min(1, 'Name who decided, e.g. the executive team or its members'),
	kpis: z.array(z.string().max(40)).max(30).default([]),
	priorities: prose(4000).default(''),
	reporting: prose(4000).default('')
});

export interface AgendaRow {
	id: string;
	decidedOn: string;
	decidedBy: string;
	kpis: string[];
	priorities: string;
	reporting: string;
	recordedBy: string;
	recordedAt: Date;
}

/** The agenda in force first, then its history (newest decision first). Anyone in the organization may read it. */
export async function listAgendas(opts: { organizationId: string }, executor: Db = db()): Promise<AgendaRow[]> {
	return executor
		.selectFrom('sales_agendas')
		.select([
			'id',
			'decided_on as decidedOn',
			'decided_by as decidedBy',
			'kpi_keys as kpis',
			'priorities',
			'reporting',
			'recorded_by as recordedBy',
			'recorded_at as recordedAt'
		])
		.where('organization_id', '=', opts.organizationId)
		.orderBy('decided_on', 'desc')
		.orderBy('recorded_at', 'desc')
		.execute();
}

/** Records a decision of the executive team on the sales agenda (admins), naming KPIs of the organization only. */
export async function recordAgenda(opts: { organizationId: string; actor: Actor; input: unknown }, executor: Db = db()): Promise<AgendaRow> {
	assertMayManageKpis(opts.actor, opts.organizationId);
	const input = parse(agendaInput, opts.input);
	const known = new Set(
		(await executor.selectFrom('kpis').select('key').where('organization_id', '=', opts.organizationId).where('archived_at', 'is', null).execute()).map(
			(k) => k.key
		)
	);
	const unknown = input.kpis.filter((k) => !known.has(k));
	if (unknown.length)
		throw new ValidationError(`kpis: Not KPIs of your organization: ${unknown.join(', ')}.`, [{ path: 'kpis', message: 'Choose KPIs of your organization' }]);
	const row = await executor
		.insertInto('sales_agendas')
		.values({
			organization_id: opts.organizationId,
			decided_on: input.decidedOn,
			decided_by: input.decidedBy,
			kpi_keys: [...new Set(input.kpis)],
			priorities: input.priorities,
			reporting: input.reporting,
			recorded_by: opts.actor.label.slice(0, 320)
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await recordAudit({ organizationId: opts.organizationId, actor: opts.actor.label, action: 'sales_agenda_recorded', target: input.decidedOn }, executor);
	return (await listAgendas(opts, executor)).find((a) => a.id === row.id)!;
}
