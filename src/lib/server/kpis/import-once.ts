import { createHash } from 'node:crypto';
import { readKpiFile, type KpiFile } from './import-read';

/** How long a previewed file's cells wait for its apply. */
const KEEP_MS = 5 * 60_000;

let kept: { key: string; file: KpiFile; timer: NodeJS.Timeout } | null = null;

/**
 * Reads a KPI file, once for its preview and apply: the page posts the same file twice, and reading a
 * large workbook takes about a second. The cells of the last previewed file (one file per instance, for
 * five minutes) serve an apply of the same bytes by the same organization; any other read is fresh.
 * The apply still checks every row against the database as it is then.
 */
export async function readKpiFileOnce(opts: { organizationId: string; fileName: string; bytes: Uint8Array; mode: 'preview' | 'apply' }): Promise<KpiFile> {
	const key = `${opts.organizationId}:${opts.fileName.slice(opts.fileName.lastIndexOf('.')).toLowerCase()}:${createHash('sha256').update(opts.bytes).digest('hex')}`;
	const hit = kept?.key === key ? kept.file : null;
	forget();
	if (hit && opts.mode === 'apply') return hit;
	const file = await readKpiFile(opts);
	if (opts.mode === 'preview') kept = { key, file, timer: setTimeout(forget, KEEP_MS).unref() };
	return file;
}

function forget(): void {
	if (kept) clearTimeout(kept.timer);
	kept = null;
}
