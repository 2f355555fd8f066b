import { runBilling } from '$lib/server/billing/run';
import type { OrganizationJob } from './queues';

/**
 * One organization's billing: the invoices due (in advance at the start of a period, the people added
 * each month, renewals). Exactly once under any number of instances: runBilling works under the lock of
 * the subscription's row and bills only what no invoice has billed yet.
 */
export async function billingJob(job: OrganizationJob, now = new Date()): Promise<void> {
	const issued = await runBilling({ organizationId: job.organizationId, now });
	if (issued.length) console.log(`[jobs] invoices issued: ${issued.length} (organization ${job.organizationId})`);
}
