import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Database, KpiSource } from '$lib/server/db/schema';
import type { ResolvedValue } from './resolve';
import { markKpisChanged } from './alarm-checks';

/** From this many values on, a write is planned as a bulk one (see below). */
const BIG = 1000;

export interface WriteCounts {
	created: number;
	updated: number;
	unchanged: number;
	/** Values already entered that this write changed (kept in kpi_value_changes). */
	corrections: number;
}

/**
 * The stored value an input names: the same KPI, month and owner. Exactly one of unit and person is set
 * on both sides (the table's check, resolve.ts), so the owner is compared as one column: equalities
 * only, which a hash join can take (an OR between the two cannot be hashed).
 */
const MATCH = sql`v.organization_id = i.organization_id AND v.kpi_id = i.kpi_id AND v.month = i.month
	AND coalesce(v.unit_id, v.user_id) = coalesce(i.unit_id, i.user_id) AND (v.unit_id IS NULL) = (i.unit_id IS NULL)`;
/** A matched value that the input changes. */
const CHANGES = sql`((i.has_plan AND v.plan IS DISTINCT FROM i.plan) OR (i.has_actual AND v.actual IS DISTINCT FROM i.actual))`;

interface Input {
	/** The stored values the input can match: the organization's, in the input's months (an index range, not the whole history). */
	stored: RawBuilder<unknown>;
	/** Drops the table and ends the bulk planning. */
	done: () => Promise<unknown>;
}

/**
 * The values as the temporary table kpi_input, and the stored values they can match.
 *
 * A big write joins by hashing, always: kpi_values' statistics lag behind a big import (autovacuum
 * analyzes later), and with them the planner picks a nested loop or a merge on part of the key, which
 * is quadratic (100,000 corrections took minutes). Compiling the plans (JIT) costs more than it saves.
 */
async function loadInput(trx: Transaction<Database>, organizationId: string, v: readonly ResolvedValue[]): Promise<Input> {
	const given = (x: string | null | undefined) => x !== undefined;
	await sql`
		CREATE TEMP TABLE kpi_input ON COMMIT DROP AS
		SELECT ${organizationId}::uuid AS organization_id, t.* FROM unnest(
			${v.map((x) => x.kpiId)}::uuid[], ${v.map((x) => x.unitId)}::uuid[], ${v.map((x) => x.userId)}::uuid[], ${v.map((x) => x.month)}::date[],
			${v.map((x) => x.plan ?? null)}::numeric[], ${v.map((x) => x.actual ?? null)}::numeric[],
			${v.map((x) => given(x.plan))}::bool[], ${v.map((x) => given(x.actual))}::bool[]
		) AS t(kpi_id, unit_id, user_id, month, plan, actual, has_plan, has_actual)`.execute(trx);
	let [first, last] = [v[0]?.month, v[0]?.month];
	for (const x of v) [first, last] = [x.month < first ? x.month : first, x.month > last ? x.month : last];
	const stored = sql`v.organization_id = ${organizationId}::uuid AND v.month BETWEEN ${first}::date AND ${last}::date`;
	if (v.length < BIG) return { stored, done: async () => sql`DROP TABLE kpi_input`.execute(trx) };
	await sql`ANALYZE kpi_input`.execute(trx); // a temporary table has no statistics of its own
	await sql`SELECT set_config('enable_nestloop', 'off', true), set_config('enable_mergejoin', 'off', true), set_config('jit', 'off', true)`.execute(trx);
	return { stored, done: async () => sql`DROP TABLE kpi_input; RESET enable_nestloop; RESET enable_mergejoin; RESET jit`.execute(trx) };
}

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
	const { stored, done } = await loadInput(trx, opts.organizationId, v);
	const corrections = await sql`
		INSERT INTO kpi_value_changes (organization_id, kpi_id, unit_id, user_id, month, field, before, after, source, changed_by)
		SELECT i.organization_id, i.kpi_id, i.unit_id, i.user_id, i.month, c.field, c.before, c.after, ${opts.source}, ${opts.by}
		FROM kpi_input i JOIN kpi_values v ON ${MATCH} AND ${stored}
		CROSS JOIN LATERAL (VALUES ('plan', i.has_plan, v.plan, i.plan), ('actual', i.has_actual, v.actual, i.actual)) AS c(field, has, before, after)
		WHERE c.has AND c.before IS NOT NULL AND c.before IS DISTINCT FROM c.after`.execute(trx);
	const updated = await sql`
		UPDATE kpi_values v SET
			plan = CASE WHEN i.has_plan AND v.plan IS DISTINCT FROM i.plan THEN i.plan ELSE v.plan END,
			actual = CASE WHEN i.has_actual AND v.actual IS DISTINCT FROM i.actual THEN i.actual ELSE v.actual END,
			updated_by = ${opts.by}, updated_at = now()
		FROM kpi_input i
		WHERE ${MATCH} AND ${stored} AND ${CHANGES}`.execute(trx);
	const created = await sql`
		INSERT INTO kpi_values (organization_id, kpi_id, unit_id, user_id, month, plan, actual, updated_by)
		SELECT i.organization_id, i.kpi_id, i.unit_id, i.user_id, i.month, i.plan, i.actual, ${opts.by}
		FROM kpi_input i WHERE NOT EXISTS (SELECT 1 FROM kpi_values v WHERE ${MATCH} AND ${stored})`.execute(trx);
	await done();
	const n = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0n);
	// The owners' alarm digest grades the board again (alarm-checks.ts).
	if (n(created) + n(updated) > 0) await markKpisChanged(opts.organizationId, trx);
	return { created: n(created), updated: n(updated), unchanged: v.length - n(created) - n(updated), corrections: n(corrections) };
}

/** What `writeValues` would do with these values, counted the same way (the import's preview); writes nothing. */
export async function countWrites(trx: Transaction<Database>, opts: { organizationId: string; values: readonly ResolvedValue[] }): Promise<WriteCounts> {
	const { stored, done } = await loadInput(trx, opts.organizationId, opts.values);
	const { rows } = await sql<{ created: number; updated: number; corrections: number }>`
		SELECT count(*) FILTER (WHERE v.kpi_id IS NULL)::int AS created,
			count(*) FILTER (WHERE v.kpi_id IS NOT NULL AND ${CHANGES})::int AS updated,
			coalesce(sum((i.has_plan AND v.plan IS NOT NULL AND v.plan IS DISTINCT FROM i.plan)::int
				+ (i.has_actual AND v.actual IS NOT NULL AND v.actual IS DISTINCT FROM i.actual)::int), 0)::int AS corrections
		FROM kpi_input i LEFT JOIN kpi_values v ON ${MATCH} AND ${stored}`.execute(trx);
	await done();
	const { created, updated, corrections } = rows[0];
	return { created, updated, unchanged: opts.values.length - created - updated, corrections };
}
