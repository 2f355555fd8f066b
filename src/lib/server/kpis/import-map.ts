/**
 * Turns the rows of a KPI file into `kpiValueInput` rows (pure): names to keys and ids, cells to
 * figures and months. What only the organization's data can tell (the KPI takes values, the person
 * exists, the same figure twice) is left to resolve.ts, which the API uses too; its errors come back
 * here by index and are named by spreadsheet row.
 */
import { loosen, quote } from '$lib/server/imports/text';
import { kpiValueInput, type KpiValueInput } from './input';
import { mapColumns, readFigure, readMonth } from './import-cells';
import type { KpiFile } from './import-read';

export interface RowError {
	/** Spreadsheet row number (the header is row 1). */
	row: number;
	message: string;
}

export interface Naming {
	/** Loosened key, English and Swedish name → key. */
	kpis: ReadonlyMap<string, string>;
	/** Lower-case unit path (levels joined by " / ") → id. */
	unitPaths: ReadonlyMap<string, string>;
	/** Lower-case unit name → ids (a name used by one unit may stand alone). */
	unitNames: ReadonlyMap<string, string[]>;
}

export interface MappedFile {
	values: KpiValueInput[];
	/** The row number of each value. */
	rowOf: number[];
	errors: RowError[];
	/** Non-blank data rows. */
	rows: number;
	/** Rows with neither plan nor actual (nothing to write). */
	skipped: number;
	/** Columns the file has that the import does not read (the first 10). */
	ignored: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEPARATOR = /\s+\/\s+|\s*›\s*|\s+>\s+/;
export const pathText = (names: readonly string[]) => names.map((n) => n.trim().toLowerCase()).join(' / ');

function unitIdOf(cell: string, naming: Naming): string | { error: string } {
	if (UUID.test(cell)) return cell.toLowerCase();
	const names = cell.split(SEPARATOR);
	const id = naming.unitPaths.get(pathText(names));
	if (id) return id;
	if (names.length === 1) {
		const ids = naming.unitNames.get(cell.toLowerCase()) ?? [];
		if (ids.length === 1) return ids[0];
		if (ids.length > 1) return { error: `${ids.length} units are called ${quote(cell)}: write the path, e.g. 'Nordics / ${cell.slice(0, 40)}'` };
	}
	return { error: `There is no unit ${quote(cell)} (write its path with ' / ' between the levels, e.g. 'Nordics / Stockholm')` };
}

function memo<T>(fn: (key: string) => T): (key: string) => T {
	const seen = new Map<string, T>();
	return (key) => {
		let v = seen.get(key);
		if (v === undefined && !seen.has(key)) seen.set(key, (v = fn(key)));
		return v as T;
	};
}

/** Maps the file; a file-level problem (a missing column) throws nothing here but comes back as `missing`. */
export function mapKpiFile(file: KpiFile, naming: Naming): MappedFile & { missing: string[] } {
	const { index, unknown, twice } = mapColumns(file.header);
	const missing = [
		...(index.kpi === undefined ? ['kpi'] : []),
		...(index.unit === undefined && index.person === undefined ? ['unit or person'] : []),
		...(index.month === undefined ? ['month'] : []),
		...(index.plan === undefined && index.actual === undefined ? ['plan or actual'] : []),
		...twice.map((c) => `${c} (only once)`)
	];
	const out: MappedFile & { missing: string[] } = { values: [], rowOf: [], errors: [], rows: 0, skipped: 0, ignored: unknown.slice(0, 10), missing };
	if (missing.length > 0) return out;
	const at = (cells: string[], i: number | undefined) => (i === undefined ? '' : (cells[i] ?? ''));
	// A file names the same few KPIs and units on every row: each name is looked up once.
	const kpiOf = memo((cell: string) => naming.kpis.get(loosen(cell)) ?? cell.slice(0, 40));
	const unitOf = memo((cell: string) => unitIdOf(cell, naming));
	file.rows.forEach((cells, i) => {
		if (cells.length === 0) return;
		const row = i + 2;
		out.rows++;
		const fail = (message: string) => out.errors.push({ row, message });
		const [kpiCell, unitCell, personCell, monthCell] = [at(cells, index.kpi), at(cells, index.unit), at(cells, index.person), at(cells, index.month)];
		const plan = readFigure(at(cells, index.plan));
		const actual = readFigure(at(cells, index.actual));
		if (plan === undefined && actual === undefined) return void out.skipped++;
		if (kpiCell === '') return fail('The kpi cell is empty');
		if ((unitCell === '') === (personCell === '')) return fail(unitCell === '' ? 'Fill in the unit or the person' : 'Fill in the unit or the person, not both');
		const month = readMonth(monthCell);
		if (!month) return fail(monthCell === '' ? 'The month is empty' : `${quote(monthCell)} is not a month: write it like 2026-03`);
		const unit = unitCell === '' ? undefined : unitOf(unitCell);
		if (typeof unit === 'object') return fail(unit.error);
		const kpi = kpiOf(kpiCell);
		const value = { kpi, month, ...(unit ? { unit } : { person: personCell.slice(0, 254) }), plan, actual };
		const parsed = kpiValueInput.safeParse(value);
		if (!parsed.success) return fail(parsed.error.issues.map((e) => `${e.path.join('.') || 'row'}: ${e.message}`).join('; '));
		out.values.push(parsed.data);
		out.rowOf.push(row);
	});
	return out;
}
