import ExcelJS from 'exceljs';
import { ValidationError } from '$lib/server/errors';
import { assertSafeXlsx } from './zip-guard';

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

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
	assertSafeXlsx(bytes);
	const workbook = new ExcelJS.Workbook();
	try {
		const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		await workbook.xlsx.load(data as unknown as ArrayBuffer);
	} catch {
		throw new ValidationError('The workbook could not be read. Open it in Excel, save it again as .xlsx and upload it again.');
	}
	return workbook;
}

const EMPTY: string[] = [];

/**
 * Reads the first visible sheet as raw cell texts, row by row; index 0 is spreadsheet row 1.
 * Stops with `tooManyRows()` as soon as more than `maxRows` non-blank rows are seen.
 */
export async function readXlsxCells(bytes: Uint8Array, maxRows: number, tooManyRows: () => never): Promise<string[][]> {
	const workbook = await loadWorkbook(bytes);
	const sheet = workbook.worksheets.find((s) => s.state === 'visible') ?? workbook.worksheets[0];
	if (!sheet) throw new ValidationError('The workbook has no sheets.');
	const out: string[][] = [];
	let seen = 0;
	sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
		if (++seen > maxRows) tooManyRows();
		const cells: string[] = [];
		row.eachCell({ includeEmpty: false }, (cell, col) => {
			cells[col - 1] = cellText(cell.value);
		});
		for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
		out[rowNumber - 1] = cells;
	});
	for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = EMPTY;
	return out;
}
