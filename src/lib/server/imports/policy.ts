import type { Actor } from '$lib/server/auth/actor';
import { ForbiddenError } from '$lib/server/errors';

/** Only an admin of the organization (or an operator) may import users into it. */
export function assertMayImportUsers(actor: Actor, organizationId: string): void {
	if (actor.isOperator) return;
	const m = actor.membership;
	if (m && m.organizationId === organizationId && m.access === 'admin') return;
	throw new ForbiddenError('Only an admin of this organization can import users.');
}
