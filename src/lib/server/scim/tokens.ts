import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { generateToken, hashToken } from '$lib/server/auth/tokens';
import { isUuid } from '$lib/server/validation';
import { recordAudit } from '$lib/server/audit/record';
import { organizationFromRoutingKey, routingKey } from '$lib/server/db/routing-key';
import { NotFoundError } from '$lib/server/errors';

const PREFIX = 'scim_';

/** Who a SCIM request acts as: the token, in its organization (the organization never comes from the URL). */
export interface ScimActor {
	organizationId: string;
	tokenId: string;
	/** The audit log's actor. */
	label: string;
}

const labelOf = (id: string) => `SCIM token ${id.slice(0, 8)}`;

/**
 * Creates the organization's SCIM bearer token, `scim_<routing key>_<secret>` (as API tokens: the routing
 * key finds the organization's shard). The secret is returned once; only its hash is stored.
 */
export async function createScimToken(opts: { organizationId: string; actor: Actor }, executor: Db = db()) {
	const secret = `${PREFIX}${routingKey(opts.organizationId)}_${generateToken(32)}`;
	const row = await executor
		.insertInto('scim_tokens')
		.values({ organization_id: opts.organizationId, token_hash: hashToken(secret), created_by: opts.actor.label })
		.returning(['id', 'created_at as createdAt'])
		.executeTakeFirstOrThrow();
	await recordAudit({ organizationId: opts.organizationId, actor: opts.actor.label, action: 'scim_token_created', target: labelOf(row.id) }, executor);
	return { ...row, label: labelOf(row.id), secret };
}

export async function listScimTokens(opts: { organizationId: string }, executor: Db = db()) {
	const rows = await executor
		.selectFrom('scim_tokens')
		.select(['id', 'created_by as createdBy', 'created_at as createdAt', 'last_used_at as lastUsedAt', 'revoked_at as revokedAt'])
		.where('organization_id', '=', opts.organizationId)
		.orderBy('created_at', 'desc')
		.execute();
	return rows.map((r) => ({ ...r, label: labelOf(r.id) }));
}

export async function revokeScimToken(opts: { organizationId: string; actor: Actor; tokenId: string }, executor: Db = db()) {
	if (!isUuid(opts.tokenId)) throw new NotFoundError('SCIM token');
	const row = await executor
		.updateTable('scim_tokens')
		.set({ revoked_at: new Date() })
		.where('organization_id', '=', opts.organizationId)
		.where('id', '=', opts.tokenId)
		.where('revoked_at', 'is', null)
		.returning('id')
		.executeTakeFirst();
	if (!row) throw new NotFoundError('SCIM token');
	await recordAudit({ organizationId: opts.organizationId, actor: opts.actor.label, action: 'scim_token_revoked', target: labelOf(row.id) }, executor);
}

/** The actor for a bearer secret, or null for anything but a live SCIM token (every failure looks alike). */
export async function authenticateScimToken(secret: string, executor: Db = db()): Promise<ScimActor | null> {
	if (!secret.startsWith(PREFIX) || secret.length > 120) return null;
	const rest = secret.slice(PREFIX.length);
	const cut = rest.indexOf('_');
	const organizationId = cut > 0 ? organizationFromRoutingKey(rest.slice(0, cut)) : null;
	if (!organizationId) return null;
	const row = await executor
		.updateTable('scim_tokens')
		.set({ last_used_at: new Date() })
		.where('organization_id', '=', organizationId)
		.where('token_hash', '=', hashToken(secret))
		.where('revoked_at', 'is', null)
		.returning('id')
		.executeTakeFirst();
	return row ? { organizationId, tokenId: row.id, label: labelOf(row.id) } : null;
}
