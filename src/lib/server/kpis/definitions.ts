import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { recordAudit } from '$lib/server/audit/record';
import { parse } from '$lib/server/validation';
import { kpiDefinition, kpiSet, type KpiDefinition } from '$lib/kpis/definition';
import { STARTER_KPIS } from '$lib/kpis/starter';
import { assertMayManageKpis } from './policy';
import { kpiOwnerIds } from './owners';
import { markKpisChanged } from './alarm-checks';

export interface KpiRow {
	id: string;
	key: string;
	definition: KpiDefinition;
	position: number;
	/** Who owns the KPI (hears of its new alarms); null: no one. */
	owner: { id: string; email: string; name: string } | null;
}

/** The organization's KPIs in order (archived ones only when asked for: their values are kept). */
export async function listKpis(opts: { organizationId: string; archived?: boolean }, executor: Db = db()): Promise<KpiRow[]> {
	const rows = await executor
		.selectFrom('kpis as k')
		.leftJoin('users as o', (j) => j.onRef('o.organization_id', '=', 'k.organization_id').onRef('o.id', '=', 'k.owner_id'))
		.select(['k.id', 'k.key', 'k.definition', 'k.position', 'o.id as ownerId', 'o.email as ownerEmail', 'o.name as ownerName'])
		.where('k.organization_id', '=', opts.organizationId)
		.$if(!opts.archived, (q) => q.where('k.archived_at', 'is', null))
		.orderBy('k.position')
		.orderBy('k.key')
		.execute();
	return rows.map(({ ownerId, ownerEmail, ownerName, ...r }) => ({
		...r,
		definition: kpiDefinition.parse(r.definition),
		owner: ownerId ? { id: ownerId, email: ownerEmail!, name: ownerName! } : null
	}));
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
		const owners = await kpiOwnerIds(organizationId, set, trx);
		for (const [position, { owner: _, ...def }] of set.entries()) {
			const ownerId = owners.get(position);
			await trx
				.insertInto('kpis')
				.values({ organization_id: organizationId, key: def.key, definition: JSON.stringify(def), position, owner_id: ownerId ?? null })
				.onConflict((oc) =>
					oc.columns(['organization_id', 'key']).doUpdateSet({
						definition: JSON.stringify(def),
						position,
						archived_at: null,
						updated_at: sql`now()`,
						...(ownerId !== undefined && { owner_id: ownerId })
					})
				)
				.execute();
		}
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
		await markKpisChanged(organizationId, trx);
	});
	return listKpis({ organizationId }, executor);
}

/** Starts an organization on the starter set (order intake, sales, margin, …) when it has no KPIs yet. */
export async function installStarterKpis(opts: { organizationId: string; actor: Actor }, executor: Db = db()): Promise<KpiRow[]> {
	const existing = await listKpis({ organizationId: opts.organizationId, archived: true }, executor);
	if (existing.length > 0) return listKpis({ organizationId: opts.organizationId }, executor);
	return saveKpiSet({ ...opts, definitions: STARTER_KPIS }, executor);
}
