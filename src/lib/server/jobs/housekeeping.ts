import { deleteExpiredOneTimeTokens, deleteExpiredRateLimits, deleteExpiredSessions } from '$lib/server/auth/expired';
import { expireExports } from '$lib/server/exports/run';
import { applyRetention } from '$lib/server/orgs/retention';
import { deleteDueOrganizations } from '$lib/server/orgs/deletion';
import { failOnError, step } from './step';

/**
 * Deletes what has expired: sessions, one-time tokens, rate-limit rows, export files; gives up exports that died too often;
 * applies each organization's retention (old audit events, invitation addresses of long-closed rounds); deletes the
 * organizations whose deletion's grace period has passed.
 */
export async function housekeepingJob(): Promise<void> {
	failOnError([
		await step('expired sessions', () => deleteExpiredSessions()),
		await step('expired one-time tokens', () => deleteExpiredOneTimeTokens()),
		await step('expired rate limits', () => deleteExpiredRateLimits()),
		await step('expired exports', () => expireExports()),
		await step('retention', () => applyRetention()),
		await step('organization deletions', () => deleteDueOrganizations())
	]);
}
