import type { Actor } from './actor';
import { ForbiddenError } from '$lib/server/errors';

/** The organization the actor administers; throws unless they are an admin there. */
export function requireAdmin(actor: Actor | null): { organizationId: string; actor: Actor } {
	if (!actor?.membership || actor.membership.access !== 'admin') throw new ForbiddenError('Only organization admins can do this.');
	return { organizationId: actor.membership.organizationId, actor };
}

/** Any signed-in member (viewer or admin) of an organization. */
export function requireMember(actor: Actor | null): { organizationId: string; actor: Actor } {
	if (!actor?.membership) throw new ForbiddenError();
	return { organizationId: actor.membership.organizationId, actor };
}

export function requireOperator(actor: Actor | null): Actor {
	if (!actor?.isOperator || actor.via !== 'session') throw new ForbiddenError('Only the SOS operator can do this.');
	return actor;
}
