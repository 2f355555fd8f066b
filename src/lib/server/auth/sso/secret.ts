import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import path from 'node:path';
import { config } from '$lib/server/config';
import { keyFile, parseKey } from '$lib/server/responses/key';

let cached: Buffer | null = null;

/**
 * The key that seals identity providers' client secrets (AES-256, 32 bytes), kept as the response key is
 * (responses/key.ts) and never in the database: `SOS_SSO_KEY` (base64) when set, else the file
 * `<SOS_DATA_DIR>/keys/sso.key`, created with mode 0600 on first use. Instances sharing a database share it.
 */
export function ssoKey(): Buffer {
	cached ??= process.env.SOS_SSO_KEY ? parseKey(process.env.SOS_SSO_KEY, 'SOS_SSO_KEY') : keyFile(path.join(config().dataDir, 'keys', 'sso.key'));
	return cached;
}

const VERSION = 'v1';

/**
 * Seals a secret with AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>` (base64url). The organization id is the
 * additional authenticated data, so a sealed secret copied to another organization's row does not open.
 */
export function sealSecret(plain: string, organizationId: string, key: Buffer = ssoKey()): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	cipher.setAAD(Buffer.from(organizationId));
	const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
	return [VERSION, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** Opens a sealed secret; throws (without saying more) when it was sealed under another key or organization, or was altered. */
export function openSecret(sealed: string, organizationId: string, key: Buffer = ssoKey()): string {
	const [version, iv, tag, body] = sealed.split('.');
	if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('The sealed client secret is not in a known format.');
	const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
	decipher.setAAD(Buffer.from(organizationId));
	decipher.setAuthTag(Buffer.from(tag, 'base64url'));
	try {
		return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
	} catch {
		throw new Error('The client secret could not be opened: the SSO key differs from the one it was sealed with.');
	}
}
