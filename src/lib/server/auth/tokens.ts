import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { randomBytes } from 'node:crypto';

/** A random secret of 160 bits, URL- and cookie-safe. Only its hash is ever stored. */
export function generateToken(bytes = 20): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(bytes));
}

/** SHA-256 of a token, as stored in the database. */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
