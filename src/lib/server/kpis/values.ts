import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import type { KpiSource } from '$lib/server/db/schema';
import { recordAudit } from '$lib/server/audit/record';
import { ValidationError } from '$lib/server/errors';
import { parse } from '$lib/server/validation';
import { kpiValuesInput } from './input';
import { assertMayManageKpis } from './policy';
import { resolveValues, type Lookup } from './resolve';
import { writeValues, type WriteCounts } from './write-values';

/** What names in a value can point at: the organization's KPIs that take values, units and people. */
export async function lookupOf(organizationId: string, executor: Db): Promise<Lookup> {
	const [kpis, units, people] = await Promise.all([
		executor
			.selectFrom('kpis')
			.select(['id', 'key', sql<boolean>`definition->'rollup'->>'kind' = 'ratio'`.as('ratio')])
			.where('organization_id', '=', organizationId)
			.where('archived_at', 'is', null)
			.execute(),
		executor.selectFrom('units').select('id').where('organization_id', '=', organizationId).execute(),
		executor.selectFrom('users').select(['id', 'email']).where('organization_id', '=', organizationId).execute()
	]);
	return {
		kpis: new Map(kpis.map((k) => [k.key, { id: k.id, ratio: k.ratio }])),
		units: new Set(units.map((u) => u.id)),
		people: new Map(people.map((p) => [p.email, p.id]))
	};
}

/**
 * Writes plans and actuals (the API's idempotent upsert; the import and the board's form use it too):
 * all or nothing — with any row wrong, nothing is written and each wrong row is named. Serialized per
 * organization, audited once with the counts.
 */
export async function upsertKpiValues(
	opts: { organizationId: string; actor: Actor; source: KpiSource; input: unknown },
	executor: Db = db()
): Promise<WriteCounts> {
	assertMayManageKpis(opts.actor, opts.organizationId);
	const { values: rows } = parse(kpiValuesInput, opts.input);
	const { organizationId } = opts;
	return executor.transaction().execute(async (trx) => {
		await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`kpis:${organizationId}`}, 0))`.execute(trx);
		const { values, errors } = resolveValues(rows, await lookupOf(organizationId, trx));
		if (errors.length > 0) {
			const details = errors.slice(0, 100).map((e) => ({ path: `values.${e.index}`, message: e.message }));
			const more = errors.length > 100 ? ` (the first 100 are listed)` : '';
			throw new ValidationError(`${errors.length} of ${rows.length} values have errors${more}; nothing was written.`, details);
		}
		const counts = await writeValues(trx, { organizationId, values, by: opts.actor.label.slice(0, 320), source: opts.source });
		await recordAudit({ organizationId, actor: opts.actor.label, action: 'kpi_values_written', target: opts.source, details: { ...counts } }, trx);
		return counts;
	});
}
