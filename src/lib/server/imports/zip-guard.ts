import { createInflateRaw } from 'node:zlib';
import { ValidationError } from '$lib/server/errors';

/**
 * Checks an .xlsx (a zip archive) before anything reads it: the archive must be readable, hold a
 * workbook, and unpack to a bounded size. Entry sizes are verified by actually inflating each entry,
 * chunk by chunk, into nothing, stopping at its declared size, so an archive that lies about its sizes
 * (a zip bomb) is stopped at the cap and checking it costs no memory. The parts the streaming reader
 * keeps whole in memory (shared strings, styles, the workbook and its relations) have their own,
 * smaller caps; the sheets are only ever streamed.
 */
export const MAX_UNPACKED_BYTES = 150 * 1024 * 1024;
const MAX_ENTRIES = 2000;
const MB = 1024 * 1024;
/** Unpacked size caps of the parts read whole. 10 MB of shared strings is about twice what 50,000 users need. */
export const WHOLE_PARTS: Readonly<Record<string, { maxBytes: number; what: string }>> = {
	'xl/sharedStrings.xml': { maxBytes: 10 * MB, what: 'text table (shared strings)' },
	'xl/styles.xml': { maxBytes: 4 * MB, what: 'formatting (styles)' },
	'xl/workbook.xml': { maxBytes: MB, what: 'sheet list' },
	'xl/_rels/workbook.xml.rels': { maxBytes: MB, what: 'list of parts' }
};

const NOT_XLSX = 'The file is not a readable Excel workbook (.xlsx). Open it in Excel and save it again as .xlsx, or export it as CSV.';

export interface ZipEntry {
	name: string;
	method: number;
	flags: number;
	crc: number;
	compressedSize: number;
	size: number;
	localOffset: number;
}

/** A checked archive: its entries (sizes verified) and the bytes they point into. */
export interface CheckedXlsx {
	buf: Buffer;
	entries: ZipEntry[];
}

function corrupt(): never {
	throw new ValidationError(NOT_XLSX);
}

function findEndOfCentralDirectory(buf: Buffer): number {
	const stop = Math.max(0, buf.length - 22 - 0xffff);
	for (let i = buf.length - 22; i >= stop; i--) {
		if (buf.readUInt32LE(i) === 0x06054b50) return i;
	}
	return corrupt();
}

function readEntries(buf: Buffer): ZipEntry[] {
	const eocd = findEndOfCentralDirectory(buf);
	const count = buf.readUInt16LE(eocd + 10);
	const cdOffset = buf.readUInt32LE(eocd + 16);
	if (count > MAX_ENTRIES) throw new ValidationError('The workbook has too many parts to be a user list.');
	const entries: ZipEntry[] = [];
	let p = cdOffset;
	for (let i = 0; i < count; i++) {
		if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) corrupt();
		const nameLength = buf.readUInt16LE(p + 28);
		const extraLength = buf.readUInt16LE(p + 30);
		const commentLength = buf.readUInt16LE(p + 32);
		entries.push({
			flags: buf.readUInt16LE(p + 8),
			method: buf.readUInt16LE(p + 10),
			crc: buf.readUInt32LE(p + 16),
			compressedSize: buf.readUInt32LE(p + 20),
			size: buf.readUInt32LE(p + 24),
			localOffset: buf.readUInt32LE(p + 42),
			name: buf.toString('utf8', p + 46, p + 46 + nameLength)
		});
		p += 46 + nameLength + extraLength + commentLength;
	}
	return entries;
}

/** The compressed bytes of an entry (a view into the upload, nothing copied). */
export function entryData(buf: Buffer, e: ZipEntry): Buffer {
	const p = e.localOffset;
	if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) corrupt();
	const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
	const end = start + e.compressedSize;
	if (end > buf.length) corrupt();
	return buf.subarray(start, end);
}

/** Inflates `data` into nothing and answers whether it unpacks to exactly `size` bytes (stops once past it). */
async function inflatesTo(data: Buffer, size: number): Promise<boolean> {
	const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
	inflater.end(data);
	let seen = 0;
	try {
		for await (const chunk of inflater as AsyncIterable<Buffer>) {
			seen += chunk.length;
			if (seen > size) return false;
		}
	} catch {
		return false;
	} finally {
		inflater.destroy();
	}
	return seen === size;
}

async function checkEntry(buf: Buffer, e: ZipEntry): Promise<void> {
	if (e.flags & 1) {
		throw new ValidationError('The workbook is password-protected. Remove the password in Excel and upload it again.');
	}
	const data = entryData(buf, e);
	if (e.method === 0) {
		if (data.length !== e.size) corrupt();
		return;
	}
	if (e.method !== 8) corrupt();
	if (!(await inflatesTo(data, e.size))) corrupt();
}

export async function assertSafeXlsx(bytes: Uint8Array): Promise<CheckedXlsx> {
	const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (buf.length < 22) corrupt();
	const entries = readEntries(buf);
	const names = new Set(entries.map((e) => e.name));
	if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) corrupt();
	let total = 0;
	for (const e of entries) {
		if (e.size === 0xffffffff || e.compressedSize === 0xffffffff) corrupt();
		total += e.size;
	}
	if (total > MAX_UNPACKED_BYTES) {
		throw new ValidationError('The workbook is too large when unpacked. Keep only the user list in it, or export it as CSV.');
	}
	for (const e of entries) {
		const whole = WHOLE_PARTS[e.name];
		if (whole && e.size > whole.maxBytes) {
			throw new ValidationError(
				`The workbook's ${whole.what} is larger than ${whole.maxBytes / MB} MB unpacked, far more than a user list needs. Keep only the user list in the file, or export it as CSV.`
			);
		}
	}
	for (const e of entries) await checkEntry(buf, e);
	return { buf, entries };
}
