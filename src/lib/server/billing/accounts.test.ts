import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { ValidationError } from '$lib/server/errors';
import { createTestOrganization } from '$tests/fixtures';
import { useOwnDatabase } from '$tests/own-database';
import { billingAccount, saveBillingAccount, vatStatus } from './accounts';
import { buyerOf } from './buyer';

// A database of its own: billing tests issue invoices, which are never deleted, and other files delete organizations.
let restoreDb: () => Promise<void>;
beforeAll(async () => {
	restoreDb = await useOwnDatabase('sos_billing_accounts');
});
afterAll(() => restoreDb());

const details = {
	legalName: 'Acme GmbH',
	address: 'Hauptstraße 1\n10115 Berlin',
	country: 'de',
	vatNumber: 'de 123.456-789',
	contactName: 'Ada Buyer',
	contactEmail: 'Ada@Example.test',
	language: 'en',
	peppolId: ''
};

describe('billing details', () => {
	it('start from the organization’s name and country, in Swedish for a Swedish organization', async () => {
		const org = await createTestOrganization();
		const { account, saved } = await billingAccount(org.id);
		expect(saved).toBe(false);
		expect(account).toMatchObject({ legalName: org.name, country: 'SE', language: 'sv', vatNumber: '', peppolId: '' });
	});

	it('are saved normalised, used by the next invoice, and audit-logged without the details themselves', async () => {
		const org = await createTestOrganization();
		const status = await saveBillingAccount({ actor: 'admin@example.test', organizationId: org.id, input: details });
		expect(status).toEqual({ treatment: 'reverse_charge', rateBp: 0, validFormat: true });
		const { account, saved } = await billingAccount(org.id);
		expect(saved).toBe(true);
		expect(account).toMatchObject({ country: 'DE', vatNumber: 'DE123456789', contactEmail: 'ada@example.test', language: 'en' });
		expect((await buyerOf(org.id)).buyer).toMatchObject({ legalName: 'Acme GmbH', vatNumber: 'DE123456789', country: 'DE' });
		// Saved again: one row, the new values.
		await saveBillingAccount({ actor: 'admin@example.test', organizationId: org.id, input: { ...details, peppolId: '0088:4000000000000', language: 'sv' } });
		expect((await billingAccount(org.id)).account).toMatchObject({ peppolId: '0088:4000000000000', language: 'sv' });
		const audit = await db().selectFrom('audit_events').select(['action', 'details']).where('organization_id', '=', org.id).execute();
		expect(audit.map((a) => a.action)).toEqual(['billing_details_changed', 'billing_details_changed']);
		expect(JSON.stringify(audit)).not.toContain('Ada');
		expect(JSON.stringify(audit)).not.toContain('Hauptstraße');
	});

	it('refuse a Peppol id that is not scheme:id, a bad country, and unknown fields, naming the field', async () => {
		const org = await createTestOrganization();
		for (const [input, path] of [
			[{ ...details, peppolId: '5560000000' }, 'peppolId'],
			[{ ...details, country: 'Germany' }, 'country'],
			[{ ...details, contactEmail: 'nope' }, 'contactEmail'],
			[{ ...details, address: ' ' }, 'address'],
			[{ ...details, iban: 'x' }, '(body)']
		] as const) {
			const err = await saveBillingAccount({ actor: 'a', organizationId: org.id, input }).catch((e) => e);
			expect(err, path).toBeInstanceOf(ValidationError);
			expect((err as ValidationError).details, path).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
		}
		expect((await billingAccount(org.id)).saved).toBe(false);
	});
});

describe('vatStatus', () => {
	it('tells whether an EU VAT number outside Sweden has a valid format, and what VAT then applies', () => {
		expect(vatStatus('DE', 'DE123456789', 2500)).toEqual({ treatment: 'reverse_charge', rateBp: 0, validFormat: true });
		expect(vatStatus('DE', 'DE1234', 2500)).toEqual({ treatment: 'standard', rateBp: 2500, validFormat: false });
		expect(vatStatus('DE', '', 2500)).toEqual({ treatment: 'standard', rateBp: 2500, validFormat: null });
		expect(vatStatus('SE', 'SE556000000001', 2500)).toEqual({ treatment: 'standard', rateBp: 2500, validFormat: null });
		expect(vatStatus('NO', '', 2500)).toEqual({ treatment: 'outside_eu', rateBp: 0, validFormat: null });
	});
});
