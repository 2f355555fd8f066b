import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { isLocale } from '$lib/i18n';
import { parse } from '$lib/server/validation';
import { recordAudit } from '$lib/server/audit/record';
import { unitResults } from '$lib/server/results/unit-results';
import { exportInput } from './input';
import { getExport, type ExportView } from './read';
import { requesterKey } from './requester';
import { ConflictError } from '$lib/server/errors';

/** Exports one requester may have waiting or being made at a time. */
export const MAX_PENDING = 3;

/**
 * Asks for a report export. The unit and round are checked now with the same rules as the report page
 * (404 for what the caller may not see); the file is made in the background (runExport) with the
 * caller's rights at that time. Audit-logged.
 */
export async function requestExport(opts: { actor: Actor; input: unknown }, executor: Db = db()): Promise<ExportView> {
	const input = parse(exportInput, opts.input);
	const m = opts.actor.membership;
	const locale = input.lang ?? (m && isLocale(m.language) ? m.language : 'en');
	const choice = { compare: input.compare, statistic: input.statistic };
	const checked = await unitResults({ actor: opts.actor, roundId: input.roundId, unitId: input.unitId, locale, choice }, executor);
	const org = m!.organizationId;
	const by = requesterKey(opts.actor);
	const pending = await executor
		.selectFrom('report_exports')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('organization_id', '=', org)
		.where('requested_by', '=', by)
		.where('status', 'in', ['queued', 'running'])
		.executeTakeFirstOrThrow();
	if (Number(pending.n) >= MAX_PENDING)
		throw new ConflictError('too_many_exports', `You have ${MAX_PENDING} exports being made already. Wait until one of them is ready.`);
	const row = await executor
		.insertInto('report_exports')
		.values({
			organization_id: org,
			requested_by: by,
			format: input.format,
			round_id: input.roundId,
			unit_key: input.unitId,
			options: JSON.stringify({ ...choice, locale, ...(input.layout === 'wide' ? { layout: 'wide' } : {}) }),
			email_when_ready: input.emailWhenReady
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await recordAudit(
		{
			organizationId: org,
			actor: opts.actor.label,
			action: 'report_exported',
			target: `${checked.unit.name} · ${checked.round.name}`,
			details: { format: input.format, ...(input.layout === 'wide' ? { layout: 'wide' } : {}) }
		},
		executor
	);
	return getExport({ actor: opts.actor, exportId: row.id }, executor);
}

/** Asks for the link by email when the export is ready (if it is ready already, the page offers the download). */
export async function emailWhenReady(opts: { actor: Actor; exportId: string }, executor: Db = db()): Promise<ExportView> {
	const e = await getExport(opts, executor);
	await executor
		.updateTable('report_exports')
		.set({ email_when_ready: true })
		.where('organization_id', '=', opts.actor.membership!.organizationId)
		.where('id', '=', e.id)
		.where('status', 'in', ['queued', 'running'])
		.execute();
	return getExport(opts, executor);
}
