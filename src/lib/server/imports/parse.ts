import { ValidationError } from '$lib/server/errors';
import { readCsvCells } from './parse-csv';
import { readXlsxCells } from './parse-xlsx';
import { wellFormed } from './text';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_DATA_ROWS = 50_000;
export const MAX_COLUMNS = 200;
/**
 * Cells up to the last filled one of each row, over the whole file: at the row limit, 13 per row (every
 * template column with eight unit levels). With the row limit and the zip guard's part caps, this is what
 * bounds the memory one import can take.
 */
export const MAX_CELLS = 650_000;

export interface ParsedUserFile {
	/** Column names from spreadsheet row 1, trimmed. */
	header: string[];
	/** Data rows; rows[i] is spreadsheet row i + 2. Blank rows are kept (as empty arrays) so numbers stay true. */
	rows: string[][];
}

function tooManyRows(): never {
	throw new ValidationError(
		`The file has more than ${MAX_DATA_ROWS.toLocaleString('en-US')} user rows. Split it into smaller files and import them one after another.`
	);
}

function tooManyCells(): never {
	throw new ValidationError(
		`The file has more than ${MAX_CELLS.toLocaleString('en-US')} filled cells. Keep only the user list columns (name, email, language, units, job role, user type), or split it into smaller files.`
	);
}

function extensionOf(fileName: string): string {
	const dot = fileName.lastIndexOf('.');
	return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function cleanCell(raw: string, rowNumber: number): string {
	if (raw.includes('\u0000')) throw new ValidationError(`Row ${rowNumber} contains a NUL character; the file looks damaged.`);
	return wellFormed(raw.trim());
}

function cleanRow(cells: string[], rowNumber: number): string[] {
	if (cells.length === 0) return cells; // blank rows share one empty array
	const out = cells.map((c) => cleanCell(c ?? '', rowNumber));
	while (out.length > 0 && out[out.length - 1] === '') out.pop();
	return out;
}

async function readCells(fileName: string, bytes: Uint8Array): Promise<string[][]> {
	const ext = extensionOf(fileName);
	// The header row counts too; reading stops at the first row past the limit.
	const limits = { maxRows: MAX_DATA_ROWS + 1, maxColumns: MAX_COLUMNS, maxCells: MAX_CELLS, tooManyRows, tooManyCells };
	if (ext === 'xlsx') return readXlsxCells(bytes, limits);
	if (ext === 'csv') return readCsvCells(bytes, limits);
	if (ext === 'xls' || ext === 'xlsm' || ext === 'xlsb' || ext === 'ods' || ext === 'numbers') {
		throw new ValidationError(`The .${ext} format is not supported. Save the file as an Excel Workbook (.xlsx) or as CSV UTF-8 and upload it again.`);
	}
	throw new ValidationError(`Upload an Excel (.xlsx) or CSV (.csv) file; '${fileName.slice(0, 80)}' is neither.`);
}

/**
 * Reads an uploaded .xlsx or .csv user list into trimmed cell texts. Throws ValidationError on any
 * unusable file, and on a file with more than MAX_DATA_ROWS users: both formats are read as a stream
 * that stops at the limit, so a huge file costs no more memory than a file at the limit.
 */
export async function parseUserFile(opts: { fileName: string; bytes: Uint8Array }): Promise<ParsedUserFile> {
	const { fileName, bytes } = opts;
	if (bytes.byteLength === 0) throw new ValidationError('The file is empty.');
	if (bytes.byteLength > MAX_FILE_BYTES) {
		throw new ValidationError('The file is larger than 10 MB. Remove other sheets, pictures and formatting, or split it into smaller files.');
	}
	const rows = await readCells(fileName, bytes);
	for (let i = 0; i < rows.length; i++) rows[i] = cleanRow(rows[i], i + 1); // in place: the raw cells are not kept twice
	while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
	if (rows.length === 0) throw new ValidationError('The file is empty.');
	const header = rows[0];
	if (header.length === 0) {
		throw new ValidationError('The file has no header row: the first row must hold the column names (name, email, …).');
	}
	if (header.length > MAX_COLUMNS) throw new ValidationError(`The file has more than ${MAX_COLUMNS} columns; the user list needs far fewer.`);
	const data = rows.slice(1);
	if (data.length === 0) throw new ValidationError('The file has column names but no users below them.');
	return { header, rows: data };
}
