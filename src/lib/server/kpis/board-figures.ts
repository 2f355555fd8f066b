import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';

/**
 * One row of the board's roll-up: a row of the board (a child unit's subtree, the chosen unit's own
 * figures, a person in it) or the total (`rowId` null), one KPI, one month of the year. Decimal strings
 * as PostgreSQL's numeric gives them (exact); null where no member has the figure.
 */
export interface FigureRow {
	rowId: string | null;
	kpiId: string;
	/** 1–12. */
	month: number;
	/** Σ value (summed KPIs). */
	plan: string | null;
	actual: string | null;
	/** Σ value × base and Σ base over the members that have both (weighted KPIs). */
	planWeighted: string | null;
	planBase: string | null;
	actualWeighted: string | null;
	actualBase: string | null;
}

/**
 * The board's figures for the chosen unit (null: the organization's top) and a calendar year, rolled up
 * by the database in one query (docs/kpis.md, "In SQL"): a recursive walk gives each unit below the
 * chosen one the child it rolls up into; every value (a unit's own figure, or a person's, counted at the
 * person's unit) is summed into that child's row, the chosen unit's own figures into an own row (its id),
 * and the people of the chosen unit into a row each (their user id). GROUPING SETS adds the total.
 * Weighted KPIs join their base's value of the same member and month (`kpis` says which KPI is which:
 * the caller has them already). Ratio KPIs have no values: they come from their summed parts. Months stay apart so that year-to-date can take only the months with
 * both a plan and an actual, as the reference does.
 */
export interface FigureKpi {
	id: string;
	rollup: { kind: 'sum' } | { kind: 'weighted'; baseId: string } | { kind: 'ratio' };
}

export async function boardFigures(
	opts: { organizationId: string; unitId: string | null; year: number; kpis: FigureKpi[]; subtree?: string[] },
	executor: Db = db()
): Promise<FigureRow[]> {
	const { organizationId: org, unitId, year } = opts;
	const sums = opts.kpis.filter((k) => k.rollup.kind === 'sum').map((k) => k.id);
	const weighted = opts.kpis.flatMap((k) => (k.rollup.kind === 'weighted' ? [{ id: k.id, baseId: k.rollup.baseId }] : []));
	const parts = [...new Set(weighted.flatMap((w) => [w.id, w.baseId]))];
	const from = `${String(year).padStart(4, '0')}-01-01`;
	const to = `${String(year + 1).padStart(4, '0')}-01-01`;
	const seed = unitId === null ? sql`parent_id IS NULL` : sql`parent_id = ${unitId}::uuid`;
	const ownRow = unitId === null ? sql`` : sql`UNION ALL SELECT ${unitId}::uuid, ${unitId}::uuid`;
	// Below the top, the units of the subtree (the caller has them) let the index find their values instead of the organization's.
	const ids = opts.kpis.filter((k) => k.rollup.kind !== 'ratio').map((k) => k.id);
	const within = opts.subtree ? sql`AND v.kpi_id = ANY(${ids}::uuid[]) AND v.unit_id = ANY(${opts.subtree}::uuid[])` : sql``;
	const here = unitId === null ? sql`p.unit_id IS NULL` : sql`p.unit_id = ${unitId}::uuid`;
	const { rows } = await sql<FigureRow>`
		WITH RECURSIVE tree (id, row_id) AS (
			SELECT id, id FROM units WHERE organization_id = ${org}::uuid AND ${seed}
			UNION ALL
			SELECT u.id, t.row_id FROM units u JOIN tree t ON u.parent_id = t.id WHERE u.organization_id = ${org}::uuid
		),
		unit_rows (unit_id, row_id) AS (
			SELECT id, row_id FROM tree
			${ownRow}
		),
		person_rows (user_id, row_id) AS (
			SELECT p.id, coalesce(t.row_id, p.id)
			FROM users p LEFT JOIN tree t ON t.id = p.unit_id
			WHERE p.organization_id = ${org}::uuid AND (t.id IS NOT NULL OR ${here})
		),
		member_values AS NOT MATERIALIZED (
			SELECT r.row_id, v.kpi_id, v.month, v.unit_id AS owner_id, false AS is_person, v.plan, v.actual
			FROM kpi_values v JOIN unit_rows r ON r.unit_id = v.unit_id
			WHERE v.organization_id = ${org}::uuid AND v.month >= ${from}::date AND v.month < ${to}::date ${within}
			UNION ALL
			SELECT r.row_id, v.kpi_id, v.month, v.user_id, true, v.plan, v.actual
			FROM kpi_values v JOIN person_rows r ON r.user_id = v.user_id
			WHERE v.organization_id = ${org}::uuid AND v.month >= ${from}::date AND v.month < ${to}::date
		),
		parts AS MATERIALIZED (
			SELECT m.* FROM member_values m WHERE m.kpi_id = ANY(${parts}::uuid[])
		),
		per_row AS (
			SELECT m.row_id, m.kpi_id, m.month, sum(m.plan) AS plan, sum(m.actual) AS actual,
				NULL::numeric AS plan_weighted, NULL::numeric AS plan_base, NULL::numeric AS actual_weighted, NULL::numeric AS actual_base
			FROM member_values m WHERE m.kpi_id = ANY(${sums}::uuid[])
			GROUP BY m.row_id, m.kpi_id, m.month
			UNION ALL
			SELECT w.row_id, w.kpi_id, w.month, NULL, NULL,
				sum(w.plan * b.plan), sum(b.plan) FILTER (WHERE w.plan IS NOT NULL),
				sum(w.actual * b.actual), sum(b.actual) FILTER (WHERE w.actual IS NOT NULL)
			FROM parts w
			JOIN unnest(${weighted.map((x) => x.id)}::uuid[], ${weighted.map((x) => x.baseId)}::uuid[]) AS k (id, base_id) ON k.id = w.kpi_id
			LEFT JOIN parts b ON b.kpi_id = k.base_id AND b.month = w.month AND b.owner_id = w.owner_id AND b.is_person = w.is_person
			GROUP BY w.row_id, w.kpi_id, w.month
		)
		SELECT
			CASE WHEN grouping(row_id) = 0 THEN row_id END AS "rowId",
			kpi_id AS "kpiId",
			extract(month FROM month)::int AS month,
			sum(plan)::text AS plan,
			sum(actual)::text AS actual,
			sum(plan_weighted)::text AS "planWeighted",
			sum(plan_base)::text AS "planBase",
			sum(actual_weighted)::text AS "actualWeighted",
			sum(actual_base)::text AS "actualBase"
		FROM per_row
		GROUP BY GROUPING SETS ((row_id, kpi_id, month), (kpi_id, month))
	`.execute(executor);
	return rows;
}
