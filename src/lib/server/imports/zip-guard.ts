import { inflateRawSync } from 'node:zlib';
import { ValidationError } from '$lib/server/errors';

/**
 * Checks an .xlsx (a zip archive) before ExcelJS unpacks it into memory: the archive must be
 * readable, hold a workbook, and unpack to a bounded size. Entry sizes are verified by actually
 * inflating each entry with a hard output cap, so an archive that lies about its sizes (a zip
 * bomb) is stopped at the cap instead of exhausting memory.
 */
export const MAX_UNPACKED_BYTES = 150 * 1024 * 1024;
const MAX_ENTRIES = 2000;

const NOT_XLSX = 'The file is not a readable Excel workbook (.xlsx). Open it in Excel and save it again as .xlsx, or export it as CSV.';

interface Entry {
	name: string;
	method: number;
	flags: number;
	compressedSize: number;
	size: number;
	localOffset: number;
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

function readEntries(buf: Buffer): Entry[] {
	const eocd = findEndOfCentralDirectory(buf);
	const count = buf.readUInt16LE(eocd + 10);
	const cdOffset = buf.readUInt32LE(eocd + 16);
	if (count > MAX_ENTRIES) throw new ValidationError('The workbook has too many parts to be a user list.');
	const entries: Entry[] = [];
	let p = cdOffset;
	for (let i = 0; i < count; i++) {
		if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) corrupt();
		const nameLength = buf.readUInt16LE(p + 28);
		const extraLength = buf.readUInt16LE(p + 30);
		const commentLength = buf.readUInt16LE(p + 32);
		entries.push({
			flags: buf.readUInt16LE(p + 8),
			method: buf.readUInt16LE(p + 10),
			compressedSize: buf.readUInt32LE(p + 20),
			size: buf.readUInt32LE(p + 24),
			localOffset: buf.readUInt32LE(p + 42),
			name: buf.toString('utf8', p + 46, p + 46 + nameLength)
		});
		p += 46 + nameLength + extraLength + commentLength;
	}
	return entries;
}

function entryData(buf: Buffer, e: Entry): Buffer {
	const p = e.localOffset;
	if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) corrupt();
	const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
	const end = start + e.compressedSize;
	if (end > buf.length) corrupt();
	return buf.subarray(start, end);
}

function checkEntry(buf: Buffer, e: Entry): void {
	if (e.flags & 1) {
		throw new ValidationError('The workbook is password-protected. Remove the password in Excel and upload it again.');
	}
	const data = entryData(buf, e);
	if (e.method === 0) {
		if (data.length !== e.size) corrupt();
		return;
	}
	if (e.method !== 8) corrupt();
	let out: Buffer;
	try {
		out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
	} catch {
		return corrupt();
	}
	if (out.length !== e.size) corrupt();
}

export function assertSafeXlsx(bytes: Uint8Array): void {
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
	for (const e of entries) checkEntry(buf, e);
}
