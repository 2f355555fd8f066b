import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '$lib/server/errors';
import { parseUserFile } from './parse';
import { csvBytes, HEADER, userRow, xlsxBytes } from '$tests/import-files';

const anna = userRow({ name: 'Anna Lindqvist', email: 'anna@example.com', language: 'sv' });

async function rejects(fileName: string, bytes: Uint8Array, message: RegExp) {
	const err = await parseUserFile({ fileName, bytes }).catch((e: unknown) => e);
	expect(err).toBeInstanceOf(ValidationError);
	expect((err as Error).message).toMatch(message);
}

/** A minimal zip archive with the given entries, stored or deflated, with sizes as declared. */
function zip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Uint8Array {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const e of entries) {
		const packed = deflateRawSync(e.data);
		const name = Buffer.from(e.name);
		const size = e.declaredSize ?? e.data.length;
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(8, 8);
		local.writeUInt32LE(packed.length, 18);
		local.writeUInt32LE(size, 22);
		local.writeUInt16LE(name.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(8, 10);
		central.writeUInt32LE(packed.length, 20);
		central.writeUInt32LE(size, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, name, packed);
		centrals.push(central, name);
		offset += 30 + name.length + packed.length;
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

describe('parseUserFile: xlsx', () => {
	it('reads header and rows as trimmed strings', async () => {
		const bytes = await xlsxBytes([
			HEADER,
			['  Anna Lindqvist ', ' anna@example.com', 'sv', 'Nordics', 'Stockholm', 'Team North', 'sales_person', 'participant']
		]);
		const parsed = await parseUserFile({ fileName: 'Users.XLSX', bytes });
		expect(parsed.header).toEqual(HEADER);
		expect(parsed.rows).toEqual([anna]);
	});

	it('gives rich text, hyperlinks and formula results as text, and never evaluates formulas', async () => {
		const bytes = await xlsxBytes([
			['name', 'email', 'note', 'number'],
			[
				{ richText: [{ text: 'Anna ' }, { text: 'Lindqvist', font: { bold: true } }] },
				{ text: 'anna@example.com', hyperlink: 'mailto:anna@example.com' },
				{ formula: '1+1', result: 'cached' },
				{ formula: 'A1&B1' }
			],
			[42, { error: '#N/A' }, { sharedFormula: 'C2', result: 7 }, new Date(Date.UTC(2024, 0, 31))]
		]);
		const parsed = await parseUserFile({ fileName: 'u.xlsx', bytes });
		expect(parsed.rows[0]).toEqual(['Anna Lindqvist', 'anna@example.com', 'cached']);
		expect(parsed.rows[1]).toEqual(['42', '#N/A', '7', '2024-01-31']);
	});

	it('keeps blank rows in the middle so row numbers stay true, and drops trailing ones', async () => {
		const bytes = await xlsxBytes([HEADER, anna, [], [], anna, [], []]);
		const parsed = await parseUserFile({ fileName: 'u.xlsx', bytes });
		expect(parsed.rows).toHaveLength(4);
		expect(parsed.rows[1]).toEqual([]);
		expect(parsed.rows[3]).toEqual(anna);
	});

	it('reads the first sheet when the workbook has an Instructions sheet after it', async () => {
		const bytes = await xlsxBytes([HEADER, anna], { sheets: ['Users', 'Instructions'] });
		expect((await parseUserFile({ fileName: 'u.xlsx', bytes })).rows).toEqual([anna]);
	});

	it('skips hidden sheets before the user list', async () => {
		const workbook = new ExcelJS.Workbook();
		workbook.addWorksheet('Lookup', { state: 'hidden' }).addRow(['not', 'users']);
		const sheet = workbook.addWorksheet('Users');
		for (const row of [HEADER, anna]) sheet.addRow(row);
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		expect((await parseUserFile({ fileName: 'u.xlsx', bytes })).rows).toEqual([anna]);
	});

	it('rejects a text file named .xlsx, a damaged workbook and a zip that is not a workbook', async () => {
		await rejects('u.xlsx', csvBytes('name,email\nA,a@example.com\n'), /not a readable Excel workbook/);
		const good = await xlsxBytes([HEADER, anna]);
		await rejects('u.xlsx', good.slice(0, Math.floor(good.length / 2)), /Excel workbook/);
		await rejects('u.xlsx', zip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]), /not a readable Excel workbook/);
	});

	it('rejects a zip bomb: an entry that unpacks past its declared size, or a huge declared size', async () => {
		const big = Buffer.alloc(20 * 1024 * 1024, 0x41);
		const liar = zip([
			{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
			{ name: 'xl/workbook.xml', data: big, declaredSize: 1000 }
		]);
		expect(liar.length).toBeLessThan(100_000);
		await rejects('bomb.xlsx', liar, /not a readable Excel workbook/);
		const honest = zip([
			{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
			...Array.from({ length: 8 }, (_, i) => ({ name: i === 0 ? 'xl/workbook.xml' : `xl/x${i}.xml`, data: big }))
		]);
		await rejects('bomb.xlsx', honest, /too large when unpacked/);
	});

	it('rejects a workbook without a header row or without data rows', async () => {
		await rejects('u.xlsx', await xlsxBytes([[], anna]), /no header row/);
		await rejects('u.xlsx', await xlsxBytes([HEADER]), /no users/);
		await rejects('u.xlsx', await xlsxBytes([]), /empty/);
	});
});

describe('parseUserFile: csv', () => {
	it('detects comma and semicolon delimiters, strips the BOM and reads UTF-8', async () => {
		const comma = await parseUserFile({
			fileName: 'u.csv',
			bytes: csvBytes(`${HEADER.join(',')}\r\nÅsa Öberg,asa@example.com,sv,"Nordics, East",Malmö,Team Ä,säljare,deltagare\r\n`, { bom: true })
		});
		expect(comma.header[0]).toBe('name');
		expect(comma.rows[0]).toEqual(['Åsa Öberg', 'asa@example.com', 'sv', 'Nordics, East', 'Malmö', 'Team Ä', 'säljare', 'deltagare']);
		const semi = await parseUserFile({ fileName: 'u.csv', bytes: csvBytes(`${HEADER.join(';')}\n${anna.join(';')}\n`) });
		expect(semi.rows).toEqual([anna]);
	});

	it('keeps quoted line breaks inside a cell and treats <script> as plain data', async () => {
		const parsed = await parseUserFile({ fileName: 'u.csv', bytes: csvBytes('name,email\n"<script>alert(1)</script>\nx",a@example.com\n') });
		expect(parsed.rows[0][0]).toBe('<script>alert(1)</script>\nx');
	});

	it('rejects empty files, non-UTF-8 text, binary content and workbooks named .csv', async () => {
		await rejects('u.csv', new Uint8Array(0), /empty/);
		await rejects('u.csv', csvBytes('\n\n  \n'), /empty/);
		await rejects('u.csv', new Uint8Array(Buffer.from('name,email\nM\xe5ns,m@example.com\n', 'latin1')), /not UTF-8/);
		await rejects('u.csv', new Uint8Array([0x6e, 0x00, 0x61, 0x00]), /not a text/);
		await rejects('u.csv', await xlsxBytes([HEADER]), /Excel workbook/);
		await rejects('u.csv', csvBytes('name,email\n"unclosed,a@example.com\n'), /could not be read/);
	});

	it('rejects files over 10 MB and more than 50,000 rows', async () => {
		await rejects('u.csv', new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61), /larger than 10 MB/);
		const lines = ['name,email', ...Array.from({ length: 50_001 }, (_, i) => `U${i},u${i}@example.com`)];
		await rejects('u.csv', csvBytes(lines.join('\n')), /more than 50,000 user rows/);
		const ok = await parseUserFile({ fileName: 'u.csv', bytes: csvBytes(lines.slice(0, 50_001).join('\n')) });
		expect(ok.rows).toHaveLength(50_000);
	});
});

describe('parseUserFile: file types', () => {
	it('rejects unknown and old formats by name with a clear message', async () => {
		await rejects('users.pdf', csvBytes('x'), /Upload an Excel \(\.xlsx\) or CSV/);
		await rejects('users', csvBytes('x'), /Upload an Excel/);
		await rejects('users.xls', csvBytes('x'), /\.xls format is not supported/);
	});
});
