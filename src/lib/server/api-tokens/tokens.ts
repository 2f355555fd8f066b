import { z } from 'zod';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { generateToken, hashToken } from '$lib/server/auth/tokens';
import { fields, isUuid, parse } from '$lib/server/validation';
import { recordAudit } from '$lib/server/audit/record';
import { organizationFromRoutingKey, routingKey } from '$lib/server/db/routing-key';
import { NotFoundError } from '$lib/server/errors';

const PREFIX = 'sos_';
export const apiTokenInput = z.strictObject({ name: fields.name.max(60, 'At most 60 characters') });

/**
 * A token is `sos_<routing key>_<secret>`: the organization's routing key (db/routing-key.ts) lets the
 * lookup go by (organization_id, token_hash), on one shard. Tokens issued before are `sos_<secret>`
 * and are still looked up by their hash alone (in every organization).
 */
function tokenLookup(secret: string): { organizationId: string | null; hash: string } | null {
	if (!secret.startsWith(PREFIX) || secret.length > 100) return null;
	const rest = secret.slice(PREFIX.length);
	const cut = rest.indexOf('_');
	if (cut < 0) return { organizationId: null, hash: hashToken(secret) };
	const organizationId = organizationFromRoutingKey(rest.slice(0, cut));
	return organizationId ? { organizationId, hash: hashToken(secret) } : null;
}

/** Creates a token; the secret is returned once and only its hash is stored. */
export async function createApiToken(opts: { organizationId: string; actor: Actor; input: unknown }, executor: Db = db()) {
	const { name } = parse(apiTokenInput, opts.input);
	const secret = `${PREFIX}${routingKey(opts.organizationId)}_${generateToken(32)}`;
	const row = await executor
		.insertInto('api_tokens')
		.values({ organization_id: opts.organizationId, name, token_hash: hashToken(secret), created_by: opts.actor.label })
		.returning(['id', 'name', 'created_at as createdAt'])
		.executeTakeFirstOrThrow();
	await recordAudit({ organizationId: opts.organizationId, actor: opts.actor.label, action: 'api_token_created', target: name }, executor);
	return { ...row, secret };
}

export async function listApiTokens(opts: { organizationId: string }, executor: Db = db()) {
	return executor
		.selectFrom('api_tokens')
		.select(['id', 'name', 'created_by as createdBy', 'created_at as createdAt', 'last_used_at as lastUsedAt', 'revoked_at as revokedAt'])
		.where('organization_id', '=', opts.organizationId)
		.orderBy('created_at', 'desc')
		.execute();
}

export async function revokeApiToken(opts: { organizationId: string; actor: Actor; tokenId: string }, executor: Db = db()) {
	if (!isUuid(opts.tokenId)) throw new NotFoundError('API token');
	const row = await executor
		.updateTable('api_tokens')
		.set({ revoked_at: new Date() })
		.where('organization_id', '=', opts.organizationId)
		.where('id', '=', opts.tokenId)
		.where('revoked_at', 'is', null)
		.returning('name')
		.executeTakeFirst();
	if (!row) throw new NotFoundError('API token');
	await recordAudit({ organizationId: opts.organizationId, actor: opts.actor.label, action: 'api_token_revoked', target: row.name }, executor);
}

/** Resolves a bearer token to an actor with admin rights in the token's organization. */
export async function authenticateApiToken(secret: string, executor: Db = db()): Promise<Actor | null> {
	const key = tokenLookup(secret);
	if (!key) return null;
	let q = executor
		.updateTable('api_tokens')
		.set({ last_used_at: new Date() })
		.from('organizations')
		.whereRef('organizations.id', '=', 'api_tokens.organization_id')
		.where('api_tokens.token_hash', '=', key.hash)
		.where('api_tokens.revoked_at', 'is', null);
	if (key.organizationId) q = q.where('api_tokens.organization_id', '=', key.organizationId);
	const row = await q
		.returning(['api_tokens.id', 'api_tokens.name', 'api_tokens.organization_id', 'organizations.name as orgName', 'organizations.is_demo'])
		.executeTakeFirst();
	if (!row) return null;
	const label = `API token “${row.name}”`;
	return {
		accountId: null,
		email: '',
		isOperator: false,
		via: 'api_token',
		label,
		membership: {
			organizationId: row.organization_id,
			organizationName: row.orgName,
			isDemo: row.is_demo,
			userId: row.id,
			name: label,
			access: 'admin',
			scopeUnitId: null,
			language: 'en'
		}
	};
}
