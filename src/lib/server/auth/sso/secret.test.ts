import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './secret';

const key = randomBytes(32);
const org = '7b0c6a52-3f0e-4d7b-9a40-1c2b3d4e5f60';

describe('client secret sealing', () => {
	it('opens what it sealed, and never holds the secret in the clear', () => {
		const sealed = sealSecret('s3cr3t-value~with.dots', org, key);
		expect(sealed).not.toContain('s3cr3t');
		expect(sealed.startsWith('v1.')).toBe(true);
		expect(openSecret(sealed, org, key)).toBe('s3cr3t-value~with.dots');
	});

	it('seals the same secret differently each time', () => {
		expect(sealSecret('same', org, key)).not.toBe(sealSecret('same', org, key));
	});

	it('refuses another key, another organization and an altered ciphertext', () => {
		const sealed = sealSecret('secret', org, key);
		expect(() => openSecret(sealed, org, randomBytes(32))).toThrow(/SSO key/);
		expect(() => openSecret(sealed, '00000000-0000-4000-8000-000000000000', key)).toThrow();
		const parts = sealed.split('.');
		parts[3] = Buffer.from('other!').toString('base64url');
		expect(() => openSecret(parts.join('.'), org, key)).toThrow();
		expect(() => openSecret('plain', org, key)).toThrow(/format/);
	});
});
