import { publicOrigin } from '$lib/server/http/public-url';
import { sendPendingEmails } from '$lib/server/rounds/emails';
import { sendActionEmails } from '$lib/server/actions/notify';
import { sendRoundNotices } from '$lib/server/rounds/notices';
import { sendResultsNotices } from '$lib/server/loop/publication';
import { sendActionDigests } from '$lib/server/loop/digest';
import { enqueue } from './boss';
import type { OrganizationJob } from './queues';
import { counted, failOnError, step } from './step';

/** Survey emails per job; a job that sends this many queues the next one for its organization at once. */
export const EMAILS_PER_JOB = 100;

/**
 * One organization's emails: survey invitations and reminders, then the emails saying a round's results
 * are published (at most EMAILS_PER_JOB each, so that a large round takes turns with the other
 * organizations), action owners' notices, notices of upcoming repeated rounds, and the daily digests of
 * units' new actions to their participants. Each email is sent exactly once: it is recorded in the
 * transaction holding its row's lock, and SKIP LOCKED keeps two jobs (or instances) from taking the same one.
 */
export async function emailsJob(job: OrganizationJob, now = new Date()): Promise<void> {
	const { organizationId } = job;
	const origin = publicOrigin();
	const where = `emails of ${organizationId}`;
	const survey = await step(`${where}: survey`, () => sendPendingEmails({ organizationId, origin, max: EMAILS_PER_JOB }));
	const published = await step(`${where}: results published`, () => sendResultsNotices({ organizationId, origin, max: EMAILS_PER_JOB }));
	// More are waiting (a large round has just opened or been published): the next job follows at once, behind the other organizations'.
	if (counted(survey) >= EMAILS_PER_JOB || counted(published) >= EMAILS_PER_JOB) await enqueue('emails', { tick: job.tick, organizationId }, organizationId);
	const actions = await step(`${where}: actions`, () => sendActionEmails({ organizationId, origin, now }));
	const notices = await step(`${where}: round notices`, () => sendRoundNotices({ organizationId, origin, now }));
	const digests = await step(`${where}: action digests`, () => sendActionDigests({ organizationId, origin, now }));
	const sent = counted(survey) + counted(published) + counted(actions) + counted(notices);
	if (sent) console.log(`[jobs] emails sent: ${sent} (organization ${organizationId})`);
	if (counted(digests)) console.log(`[jobs] action digests sent: ${counted(digests)} (organization ${organizationId})`);
	failOnError([survey, published, actions, notices, digests]);
}
