import { publicOrigin } from '$lib/server/http/public-url';
import { runExport } from '$lib/server/exports/run';
import type { JobData } from './queues';

export interface ExportJob extends JobData {
	organizationId: string;
	exportId: string;
}

/**
 * One export left queued (its process stopped before starting it) or whose heartbeat stopped: made
 * here, if this job still wins the claim (runExport's conditional writes keep a late worker out).
 */
export async function exportJob(job: ExportJob): Promise<void> {
	await runExport({ exportId: job.exportId, origin: publicOrigin() });
}
