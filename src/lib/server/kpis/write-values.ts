import { sql, type Transaction } from 'kysely';
import type { Database, KpiSource } from '$lib/server/db/schema';
import type { ResolvedValue } from './resolve';

export interface WriteCounts {
	created: number;
	updated: number;
	unchanged: number;
	/** Values already entered that this write changed (kept in kpi_value_changes). */
	corrections: number;
}

const MATCH = sql`v.organization_id = i.organization_id AND v.kpi_id = i.kpi_id AND v.month = i.month
	AND ((i.unit_id IS NOT NULL AND v.unit_id = i.unit_id) OR (i.user_id IS NOT NULL AND v.user_id = i.user_id))`;

/**
 * Upserts resolved values in the caller's transaction (which holds the organization's KPI lock): each
 * given field is set, an omitted one kept; a value that changes one already entered is kept as a
 * correction with who, when and how. Writing the same values again changes nothing.
 */
export async function writeValues(
	trx: Transaction<Database>,
	opts: { organizationId: string; values: readonly ResolvedValue[]; by: string; source: KpiSource }
): Promise<WriteCounts> {
	const v = opts.values;
	const given = (x: string | null | undefined) => x !== undefined;
	await sql`
		CREATE TEMP TABLE kpi_input ON COMMIT DROP AS
		SELECT ${opts.organizationId}::uuid AS organization_id, t.* FROM unnest(
			${v.map((x) => x.kpiId)}::uuid[], ${v.map((x) => x.unitId)}::uuid[], ${v.map((x) => x.userId)}::uuid[], ${v.map((x) => x.month)}::date[],
			${v.map((x) => x.plan ?? null)}::numeric[], ${v.map((x) => x.actual ?? null)}::numeric[],
			${v.map((x) => given(x.plan))}::bool[], ${v.map((x) => given(x.actual))}::bool[]
		) AS t(kpi_id, unit_id, user_id, month, plan, actual, has_plan, has_actual)`.execute(trx);
	const corrections = await sql`
		INSERT INTO kpi_value_changes (organization_id, kpi_id, unit_id, user_id, month, field, before, after, source, changed_by)
		SELECT i.organization_id, i.kpi_id, i.unit_id, i.user_id, i.month, c.field, c.before, c.after, ${opts.source}, ${opts.by}
		FROM kpi_input i JOIN kpi_values v ON ${MATCH}
		CROSS JOIN LATERAL (VALUES ('plan', i.has_plan, v.plan, i.plan), ('actual', i.has_actual, v.actual, i.actual)) AS c(field, has, before, after)
		WHERE c.has AND c.before IS NOT NULL AND c.before IS DISTINCT FROM c.after`.execute(trx);
	const updated = await sql`
		UPDATE kpi_values v SET
			plan = CASE WHEN i.has_plan AND v.plan IS DISTINCT FROM i.plan THEN i.plan ELSE v.plan END,
			actual = CASE WHEN i.has_actual AND v.actual IS DISTINCT FROM i.actual THEN i.actual ELSE v.actual END,
			updated_by = ${opts.by}, updated_at = now()
		FROM kpi_input i
		WHERE ${MATCH} AND v.organization_id = ${opts.organizationId}::uuid
			AND ((i.has_plan AND v.plan IS DISTINCT FROM i.plan) OR (i.has_actual AND v.actual IS DISTINCT FROM i.actual))`.execute(trx);
	const created = await sql`
		INSERT INTO kpi_values (organization_id, kpi_id, unit_id, user_id, month, plan, actual, updated_by)
		SELECT i.organization_id, i.kpi_id, i.unit_id, i.user_id, i.month, i.plan, i.actual, ${opts.by}
		FROM kpi_input i WHERE NOT EXISTS (SELECT 1 FROM kpi_values v WHERE ${MATCH})`.execute(trx);
	const n = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0n);
	return { created: n(created), updated: n(updated), unchanged: v.length - n(created) - n(updated), corrections: n(corrections) };
}
