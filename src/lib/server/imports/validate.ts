import { resolveColumns } from './columns';
import { checkRow, type CheckedRow } from './row';
import { unitPathKey } from './text';
import type { ExistingUser, ImportCounts, ImportPreview, ImportRecord, PreviewRow } from './types';

/** How many rows with errors, and how many other rows, the preview keeps in detail. */
export const DETAIL_LIMIT = 1000;

export interface ValidateUserRowsOptions {
	header: readonly string[];
	/** rows[i] is spreadsheet row i + 2; blank rows are skipped. */
	rows: readonly (readonly string[])[];
	/** The organization's level names, top level first. */
	levels: readonly string[];
	/** Existing users of the organization, keyed by lower-case email. */
	existingUsers: ReadonlyMap<string, ExistingUser>;
	/** Every existing unit as its path of names, top level first. */
	existingUnitPaths: readonly (readonly string[])[];
}

export interface ValidationOutcome {
	preview: ImportPreview;
	/** The rows without errors, normalized, in file order (apply writes them only when no row has errors). */
	records: ImportRecord[];
}

function markDuplicates(checked: CheckedRow[]): void {
	const byEmail = new Map<string, number[]>();
	for (const { row } of checked) {
		if (row.email === '') continue;
		const list = byEmail.get(row.email);
		if (list) list.push(row.rowNumber);
		else byEmail.set(row.email, [row.rowNumber]);
	}
	for (const { row } of checked) {
		const all = byEmail.get(row.email);
		if (!all || all.length < 2) continue;
		const others = all.filter((n) => n !== row.rowNumber);
		const shown = others.slice(0, 5).join(', ') + (others.length > 5 ? ', …' : '');
		row.errors.push(`Email also on row${others.length > 1 ? 's' : ''} ${shown}`);
	}
}

function findNewUnits(records: readonly ImportRecord[], existing: readonly (readonly string[])[]): string[][] {
	const known = new Set(existing.map(unitPathKey));
	const fresh = new Map<string, string[]>();
	for (const r of records) {
		for (let depth = 1; depth <= r.unitPath.length; depth++) {
			const path = r.unitPath.slice(0, depth);
			const key = unitPathKey(path);
			if (!known.has(key) && !fresh.has(key)) fresh.set(key, path);
		}
	}
	return [...fresh.values()].sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')));
}

function pickDetail(rows: PreviewRow[]): { detail: PreviewRow[]; errorRows: number; otherRows: number } {
	const detail: PreviewRow[] = [];
	let errorsKept = 0;
	let othersKept = 0;
	let errorRows = 0;
	let otherRows = 0;
	for (const row of rows) {
		if (row.errors.length > 0) {
			if (errorsKept++ < DETAIL_LIMIT) detail.push(row);
			else errorRows++;
		} else if (row.action !== 'unchanged' || row.notes.length > 0) {
			if (othersKept++ < DETAIL_LIMIT) detail.push(row);
			else otherRows++;
		}
	}
	return { detail, errorRows, otherRows };
}

/**
 * Checks every row of an import file against the organization's levels and existing users and
 * describes what applying it would do. Pure: no I/O. Throws ValidationError for a missing column.
 */
export function validateUserRows(opts: ValidateUserRowsOptions): ValidationOutcome {
	const columns = resolveColumns({ header: opts.header, levels: opts.levels });
	const ctx = { columns, levels: opts.levels, existingUsers: opts.existingUsers };
	const checked: CheckedRow[] = [];
	opts.rows.forEach((cells, i) => {
		if (cells.every((c) => c === '')) return;
		checked.push(checkRow(ctx, cells, i + 2));
	});
	markDuplicates(checked);

	const records = checked.filter((c) => c.row.errors.length === 0).map((c) => c.record);
	const newUnits = findNewUnits(records, opts.existingUnitPaths);
	const counts: ImportCounts = {
		rows: checked.length,
		creates: records.filter((r) => r.action === 'create').length,
		updates: records.filter((r) => r.action === 'update').length,
		unchanged: records.filter((r) => r.action === 'unchanged').length,
		errors: checked.length - records.length,
		newUnits: newUnits.length
	};
	const { detail, errorRows, otherRows } = pickDetail(checked.map((c) => c.row));
	const preview: ImportPreview = {
		levels: [...opts.levels],
		warnings: columns.warnings,
		counts,
		newUnits: newUnits.slice(0, DETAIL_LIMIT),
		rows: detail,
		omitted: { errorRows, otherRows, newUnits: Math.max(0, newUnits.length - DETAIL_LIMIT) }
	};
	return { preview, records };
}
