import { advanceDueRounds } from '$lib/server/rounds/advance';
import { mixDueRounds } from '$lib/server/responses/mix';
import { buildMissingResults } from '$lib/server/results/build';
import { enqueue } from './boss';
import type { OrganizationJob } from './queues';
import { enqueueDueBenchmarks } from './benchmarks';
import { counted, failOnError, step } from './step';

/**
 * One organization's round states: rounds whose dates are due move on (closing mixes and builds their
 * results), open rounds with at least k pending answers are mixed, and rounds left without results are
 * built. A round that moved on may have emails to send (invitations, reminders) and a benchmark to
 * rebuild: those jobs are queued at once, as the single tick used to do them right after.
 */
export async function roundsJob(job: OrganizationJob, now = new Date()): Promise<void> {
	const { organizationId } = job;
	const where = `rounds of ${organizationId}`;
	const advanced = await step(`${where}: advancing`, () => advanceDueRounds({ organizationId, now }));
	const mixed = await step(`${where}: mixing`, () => mixDueRounds({ organizationId }));
	const built = await step(`${where}: results`, () => buildMissingResults({ organizationId }));
	if (counted(advanced) > 0) {
		console.log(`[jobs] rounds advanced: ${counted(advanced)} (organization ${organizationId})`);
		await enqueue('emails', { tick: job.tick, organizationId }, organizationId);
	}
	if (counted(advanced) + counted(built) > 0) await enqueueDueBenchmarks(job.tick);
	failOnError([advanced, mixed, built]);
}
