import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { findMembership } from '$lib/server/auth/memberships';
import { NotFoundError } from '$lib/server/errors';
import { resultsAccess } from '$lib/server/results/scope';
import { ORGANIZATION } from '$lib/results/view';

const TOKEN = 'api_token:';

/** Who an export belongs to: a member's email, or an API token's id (token names need not be unique). */
export function requesterKey(actor: Actor): string {
	return actor.via === 'api_token' ? `${TOKEN}${actor.membership!.userId}` : actor.label;
}

/**
 * The requester as they are now, for making their export: a member's access is read again, and a token
 * must not have been revoked. Null when they no longer may read results.
 */
export async function currentRequester(organizationId: string, key: string, executor: Db = db()): Promise<Actor | null> {
	if (key.startsWith(TOKEN)) {
		const row = await executor
			.selectFrom('api_tokens as t')
			.innerJoin('organizations as o', 'o.id', 't.organization_id')
			.select(['t.id', 't.name', 'o.name as orgName', 'o.is_demo'])
			.where('t.organization_id', '=', organizationId)
			.where('t.id', '=', key.slice(TOKEN.length))
			.where('t.revoked_at', 'is', null)
			.executeTakeFirst();
		if (!row) return null;
		const label = `API token “${row.name}”`;
		const membership = {
			organizationId,
			organizationName: row.orgName,
			isDemo: row.is_demo,
			userId: row.id,
			name: label,
			access: 'admin' as const,
			scopeUnitId: null,
			language: 'en' as const
		};
		return { accountId: null, email: '', isOperator: false, via: 'api_token', label, membership };
	}
	const membership = await findMembership({ email: key, organizationId }, executor);
	return membership && { accountId: null, email: key, isOperator: false, membership, via: 'session', label: key };
}

/** Which export units the actor may still see (their access may have shrunk since they asked). */
export async function stillVisible(actor: Actor, executor: Db = db()): Promise<(unitKey: string) => boolean> {
	const { scope } = await resultsAccess(actor, executor);
	return (unitKey) => scope.all || (unitKey !== ORGANIZATION && scope.unitIds.has(unitKey));
}

export async function assertStillVisible(actor: Actor, unitKey: string, executor: Db = db()): Promise<void> {
	if (!(await stillVisible(actor, executor))(unitKey)) throw new NotFoundError('export');
}
