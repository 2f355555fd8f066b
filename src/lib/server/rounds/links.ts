import { createHmac, randomBytes } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { db, type Db } from '$lib/server/db';
import { hashToken } from '$lib/server/auth/tokens';
import { routingKey } from '$lib/server/db/routing-key';

let secret: Promise<string> | null = null;

/** The server-wide key invitation links are derived from; created once, shared by all instances. */
export function linkSecret(executor: Db = db()): Promise<string> {
	secret ??= (async () => {
		await executor
			.insertInto('app_secrets')
			.values({ name: 'invitation_links', value: randomBytes(32).toString('base64') })
			.onConflict((oc) => oc.column('name').doNothing())
			.execute();
		const row = await executor.selectFrom('app_secrets').select('value').where('name', '=', 'invitation_links').executeTakeFirstOrThrow();
		return row.value;
	})();
	secret.catch(() => (secret = null));
	return secret;
}

/**
 * The secret in an invitation link (160 bits, 32 base32 characters), derived from the invitation id so
 * that invitation and reminder emails carry the same link while the database keeps only its hash.
 */
export async function invitationSecret(invitationId: string, executor: Db = db()): Promise<string> {
	const mac = createHmac('sha256', await linkSecret(executor))
		.update(`invitation:${invitationId}`)
		.digest();
	return encodeBase32LowerCaseNoPadding(mac.subarray(0, 20));
}

/**
 * The token in an invitation link: the organization's routing key (26 characters) and the secret
 * (32), so that opening the link and submitting reach the organization's shard (docs/scaling.md).
 * Links sent before carry the secret alone and still work (survey/participant.ts, lookupKey).
 */
export async function invitationToken(opts: { organizationId: string; invitationId: string }, executor: Db = db()): Promise<string> {
	return routingKey(opts.organizationId) + (await invitationSecret(opts.invitationId, executor));
}

/** What invitations.token_hash holds: the hash of the secret (the routing key is the organization_id column). */
export async function invitationTokenHash(invitationId: string, executor: Db = db()): Promise<string> {
	return hashToken(await invitationSecret(invitationId, executor));
}

export function surveyLink(origin: string, token: string): string {
	return `${origin}/s/${token}`;
}
