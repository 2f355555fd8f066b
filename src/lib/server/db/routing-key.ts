import { decodeBase32IgnorePadding, encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/**
 * An organization's routing key: its id as 26 lower-case base32 characters. Survey links and API tokens
 * start with it, so the server knows the organization (the distribution column, docs/scaling.md) before
 * it looks a token up, and the lookup reaches one shard. It is not a secret, and not needed to be one:
 * the secret part of the token is what is checked.
 */
export const ROUTING_KEY_LENGTH = 26;

export function routingKey(organizationId: string): string {
	return encodeBase32LowerCaseNoPadding(Buffer.from(organizationId.replaceAll('-', ''), 'hex'));
}

/** The organization id a routing key stands for, or null when it is not one. */
export function organizationFromRoutingKey(key: string): string | null {
	if (!/^[a-z2-7]{26}$/.test(key)) return null;
	let bytes: Uint8Array;
	try {
		bytes = decodeBase32IgnorePadding(key.toUpperCase());
	} catch {
		return null;
	}
	if (bytes.length !== 16) return null;
	const hex = Buffer.from(bytes).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
