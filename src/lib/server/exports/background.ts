import { db } from '$lib/server/db';
import { publicOrigin } from '$lib/server/http/public-url';
import { runExport } from './run';

/**
 * Starts making an export in this process right away, without holding up the request. The row in
 * report_exports is the durable record: if this process stops first, the scheduler's sweep makes it.
 */
export function startExport(exportId: string): void {
	setImmediate(() => void runExport(db(), { exportId, origin: publicOrigin() }).catch((err) => console.error('[exports]', err instanceof Error ? err.message : err)));
}
