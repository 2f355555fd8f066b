import { publicOrigin } from '$lib/server/http/public-url';
import { runExport } from './run';

/** Exports this process makes at once; the others wait their turn here (or, if it stops, in the sweep). */
const PARALLEL = 2;
const waiting: string[] = [];
let running = 0;

function next(): void {
	while (running < PARALLEL && waiting.length) {
		const exportId = waiting.shift()!;
		running++;
		void runExport({ exportId, origin: publicOrigin() })
			.catch((err) => console.error('[exports]', err instanceof Error ? err.message : err))
			.finally(() => {
				running--;
				next();
			});
	}
}

/**
 * Starts making an export in this process soon, without holding up the request. The row in
 * report_exports is the durable record: if this process stops first, the scheduler's sweep makes it.
 */
export function startExport(exportId: string): void {
	waiting.push(exportId);
	setImmediate(next);
}
