import { ValidationError } from '$lib/server/errors';
import { MAX_FILE_BYTES } from '$lib/server/imports/parse';
import { readCsvCells } from '$lib/server/imports/parse-csv';
import { readXlsxCells } from '$lib/server/imports/parse-xlsx';
import { wellFormed } from '$lib/server/imports/text';
import { MAX_VALUES } from './input';

/** A KPI file has six columns; a few more (a CRM's own) are tolerated and ignored. */
const MAX_COLUMNS = 30;
const MAX_CELLS = (MAX_VALUES + 1) * 8;

export interface KpiFile {
	header: string[];
	/** rows[i] is spreadsheet row i + 2; blank rows are kept (as empty arrays) so numbers stay true. */
	rows: string[][];
}

function tooManyRows(): never {
	throw new ValidationError(`The file has more than ${MAX_VALUES.toLocaleString('en-US')} rows. Split it into smaller files (by month, for example).`);
}

function tooManyCells(): never {
	throw new ValidationError('The file has too many filled cells. Keep only the columns kpi, unit or person, month, plan and actual.');
}

/**
 * Reads an uploaded .xlsx (first visible sheet) or .csv KPI file into trimmed cell texts, with the user
 * import's streaming readers (the zip guard, the row and cell limits, UTF-8 checks) and this file's limits.
 */
export async function readKpiFile(opts: { fileName: string; bytes: Uint8Array }): Promise<KpiFile> {
	const { fileName, bytes } = opts;
	if (bytes.byteLength === 0) throw new ValidationError('The file is empty.');
	if (bytes.byteLength > MAX_FILE_BYTES) throw new ValidationError('The file is larger than 10 MB. Split it into smaller files (by month, for example).');
	const ext = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
	const limits = { maxRows: MAX_VALUES + 1, maxColumns: MAX_COLUMNS, maxCells: MAX_CELLS, tooManyRows, tooManyCells };
	let cells: string[][];
	if (ext === 'xlsx') cells = await readXlsxCells(bytes, limits);
	else if (ext === 'csv') cells = await readCsvCells(bytes, limits);
	else throw new ValidationError(`Upload an Excel (.xlsx) or CSV (.csv) file; '${fileName.slice(0, 80)}' is neither.`);
	for (let i = 0; i < cells.length; i++) {
		const row = cells[i];
		if (row.length === 0) continue;
		for (let j = 0; j < row.length; j++) {
			const c = row[j] ?? '';
			if (c.includes('\u0000')) throw new ValidationError(`Row ${i + 1} contains a NUL character; the file looks damaged.`);
			row[j] = wellFormed(c.trim());
		}
		while (row.length > 0 && row[row.length - 1] === '') row.pop();
	}
	while (cells.length > 0 && cells[cells.length - 1].length === 0) cells.pop();
	if (cells.length === 0 || cells[0].length === 0)
		throw new ValidationError('The file has no header row: the first row must name the columns (kpi, unit, month, plan, actual).');
	if (cells.length === 1) throw new ValidationError('The file has column names but no rows below them.');
	return { header: cells[0], rows: cells.slice(1) };
}
