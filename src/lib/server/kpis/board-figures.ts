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
 * Weighted KPIs join their base's value of the same member and month. Ratio KPIs have no values: they
 * come from their summed parts. Months stay apart so that year-to-date can take only the months with
 * both a plan and an actual, as the reference does.
 */
export async function boardFigures(opts: { organizationId: string; unitId: string | null; year: number }, executor: Db = db()): Promise<FigureRow[]> {
	const { organizationId: org, unitId, year } = opts;
	const from = `${String(year).padStart(4, '0')}-01-01`;
	const to = `${String(year + 1).padStart(4, '0')}-01-01`;
	const seed = unitId === null ? sql`parent_id IS NULL` : sql`parent_id = ${unitId}::uuid`;
	const ownRow = unitId === null ? sql`` : sql`UNION ALL SELECT false, ${unitId}::uuid, ${unitId}::uuid`;
	const here = unitId === null ? sql`p.unit_id IS NULL` : sql`p.unit_id = ${unitId}::uuid`;
	const { rows } = await sql<FigureRow>`
		WITH RECURSIVE tree (id, row_id) AS (
			SELECT id, id FROM units WHERE organization_id = ${org}::uuid AND ${seed}
			UNION ALL
			SELECT u.id, t.row_id FROM units u JOIN tree t ON u.parent_id = t.id WHERE u.organization_id = ${org}::uuid
		),
		owners (is_person, owner_id, row_id) AS (
			SELECT false, id, row_id FROM tree
			${ownRow}
			UNION ALL
			SELECT true, p.id, coalesce(t.row_id, p.id)
			FROM users p LEFT JOIN tree t ON t.id = p.unit_id
			WHERE p.organization_id = ${org}::uuid AND (t.id IS NOT NULL OR ${here})
		),
		kpi AS (
			SELECT k.id, k.definition->'rollup'->>'kind' AS kind, b.id AS base_id
			FROM kpis k LEFT JOIN kpis b ON b.organization_id = k.organization_id AND b.key = k.definition->'rollup'->>'base'
			WHERE k.organization_id = ${org}::uuid AND k.archived_at IS NULL AND k.definition->'rollup'->>'kind' IN ('sum', 'weighted')
		),
		facts AS MATERIALIZED (
			SELECT o.row_id, v.kpi_id, v.month, o.owner_id, o.is_person, v.plan, v.actual
			FROM kpi_values v JOIN owners o ON o.owner_id = coalesce(v.unit_id, v.user_id) AND o.is_person = (v.user_id IS NOT NULL)
			WHERE v.organization_id = ${org}::uuid AND v.month >= ${from}::date AND v.month < ${to}::date
		)
		SELECT
			CASE WHEN grouping(f.row_id) = 0 THEN f.row_id END AS "rowId",
			f.kpi_id AS "kpiId",
			extract(month FROM f.month)::int AS month,
			sum(f.plan) FILTER (WHERE k.kind = 'sum')::text AS plan,
			sum(f.actual) FILTER (WHERE k.kind = 'sum')::text AS actual,
			sum(f.plan * b.plan)::text AS "planWeighted",
			sum(b.plan) FILTER (WHERE f.plan IS NOT NULL)::text AS "planBase",
			sum(f.actual * b.actual)::text AS "actualWeighted",
			sum(b.actual) FILTER (WHERE f.actual IS NOT NULL)::text AS "actualBase"
		FROM facts f
		JOIN kpi k ON k.id = f.kpi_id
		LEFT JOIN facts b ON k.kind = 'weighted' AND b.kpi_id = k.base_id AND b.month = f.month AND b.owner_id = f.owner_id AND b.is_person = f.is_person
		GROUP BY GROUPING SETS ((f.row_id, f.kpi_id, f.month), (f.kpi_id, f.month))
	`.execute(executor);
	return rows;
}
