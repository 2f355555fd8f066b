import { isUtf8 } from 'node:buffer';
import { ValidationError } from '$lib/server/errors';

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
	return prefix.every((b, i) => bytes[i] === b);
}

/** Rejects bytes that are clearly not a UTF-8 text file; gives the bytes after any BOM. */
function checkCsv(bytes: Uint8Array): Buffer {
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
		throw new ValidationError('The file is an Excel workbook, not a CSV file. Upload it with the .xlsx extension.');
	}
	if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
		throw new ValidationError('The file is an old-format Excel file, not a CSV file. Save it as .xlsx or as CSV UTF-8.');
	}
	if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
		throw new ValidationError('The CSV file is saved as UTF-16. Save it as "CSV UTF-8" and upload it again.');
	}
	const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? all.subarray(3) : all;
	if (body.includes(0)) throw new ValidationError('The file is not a text (CSV) file.');
	if (!isUtf8(body)) {
		throw new ValidationError(
			'The CSV file is not UTF-8 encoded (letters such as å, ä, ö would be garbled). In Excel choose "CSV UTF-8" when saving, or upload the .xlsx file.'
		);
	}
	return body;
}

/** Picks `;` or `,` (or tab) by counting them outside quotes in the first line. */
export function detectDelimiter(text: string): string {
	const counts = new Map<string, number>([
		[',', 0],
		[';', 0],
		['\t', 0]
	]);
	let quoted = false;
	for (const ch of text) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted && (ch === '\n' || ch === '\r')) break;
		else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
	}
	let best = ',';
	for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
	return best;
}

/** Excel's last row: a CSV with users further down is not a user list. */
const MAX_ROW_NUMBER = 1_048_576;
const EMPTY: string[] = [];

export interface CsvLimits {
	/** More non-blank records than this call `tooManyRows()`, which throws; reading stops there. */
	maxRows: number;
	maxColumns: number;
	/** More cells (up to the last filled one of each row) than this call `tooManyCells()`, which throws. */
	maxCells: number;
	tooManyRows: () => never;
	tooManyCells: () => never;
}

function unreadable(detail: string): never {
	throw new ValidationError(`The CSV file could not be read: ${detail}`);
}

/**
 * The records of a CSV text, one at a time (RFC 4180): `""` is a quote inside a quoted cell, a quote
 * inside an unquoted cell is kept as it is, and \r\n, \n or \r ends a record; an empty line is a
 * record of one empty cell. (csv-parse, used before, builds an error object for every record shorter
 * or longer than the first, ~0.1 ms each: a file of blank lines cost minutes.)
 */
function* csvRecords(text: string, delimiter: string, maxColumns: number): Generator<string[]> {
	const n = text.length;
	let i = 0;
	let record = 0;
	while (i < n) {
		record++;
		const cells: string[] = [];
		// Empty cells past the last column are dropped as they come, so a line of commas costs nothing.
		const add = (cell: string) => {
			if (cells.length < maxColumns) cells.push(cell);
			else if (cell.trim() !== '') throw new ValidationError(`Line ${record} has more than ${maxColumns} columns; the user list needs far fewer.`);
		};
		for (;;) {
			if (text[i] === '"') {
				let cell = '';
				let from = ++i;
				for (;;) {
					const q = text.indexOf('"', i);
					if (q < 0) unreadable(`the quoted cell in record ${record} is never closed.`);
					if (text[q + 1] === '"') {
						cell += text.slice(from, q + 1);
						from = i = q + 2;
						continue;
					}
					cell += text.slice(from, q);
					i = q + 1;
					break;
				}
				if (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
					unreadable(`a quoted cell in record ${record} has text after its closing quote.`);
				}
				add(cell);
			} else {
				let end = i;
				while (end < n && text[end] !== delimiter && text[end] !== '\n' && text[end] !== '\r') end++;
				add(text.slice(i, end));
				i = end;
			}
			if (i < n && text[i] === delimiter) i++;
			else break;
		}
		if (text[i] === '\r') i++;
		if (text[i] === '\n') i++;
		yield cells;
	}
}

/**
 * Reads a CSV file as raw cell texts, record by record; index 0 is line/record 1. Stops at the row
 * limit, and lets other requests run every few thousand records; blank records only count as places
 * (trailing ones are never kept).
 */
export async function readCsvCells(bytes: Uint8Array, limits: CsvLimits): Promise<string[][]> {
	const text = checkCsv(bytes).toString('utf8');
	const delimiter = detectDelimiter(text.slice(0, 64 * 1024));
	const out: string[][] = [];
	let record = 0;
	let nonBlank = 0;
	let cellCount = 0;
	for (const cells of csvRecords(text, delimiter, limits.maxColumns)) {
		if (++record % 5000 === 0) await new Promise((resolve) => setImmediate(resolve));
		if (cells.every((c) => c.trim() === '')) continue;
		if (++nonBlank > limits.maxRows) limits.tooManyRows();
		if (record > MAX_ROW_NUMBER)
			throw new ValidationError(`The file has users past line ${MAX_ROW_NUMBER.toLocaleString('en-US')}; remove the empty lines above them.`);
		while (cells[cells.length - 1].trim() === '') cells.pop();
		if ((cellCount += cells.length) > limits.maxCells) limits.tooManyCells();
		while (out.length < record - 1) out.push(EMPTY);
		out.push(cells);
	}
	return out;
}
