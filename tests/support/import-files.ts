import ExcelJS from 'exceljs';
import { constants as zlibConstants, crc32, deflateRawSync } from 'node:zlib';

/** Test and benchmark helpers: build import files in memory. Not used by the application. */

export const HEADER = ['name', 'email', 'language', 'business_area', 'region', 'team', 'job_role', 'user_type'];

export async function xlsxBytes(rows: ExcelJS.CellValue[][], opts: { sheets?: string[] } = {}): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	for (const name of opts.sheets ?? []) workbook.addWorksheet(name);
	const sheet = opts.sheets?.length ? workbook.worksheets[0] : workbook.addWorksheet('Users');
	for (const row of rows) sheet.addRow(row);
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function csvBytes(text: string, opts: { bom?: boolean } = {}): Uint8Array {
	const body = Buffer.from(text, 'utf8');
	return new Uint8Array(opts.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body);
}

/** A user row in the default three-level layout. */
export function userRow(p: { name: string; email: string; language?: string; units?: string[]; jobRole?: string; userType?: string }): string[] {
	const units = p.units ?? ['Nordics', 'Stockholm', 'Team North'];
	return [p.name, p.email, p.language ?? 'en', units[0] ?? '', units[1] ?? '', units[2] ?? '', p.jobRole ?? 'sales_person', p.userType ?? 'participant'];
}

/**
 * A zip archive of deflated entries, each given as pieces of text so that a big part is never one
 * string in memory (each piece is deflated on its own and flushed; the stream is finished at the end).
 */
export function zipOfPieces(entries: { name: string; pieces: Iterable<string> }[]): Uint8Array {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const e of entries) {
		const packed: Buffer[] = [];
		let crc = 0;
		let size = 0;
		for (const piece of e.pieces) {
			const data = Buffer.from(piece, 'utf8');
			crc = crc32(data, crc);
			size += data.length;
			packed.push(deflateRawSync(data, { finishFlush: zlibConstants.Z_SYNC_FLUSH }));
		}
		packed.push(deflateRawSync(Buffer.alloc(0)));
		const body = Buffer.concat(packed);
		const name = Buffer.from(e.name);
		const header = (central: boolean) => {
			const b = Buffer.alloc(central ? 46 : 30);
			const at = central ? 2 : 0; // the central record has "version made by" before the shared fields
			b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
			b.writeUInt16LE(20, 4 + at);
			b.writeUInt16LE(8, 8 + at);
			b.writeUInt32LE(crc >>> 0, 14 + at);
			b.writeUInt32LE(body.length, 18 + at);
			b.writeUInt32LE(size, 22 + at);
			b.writeUInt16LE(name.length, 26 + at);
			if (central) b.writeUInt32LE(offset, 42);
			return b;
		};
		locals.push(header(false), name, body);
		centrals.push(header(true), name);
		offset += 30 + name.length + body.length;
	}
	const cd = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(cd.length, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A minimal .xlsx as Excel lays it out, with one sheet of `rows` rows of `cellsPerRow` cells each
 * made by `cell(row, column)` (a shared string index), and the given shared strings. Built in pieces,
 * so a million rows take little memory here and little space zipped (the hostile file of issue 10).
 */
export function plainXlsx(opts: { rows: number; strings: Iterable<string>; cell: (row: number, col: number) => number; cellsPerRow?: number }): Uint8Array {
	const perRow = opts.cellsPerRow ?? 1;
	const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
	function* sheet() {
		yield `${XML}<worksheet ${NS}><sheetData>`;
		for (let from = 1; from <= opts.rows; from += 10_000) {
			let part = '';
			for (let r = from; r < Math.min(from + 10_000, opts.rows + 1); r++) {
				part += `<row r="${r}">`;
				for (let c = 0; c < perRow; c++) part += `<c r="${letters[c]}${r}" t="s"><v>${opts.cell(r, c)}</v></c>`;
				part += '</row>';
			}
			yield part;
		}
		yield '</sheetData></worksheet>';
	}
	function* sharedStrings(strings: Iterable<string>) {
		yield `${XML}<sst ${NS}>`;
		let part = '';
		for (const s of strings) {
			part += `<si><t>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></si>`;
			if (part.length > 64 * 1024) {
				yield part;
				part = '';
			}
		}
		yield `${part}</sst>`;
	}
	return zipOfPieces([
		{
			name: '[Content_Types].xml',
			pieces: [
				`${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`
			]
		},
		{
			name: '_rels/.rels',
			pieces: [
				`${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
			]
		},
		{ name: 'xl/workbook.xml', pieces: [`${XML}<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="Users" sheetId="1" r:id="rId1"/></sheets></workbook>`] },
		{
			name: 'xl/_rels/workbook.xml.rels',
			pieces: [
				`${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
			]
		},
		{ name: 'xl/worksheets/sheet1.xml', pieces: sheet() },
		{ name: 'xl/sharedStrings.xml', pieces: sharedStrings(opts.strings) }
	]);
}

/** The hostile file of issue 10: a million tiny rows (one short text each) in a few hundred KB. */
export function millionTinyRowsXlsx(rows = 1_000_000): Uint8Array {
	return plainXlsx({ rows, strings: ['x'], cell: () => 0 });
}
