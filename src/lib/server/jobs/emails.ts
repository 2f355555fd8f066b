import { publicOrigin } from '$lib/server/http/public-url';
import { sendPendingEmails } from '$lib/server/rounds/emails';
import { sendActionEmails } from '$lib/server/actions/notify';
import { sendRoundNotices } from '$lib/server/rounds/notices';
import { sendResultsNotices } from '$lib/server/loop/publication';
import { sendActionDigests } from '$lib/server/loop/digest';
import { sendKpiAlarmDigests } from '$lib/server/kpis/alarm-digest';
import { sendBillingNotices } from '$lib/server/billing/notices';
import { enqueue } from './boss';
import type { OrganizationJob } from './queues';
import { counted, failOnError, step } from './step';

/** Survey, publication and digest emails per job; a job that sends this many of one kind queues the next one for its organization at once. */
export const EMAILS_PER_JOB = 100;

/**
 * One organization's emails: survey invitations and reminders, the emails saying a round's results are
 * published, action owners' notices, notices of upcoming repeated rounds, the daily digests of units'
 * new actions to their participants, and the KPI owners' digest of new alarms once a month's actuals are in, and the trial's and renewal's billing notices (at most EMAILS_PER_JOB of each of the large kinds, so that a large
 * round takes turns with the other organizations). Each email is sent exactly once: it is recorded in the
 * transaction holding its row's lock, and SKIP LOCKED keeps two jobs (or instances) from taking the same one.
 */
export async function emailsJob(job: OrganizationJob, now = new Date()): Promise<void> {
	const { organizationId } = job;
	const origin = publicOrigin();
	const where = `emails of ${organizationId}`;
	const max = EMAILS_PER_JOB;
	const survey = await step(`${where}: survey`, () => sendPendingEmails({ organizationId, origin, max }));
	const published = await step(`${where}: results published`, () => sendResultsNotices({ organizationId, origin, max }));
	const actions = await step(`${where}: actions`, () => sendActionEmails({ organizationId, origin, now }));
	const notices = await step(`${where}: round notices`, () => sendRoundNotices({ organizationId, origin, now }));
	const digests = await step(`${where}: action digests`, () => sendActionDigests({ organizationId, origin, now, max }));
	const alarms = await step(`${where}: KPI alarms`, () => sendKpiAlarmDigests({ organizationId, origin, now }));
	const billing = await step(`${where}: billing notices`, () => sendBillingNotices({ organizationId, origin, now }));
	// More are waiting (a large round has just opened or been published): the next job follows at once, behind the other organizations'.
	if ([survey, published, digests].some((r) => counted(r) >= max)) await enqueue('emails', { tick: job.tick, organizationId }, organizationId);
	const sent = [survey, published, actions, notices, digests, alarms, billing].reduce<number>((n, r) => n + counted(r), 0);
	if (sent) console.log(`[jobs] emails sent: ${sent} (organization ${organizationId})`);
	failOnError([survey, published, actions, notices, digests, alarms, billing]);
}
