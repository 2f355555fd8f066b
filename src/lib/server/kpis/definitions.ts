import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { recordAudit } from '$lib/server/audit/record';
import { parse } from '$lib/server/validation';
import { kpiDefinition, kpiSet, type KpiDefinition } from '$lib/kpis/definition';
import { STARTER_KPIS } from '$lib/kpis/starter';
import { assertMayManageKpis } from './policy';

export interface KpiRow {
	id: string;
	key: string;
	definition: KpiDefinition;
	position: number;
}

/** The organization's KPIs in order (archived ones only when asked for: their values are kept). */
export async function listKpis(opts: { organizationId: string; archived?: boolean }, executor: Db = db()): Promise<KpiRow[]> {
	const rows = await executor
		.selectFrom('kpis')
		.select(['id', 'key', 'definition', 'position'])
		.where('organization_id', '=', opts.organizationId)
		.$if(!opts.archived, (q) => q.where('archived_at', 'is', null))
		.orderBy('position')
		.orderBy('key')
		.execute();
	return rows.map((r) => ({ ...r, definition: kpiDefinition.parse(r.definition) }));
}

/**
 * Replaces the organization's KPI set (validated as a whole: parts exist and are summed, no cycles). A
 * KPI left out is archived, never deleted: its plans and actuals stay. In one transaction, audited.
 */
export async function saveKpiSet(opts: { organizationId: string; actor: Actor; definitions: unknown }, executor: Db = db()): Promise<KpiRow[]> {
	assertMayManageKpis(opts.actor, opts.organizationId);
	const set = parse(kpiSet, opts.definitions);
	const { organizationId } = opts;
	await executor.transaction().execute(async (trx) => {
		await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`kpis:${organizationId}`}, 0))`.execute(trx);
		for (const [position, def] of set.entries())
			await trx
				.insertInto('kpis')
				.values({ organization_id: organizationId, key: def.key, definition: JSON.stringify(def), position })
				.onConflict((oc) =>
					oc.columns(['organization_id', 'key']).doUpdateSet({ definition: JSON.stringify(def), position, archived_at: null, updated_at: sql`now()` })
				)
				.execute();
		await trx
			.updateTable('kpis')
			.set({ archived_at: sql`now()` })
			.where('organization_id', '=', organizationId)
			.where('archived_at', 'is', null)
			.where(
				'key',
				'not in',
				set.map((d) => d.key)
			)
			.execute();
		await recordAudit(
			{ organizationId, actor: opts.actor.label, action: 'kpis_saved', target: `${set.length} KPIs`, details: { keys: set.map((d) => d.key) } },
			trx
		);
	});
	return listKpis({ organizationId }, executor);
}

/** Starts an organization on the starter set (order intake, sales, margin, …) when it has no KPIs yet. */
export async function installStarterKpis(opts: { organizationId: string; actor: Actor }, executor: Db = db()): Promise<KpiRow[]> {
	const existing = await listKpis({ organizationId: opts.organizationId, archived: true }, executor);
	if (existing.length > 0) return listKpis({ organizationId: opts.organizationId }, executor);
	return saveKpiSet({ ...opts, definitions: STARTER_KPIS }, executor);
}
