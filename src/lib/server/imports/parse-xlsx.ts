import ExcelJS from 'exceljs';
import { ValidationError } from '$lib/server/errors';
import { assertSafeXlsx } from './zip-guard';
import { xlsxReadingStream } from './xlsx-stream';

type Value = ExcelJS.CellValue;

function dateText(d: Date): string {
	const iso = d.toISOString();
	return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/**
 * The text a cell shows. Formulas are never evaluated: their cached result (if any) is used.
 * Rich text and hyperlinks give their visible text; error cells give their error code.
 */
export function cellText(value: Value): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return String(value);
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if (value instanceof Date) return dateText(value);
	if ('richText' in value) return value.richText.map((r) => r.text ?? '').join('');
	if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? '' : cellText(value.result);
	if ('error' in value) return value.error;
	if ('hyperlink' in value) return cellText(value.text as Value);
	return '';
}

const UNREADABLE = 'The workbook could not be read. Open it in Excel, save it again as .xlsx and upload it again.';
/** Excel's last row. */
const MAX_ROW_NUMBER = 1_048_576;
const EMPTY: string[] = [];

/** What the streaming reader gives per sheet (its typings leave out the name and state it sets). */
interface SheetReader extends AsyncIterable<ExcelJS.Row> {
	name?: string;
	state?: string;
}

export interface XlsxLimits {
	/** More non-blank rows than this call `tooManyRows()`, which throws; reading stops there. */
	maxRows: number;
	maxColumns: number;
	/** More cells (up to the last filled one of each row) than this call `tooManyCells()`, which throws. */
	maxCells: number;
	tooManyRows: () => never;
	tooManyCells: () => never;
}

async function readSheet(sheet: SheetReader, limits: XlsxLimits): Promise<string[][]> {
	const out: string[][] = [];
	let seen = 0;
	let cellCount = 0;
	for await (const row of sheet) {
		if (!Number.isInteger(row.number) || row.number < 1 || row.number > MAX_ROW_NUMBER) throw new ValidationError(UNREADABLE);
		if (!row.hasValues) continue;
		if (++seen > limits.maxRows) limits.tooManyRows();
		const cells: string[] = [];
		row.eachCell({ includeEmpty: false }, (cell, col) => {
			if (col > limits.maxColumns) {
				throw new ValidationError(`Row ${row.number} has cells past column ${limits.maxColumns}; the user list needs far fewer columns.`);
			}
			cells[col - 1] = cellText(cell.value);
		});
		if ((cellCount += cells.length) > limits.maxCells) limits.tooManyCells();
		for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
		for (let i = out.length; i < row.number - 1; i++) out.push(EMPTY);
		out[row.number - 1] = cells;
	}
	return out;
}

/**
 * Reads the first visible sheet as raw cell texts, row by row; index 0 is spreadsheet row 1.
 * Streams the sheet (ExcelJS's streaming reader on the checked archive) and stops with
 * `tooManyRows()` as soon as more than `maxRows` non-blank rows are seen, so memory stays bounded
 * by the row limit and the part caps of the zip guard, never by the size of the sheet.
 */
export async function readXlsxCells(bytes: Uint8Array, limits: XlsxLimits): Promise<string[][]> {
	const input = xlsxReadingStream(await assertSafeXlsx(bytes));
	const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
		sharedStrings: 'cache',
		worksheets: 'emit',
		hyperlinks: 'ignore',
		styles: 'cache', // for the number formats that tell a date from a number
		entries: 'ignore'
	});
	try {
		for await (const sheet of reader as AsyncIterable<SheetReader>) {
			if (sheet.state === 'hidden' || sheet.state === 'veryHidden') continue;
			return await readSheet(sheet, limits);
		}
	} catch (err) {
		if (err instanceof ValidationError) throw err;
		throw new ValidationError(UNREADABLE);
	} finally {
		input.destroy();
	}
	throw new ValidationError('The workbook has no visible sheet. Show the sheet with the users, save and upload it again.');
}
