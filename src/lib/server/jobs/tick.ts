import { organizationsWithDueRounds } from '$lib/server/rounds/advance';
import { organizationsWithRoundsToMix } from '$lib/server/responses/mix';
import { organizationsMissingResults } from '$lib/server/results/build';
import { organizationsWithPendingEmails } from '$lib/server/rounds/emails';
import { organizationsWithActionEmails } from '$lib/server/actions/notify';
import { organizationsWithDueNotices } from '$lib/server/rounds/notices';
import { organizationsWithResultsNotices } from '$lib/server/loop/publication';
import { organizationsWithDigests } from '$lib/server/loop/digest';
import { organizationsWithKpiAlarms } from '$lib/server/kpis/alarm-checks';
import { dueExports } from '$lib/server/exports/run';
import { organizationsWithDueBilling } from '$lib/server/billing/run';
import { organizationsWithBillingNotices } from '$lib/server/billing/notices';
import { busyKeys, enqueue } from './boss';
import { enqueueDueBenchmarks } from './benchmarks';
import { counted, step } from './step';

const ids = (r: string[] | Error): string[] => (r instanceof Error ? [] : r);

/**
 * The scheduler's tick fans out and does no work itself: it finds the organizations with due work per
 * concern and queues one job for each (rounds, emails, billing), one per export to make, one per benchmark to
 * rebuild, and one housekeeping job — none for a key whose job is still waiting, running or to be retried.
 * A finder that fails is logged; the others still queue their jobs.
 */
export async function tick(tick: string, now = new Date()): Promise<{ rounds: number; emails: number; exports: number; benchmarks: number }> {
	const [due, mix, results, survey, actions, notices, published, digests, alarms, exports, billing, billingNotices] = await Promise.all([
		step('finding due rounds', () => organizationsWithDueRounds(now)),
		step('finding rounds to mix', () => organizationsWithRoundsToMix()),
		step('finding missing results', () => organizationsMissingResults()),
		step('finding survey emails', () => organizationsWithPendingEmails()),
		step('finding action emails', () => organizationsWithActionEmails(now)),
		step('finding round notices', () => organizationsWithDueNotices(now)),
		step('finding results published emails', () => organizationsWithResultsNotices()),
		step('finding action digests', () => organizationsWithDigests(now)),
		step('finding KPI alarms', () => organizationsWithKpiAlarms(now)),
		step('finding exports', () => dueExports()),
		step('finding due billing', () => organizationsWithDueBilling(now)),
		step('finding billing notices', () => organizationsWithBillingNotices(now))
	]);
	const [busyRounds, busyEmails, busyExports, busyBilling] = await Promise.all([
		busyKeys('rounds'),
		busyKeys('emails'),
		busyKeys('exports'),
		busyKeys('billing')
	]);
	const rounds = new Set([...ids(due), ...ids(mix), ...ids(results)].filter((o) => !busyRounds.has(o)));
	const emails = new Set(
		[...ids(survey), ...ids(actions), ...ids(notices), ...ids(published), ...ids(digests), ...ids(alarms), ...ids(billingNotices)].filter(
			(o) => !busyEmails.has(o)
		)
	);
	for (const organizationId of rounds) await enqueue('rounds', { tick, organizationId }, organizationId);
	for (const organizationId of emails) await enqueue('emails', { tick, organizationId }, organizationId);
	for (const organizationId of ids(billing).filter((o) => !busyBilling.has(o))) await enqueue('billing', { tick, organizationId }, organizationId);
	const toMake = (exports instanceof Error ? [] : exports).filter((e) => !busyExports.has(e.exportId));
	for (const e of toMake) await enqueue('exports', { tick, ...e }, e.exportId);
	const benchmarks = await step('finding benchmarks', () => enqueueDueBenchmarks(tick));
	await enqueue('housekeeping', { tick }, 'housekeeping');
	return { rounds: rounds.size, emails: emails.size, exports: toMake.length, benchmarks: counted(benchmarks) };
}
