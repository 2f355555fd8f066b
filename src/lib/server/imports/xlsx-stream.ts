import { Readable } from 'node:stream';
import { ValidationError } from '$lib/server/errors';
import { entryData, type CheckedXlsx, type ZipEntry } from './zip-guard';

const CHUNK = 64 * 1024;
const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const EMPTY_SHARED_STRINGS = Buffer.from('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');

function localHeader(name: Buffer, e: Pick<ZipEntry, 'flags' | 'method' | 'crc' | 'compressedSize' | 'size'>): Buffer {
	const b = Buffer.alloc(30);
	b.writeUInt32LE(0x04034b50, 0);
	b.writeUInt16LE(20, 4);
	b.writeUInt16LE(e.flags & 0x0800, 6); // only "names are UTF-8": sizes are known, nothing is encrypted
	b.writeUInt16LE(e.method, 8);
	b.writeUInt32LE(e.crc, 14);
	b.writeUInt32LE(e.compressedSize, 18);
	b.writeUInt32LE(e.size, 22);
	b.writeUInt16LE(name.length, 26);
	return b;
}

function* entryChunks(name: string, e: Pick<ZipEntry, 'flags' | 'method' | 'crc' | 'compressedSize' | 'size'>, data: Buffer): Generator<Buffer> {
	const nameBytes = Buffer.from(name, 'utf8');
	yield localHeader(nameBytes, e);
	yield nameBytes;
	for (let at = 0; at < data.length; at += CHUNK) yield data.subarray(at, at + CHUNK);
}

/**
 * The parts of a checked workbook that ExcelJS's streaming reader needs, as a zip stream in the order it
 * needs them: relations, workbook and shared strings first, so that it streams the sheets straight from
 * the upload instead of spilling them to temporary files, then the sheets by number. Pictures and other
 * parts are left out, so they are never unpacked. A workbook without shared strings gets an empty table.
 */
export function xlsxReadingStream(archive: CheckedXlsx): Readable {
	const byName = new Map(archive.entries.map((e) => [e.name, e]));
	const rels = byName.get('xl/_rels/workbook.xml.rels');
	if (!rels) throw new ValidationError('The file is not a readable Excel workbook (.xlsx). Open it in Excel and save it again as .xlsx, or export it as CSV.');
	const sheets = archive.entries.filter((e) => SHEET.test(e.name)).sort((a, b) => Number(SHEET.exec(a.name)![1]) - Number(SHEET.exec(b.name)![1]));
	const styles = byName.get('xl/styles.xml');
	const part = (e: ZipEntry) => ({ name: e.name, entry: e, data: entryData(archive.buf, e) });
	const emptyTable = { flags: 0, method: 0, crc: 0, compressedSize: EMPTY_SHARED_STRINGS.length, size: EMPTY_SHARED_STRINGS.length };
	const shared = byName.get('xl/sharedStrings.xml');
	const ordered = [
		part(rels),
		part(byName.get('xl/workbook.xml')!),
		shared ? part(shared) : { name: 'xl/sharedStrings.xml', entry: emptyTable, data: EMPTY_SHARED_STRINGS },
		...(styles ? [part(styles)] : []),
		...sheets.map(part)
	];
	function* chunks(): Generator<Buffer> {
		for (const p of ordered) yield* entryChunks(p.name, p.entry, p.data);
		const end = Buffer.alloc(22);
		end.writeUInt32LE(0x06054b50, 0);
		yield end;
	}
	return Readable.from(chunks(), { objectMode: false });
}
