import { parse } from 'csv-parse/sync';
import { ValidationError } from '$lib/server/errors';

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
	return prefix.every((b, i) => bytes[i] === b);
}

/** Rejects bytes that are clearly not a UTF-8 text file, then decodes them (without a BOM). */
function decodeCsv(bytes: Uint8Array): string {
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
		throw new ValidationError('The file is an Excel workbook, not a CSV file. Upload it with the .xlsx extension.');
	}
	if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
		throw new ValidationError('The file is an old-format Excel file, not a CSV file. Save it as .xlsx or as CSV UTF-8.');
	}
	if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
		throw new ValidationError('The CSV file is saved as UTF-16. Save it as "CSV UTF-8" and upload it again.');
	}
	const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
	if (body.includes(0)) throw new ValidationError('The file is not a text (CSV) file.');
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(body);
	} catch {
		throw new ValidationError(
			'The CSV file is not UTF-8 encoded (letters such as å, ä, ö would be garbled). In Excel choose "CSV UTF-8" when saving, or upload the .xlsx file.'
		);
	}
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

/** Reads a CSV file as raw cell texts, row by row; index 0 is line/record 1. */
export function readCsvCells(bytes: Uint8Array, maxRows: number, tooManyRows: () => never): string[][] {
	const text = decodeCsv(bytes);
	let records: string[][];
	try {
		records = parse(text, {
			delimiter: detectDelimiter(text),
			relax_column_count: true,
			relax_quotes: true,
			skip_empty_lines: false,
			bom: true
		}) as string[][];
	} catch (err) {
		const detail = err instanceof Error ? err.message : String(err);
		throw new ValidationError(`The CSV file could not be read: ${detail.slice(0, 300)}`);
	}
	let nonBlank = 0;
	for (const r of records) if (r.some((c) => c.trim() !== '') && ++nonBlank > maxRows) tooManyRows();
	return records;
}
