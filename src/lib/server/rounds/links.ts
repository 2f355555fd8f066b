import { createHmac, randomBytes } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { db, type Db } from '$lib/server/db';
import { hashToken } from '$lib/server/auth/tokens';

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
 * The secret in an invitation link (160 bits), derived from the invitation id so that invitation and
 * reminder emails carry the same link while the database keeps only its hash.
 */
export async function invitationToken(invitationId: string, executor: Db = db()): Promise<string> {
	const mac = createHmac('sha256', await linkSecret(executor)).update(`invitation:${invitationId}`).digest();
	return encodeBase32LowerCaseNoPadding(mac.subarray(0, 20));
}

export async function invitationTokenHash(invitationId: string, executor: Db = db()): Promise<string> {
	return hashToken(await invitationToken(invitationId, executor));
}

export function surveyLink(origin: string, token: string): string {
	return `${origin}/s/${token}`;
}
