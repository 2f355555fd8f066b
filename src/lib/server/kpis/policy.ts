import type { Actor } from '$lib/server/auth/actor';
import { ForbiddenError } from '$lib/server/errors';

/** Only an admin of the organization (or its admin API token) defines KPIs and writes plans and actuals. */
export function assertMayManageKpis(actor: Actor, organizationId: string): void {
	const m = actor.membership;
	if (m && m.organizationId === organizationId && m.access === 'admin') return;
	throw new ForbiddenError('Only an admin of this organization can change KPIs, plans and actuals.');
}
