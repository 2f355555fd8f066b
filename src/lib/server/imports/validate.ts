import { ATTRIBUTE_PREFIX, resolveColumns } from './columns';
import { checkRow, type CheckedRow } from './row';
import { quote, unitPathKey } from './text';
import type { ExistingUser, ImportCounts, ImportPreview, ImportRecord, PreviewRow } from './types';
import type { JobRoles } from './values';

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
	/** Existing units' attributes by unitPathKey(path); absent: none. */
	existingUnitAttributes?: ReadonlyMap<string, Readonly<Record<string, string>>>;
	/** The job roles the organization's models know (job-roles.ts). */
	jobRoles: JobRoles;
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

/** A unit takes one value per attribute: a later row giving the same unit another value is an error. */
function markAttributeConflicts(checked: CheckedRow[]): void {
	const first = new Map<string, { value: string; rowNumber: number }>();
	for (const { row, record } of checked) {
		const unit = unitPathKey(record.unitPath);
		for (const [key, value] of Object.entries(record.unitAttributes)) {
			const seen = first.get(`${unit}\u0000${key}`);
			if (!seen) first.set(`${unit}\u0000${key}`, { value, rowNumber: row.rowNumber });
			else if (seen.value !== value)
				row.errors.push(`${ATTRIBUTE_PREFIX}${key} ${quote(value)} differs from ${quote(seen.value)} on row ${seen.rowNumber} for the same unit`);
		}
	}
}

/** The attribute values applying would set or change, one line per unit and attribute. */
function attributeChanges(
	records: readonly ImportRecord[],
	existing: ReadonlyMap<string, Readonly<Record<string, string>>>
): { units: number; lines: string[] } {
	const lines = new Map<string, string>();
	const units = new Set<string>();
	for (const r of records) {
		const unit = unitPathKey(r.unitPath);
		for (const [key, value] of Object.entries(r.unitAttributes)) {
			if (existing.get(unit)?.[key] === value || lines.has(`${unit}\u0000${key}`)) continue;
			units.add(unit);
			const before = existing.get(unit)?.[key];
			lines.set(`${unit}\u0000${key}`, `${r.unitPath.join(' / ')}: ${key} ${before === undefined ? '' : `${quote(before)} → `}${quote(value)}`);
		}
	}
	return { units: units.size, lines: [...lines.values()] };
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
	const ctx = { columns, levels: opts.levels, existingUsers: opts.existingUsers, jobRoles: opts.jobRoles };
	const checked: CheckedRow[] = [];
	opts.rows.forEach((cells, i) => {
		if (cells.every((c) => c === '')) return;
		checked.push(checkRow(ctx, cells, i + 2));
	});
	markDuplicates(checked);
	markAttributeConflicts(checked);

	const records = checked.filter((c) => c.row.errors.length === 0).map((c) => c.record);
	const newUnits = findNewUnits(records, opts.existingUnitPaths);
	const attributes = attributeChanges(records, opts.existingUnitAttributes ?? new Map());
	const counts: ImportCounts = {
		rows: checked.length,
		creates: records.filter((r) => r.action === 'create').length,
		updates: records.filter((r) => r.action === 'update').length,
		unchanged: records.filter((r) => r.action === 'unchanged').length,
		errors: checked.length - records.length,
		newUnits: newUnits.length,
		unitAttributes: attributes.units
	};
	const { detail, errorRows, otherRows } = pickDetail(checked.map((c) => c.row));
	const preview: ImportPreview = {
		levels: [...opts.levels],
		warnings: columns.warnings,
		counts,
		newUnits: newUnits.slice(0, DETAIL_LIMIT),
		...(attributes.lines.length ? { unitAttributes: attributes.lines.slice(0, DETAIL_LIMIT) } : {}),
		rows: detail,
		omitted: { errorRows, otherRows, newUnits: Math.max(0, newUnits.length - DETAIL_LIMIT) }
	};
	return { preview, records };
}
