import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { organizationFromRoutingKey, routingKey, ROUTING_KEY_LENGTH } from './routing-key';

describe('routing keys', () => {
	it('turn an organization id into 26 base32 characters and back', () => {
		for (let i = 0; i < 200; i++) {
			const id = randomUUID();
			const key = routingKey(id);
			expect(key).toMatch(/^[a-z2-7]{26}$/);
			expect(key).toHaveLength(ROUTING_KEY_LENGTH);
			expect(organizationFromRoutingKey(key)).toBe(id);
		}
	});

	it('refuse what is not a key', () => {
		expect(organizationFromRoutingKey('')).toBeNull();
		expect(organizationFromRoutingKey('a'.repeat(25))).toBeNull();
		expect(organizationFromRoutingKey('A'.repeat(26))).toBeNull();
		// 26 characters carry 130 bits: a key whose last 2 bits are set is no id's.
		expect(organizationFromRoutingKey('7'.repeat(26))).toBeNull();
	});
});
