import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { recordAudit } from '$lib/server/audit/record';
import { ValidationError } from '$lib/server/errors';
import { loosen } from '$lib/server/imports/text';
import { flattenTree } from '$lib/server/units/tree';
import { listKpis } from './definitions';
import { mapKpiFile, pathText, type Naming, type RowError } from './import-map';
import { readKpiFileOnce } from './import-once';
import { assertMayManageKpis } from './policy';
import { resolveValues } from './resolve';
import { lookupOf } from './values';
import { countWrites, writeValues, type WriteCounts } from './write-values';

/** Errors listed in a result; the rest are counted. */
const SHOWN_ERRORS = 200;

export interface KpiImportResult {
	mode: 'preview' | 'apply';
	fileName: string;
	/** Non-blank data rows, rows without a plan or an actual (skipped), and values to write. */
	rows: number;
	skipped: number;
	values: number;
	/** Rows with at least one error, and the first errors in row order. */
	errorRows: number;
	errors: RowError[];
	/** Columns of the file that were not read (the first 10). */
	ignored: string[];
	/** What applying writes (preview) or wrote (apply); null when a row has an error and nothing is written. */
	counts: WriteCounts | null;
}

async function namingOf(organizationId: string, executor: Db): Promise<Naming> {
	const [kpis, units] = await Promise.all([
		listKpis({ organizationId }, executor),
		executor.selectFrom('units').select(['id', 'parent_id as parentId', 'name']).where('organization_id', '=', organizationId).execute()
	]);
	const unitNames = new Map<string, string[]>();
	for (const u of units) {
		const k = u.name.trim().toLowerCase();
		unitNames.set(k, [...(unitNames.get(k) ?? []), u.id]);
	}
	return {
		kpis: new Map(kpis.flatMap((k) => [loosen(k.definition.names.sv), loosen(k.definition.names.en), loosen(k.key), k.key].map((n) => [n, k.key]))),
		unitPaths: new Map(flattenTree(units).map((r) => [pathText(r.path), r.unit.id])),
		unitNames
	};
}

/**
 * Previews or applies a file of plans and actuals (one row per KPI, unit or person, and month). Both
 * modes read and check the same way inside one transaction under the organization's KPI lock; a
 * preview counts what applying would write (new, changed, unchanged, corrections) with the same match
 * and writes nothing. A file with any wrong row writes nothing and names each row. The page posts the file twice
 * (preview, then apply) rather than keeping it: nothing of an upload is stored until it is applied.
 */
export async function importKpiValues(
	opts: { organizationId: string; actor: Actor; fileName: string; bytes: Uint8Array; mode: 'preview' | 'apply' },
	executor: Db = db()
): Promise<KpiImportResult> {
	assertMayManageKpis(opts.actor, opts.organizationId);
	const { organizationId, fileName, mode } = opts;
	const file = await readKpiFileOnce({ ...opts, organizationId });
	return executor.transaction().execute(async (trx) => {
		await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`kpis:${organizationId}`}, 0))`.execute(trx);
		const [naming, lookup] = await Promise.all([namingOf(organizationId, trx), lookupOf(organizationId, trx)]);
		const mapped = mapKpiFile(file, naming);
		if (mapped.missing.length > 0)
			throw new ValidationError(`The file has no column ${mapped.missing.join(', ')}. Row 1 must name the columns: kpi, unit or person, month, plan, actual.`);
		const resolved = resolveValues(mapped.values, lookup, (i) => `row ${mapped.rowOf[i]}`);
		const errors = [...mapped.errors, ...resolved.errors.map((e) => ({ row: mapped.rowOf[e.index], message: e.message }))].sort((a, b) => a.row - b.row);
		const result: KpiImportResult = {
			mode,
			fileName,
			rows: mapped.rows,
			skipped: mapped.skipped,
			values: mapped.values.length,
			errorRows: new Set(errors.map((e) => e.row)).size,
			errors: errors.slice(0, SHOWN_ERRORS),
			ignored: mapped.ignored,
			counts: null
		};
		if (errors.length > 0) return result;
		if (resolved.values.length === 0) throw new ValidationError('The file has no plan or actual to import.');
		if (mode === 'preview') return { ...result, counts: await countWrites(trx, { organizationId, values: resolved.values }) };
		result.counts = await writeValues(trx, { organizationId, values: resolved.values, by: opts.actor.label.slice(0, 320), source: 'import' });
		await recordAudit(
			{
				organizationId,
				actor: opts.actor.label,
				action: 'kpi_values_written',
				target: 'import',
				details: { ...result.counts, file: fileName.slice(0, 200) }
			},
			trx
		);
		return result;
	});
}
