import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createApiToken } from '$lib/server/api-tokens/tokens';
import { billingSettings } from '$lib/server/billing/settings';
import { startSubscription, startTrial } from '$lib/server/billing/subscriptions';
import { addDays, addMonths, dateIn } from '$lib/server/billing/dates';
import { db } from '$lib/server/db';
import { createSession } from '$lib/server/auth/sessions';
import { createTestActor, uniqueEmail } from '$tests/fixtures';
import { peopleSince, setSeller } from '$tests/billing';
import { call, sessionCookie } from '../support/http';
import { getPage, orgWithAdmin, postForm } from './helpers';

// The test server shares this run's database: an organization issued invoices here is never deleted (nothing here deletes any).
const today = dateIn(new Date());
beforeAll(async () => {
	if (!(await billingSettings()).seller) await setSeller();
});

/** An organization on a subscription since today with its first invoice (in EUR, for at least 5 users). */
async function subscribed() {
	const o = await orgWithAdmin();
	await peopleSince(o.org.id, 3, addDays(today, -3));
	const [invoice] = await startSubscription({ actor: 'operator', organizationId: o.org.id, input: { currency: 'EUR' } });
	return { ...o, invoice };
}

describe('/api/v1/billing', () => {
	it('answers 401 without auth and 403 to a viewer, on every billing endpoint', async () => {
		const o = await orgWithAdmin();
		const viewer = await sessionCookie(await createTestActor(o.org.id, 'viewer'));
		for (const path of ['/api/v1/billing', '/api/v1/billing/invoices', `/api/v1/billing/invoices/${randomUUID()}`]) {
			expect((await call('GET', path)).status, path).toBe(401);
			const r = await call('GET', path, { cookie: viewer });
			expect(r.status, path).toBe(403);
			expect(r.data.error.code).toBe('forbidden');
		}
	});

	it('tells an admin’s token the plan, the users counted and the next invoice, and lists and shows the invoices', async () => {
		const o = await subscribed();
		const { secret: token } = await createApiToken({ organizationId: o.org.id, actor: o.admin, input: { name: 'books' } });
		const status = await call('GET', '/api/v1/billing', { token });
		expect(status.status).toBe(200);
		expect(status.data).toMatchObject({
			standing: { state: 'active' },
			subscription: { plan: 'subscription', currency: 'EUR', unitPriceMinor: expect.any(Number), periodStart: today, periodEnd: addMonths(today, 12) },
			countedUsers: 4,
			minimumUsers: expect.any(Number)
		});
		expect(Array.isArray(status.data.nextInvoices)).toBe(true);

		const list = await call('GET', '/api/v1/billing/invoices', { token });
		expect(list.status).toBe(200);
		expect(list.data.invoices).toEqual([
			expect.objectContaining({
				id: o.invoice.id,
				number: o.invoice.number,
				kind: 'invoice',
				status: 'open',
				currency: 'EUR',
				totalMinor: o.invoice.totalMinor
			})
		]);
		// A list item holds no party's details.
		expect(Object.keys(list.data.invoices[0])).not.toContain('buyer');

		const one = await call('GET', `/api/v1/billing/invoices/${o.invoice.id}`, { token });
		expect(one.status).toBe(200);
		expect(one.data).toMatchObject({ number: o.invoice.number, buyer: { organizationName: o.org.name }, seller: { name: expect.any(String) } });
		expect(one.data.lines.reduce((s: number, l: { amount: number }) => s + l.amount, 0)).toBe(one.data.netMinor);
	});

	it('answers 404 for another organization’s invoice and for a malformed id', async () => {
		const a = await subscribed();
		const b = await orgWithAdmin();
		expect((await call('GET', `/api/v1/billing/invoices/${a.invoice.id}`, { cookie: b.cookie })).status).toBe(404);
		expect((await call('GET', '/api/v1/billing/invoices/nope', { cookie: b.cookie })).status).toBe(404);
		expect((await call('GET', '/api/v1/billing/invoices', { cookie: b.cookie })).data).toEqual({ invoices: [] });
	});

	it('shows a trial with its end and no invoice to come', async () => {
		const o = await orgWithAdmin();
		await startTrial({ organizationId: o.org.id, today });
		const r = await call('GET', '/api/v1/billing', { cookie: o.cookie });
		expect(r.data).toMatchObject({ standing: { state: 'trial' }, subscription: { plan: 'trial' }, nextInvoices: [] });
	});
});

async function operatorCookie() {
	const acc = await db()
		.insertInto('accounts')
		.values({ email: uniqueEmail('operator'), is_operator: true })
		.returning('id')
		.executeTakeFirstOrThrow();
	return `sos_session=${(await createSession({ accountId: acc.id, organizationId: null })).token}`;
}

describe('/api/v1/operator/billing', () => {
	it('is the signed-in operator’s only: 401 anonymous, 403 for an admin and for an API token', async () => {
		const o = await orgWithAdmin();
		const { secret: token } = await createApiToken({ organizationId: o.org.id, actor: o.admin, input: { name: 'books' } });
		for (const path of ['/api/v1/operator/billing', '/api/v1/operator/billing/invoices']) {
			expect((await call('GET', path)).status, path).toBe(401);
			expect((await call('GET', path, { cookie: o.cookie })).status, path).toBe(403);
			expect((await call('GET', path, { token })).status, path).toBe(403);
		}
	});

	it('lists every organization’s standing and what it owes, and the invoices of a range', async () => {
		const o = await subscribed();
		const cookie = await operatorCookie();
		const all = await call('GET', '/api/v1/operator/billing', { cookie });
		expect(all.status).toBe(200);
		expect(all.data.organizations.find((x: { id: string }) => x.id === o.org.id)).toMatchObject({
			standing: { state: 'active' },
			open: [{ currency: 'EUR', amountMinor: o.invoice.totalMinor }]
		});
		const range = await call('GET', `/api/v1/operator/billing/invoices?from=${today}&to=${today}`, { cookie });
		expect(range.status).toBe(200);
		expect(range.data.invoices).toContainEqual(expect.objectContaining({ id: o.invoice.id, organizationId: o.org.id, organizationName: o.org.name }));
		const before = await call('GET', '/api/v1/operator/billing/invoices?from=2020-01-01&to=2020-01-31', { cookie });
		expect(before.data).toEqual({ from: '2020-01-01', to: '2020-01-31', invoices: [] });
		for (const q of ['from=yesterday', 'from=2027-02-30', `from=${today}&to=2020-01-01`, 'limit=5']) {
			const bad = await call('GET', `/api/v1/operator/billing/invoices?${q}`, { cookie });
			expect(bad.status, q).toBe(400);
		}
	});
});

describe('the billing pages', () => {
	it('are for admins (app) and the operator (operator) only', async () => {
		const o = await orgWithAdmin();
		const viewer = await sessionCookie(await createTestActor(o.org.id, 'viewer'));
		expect((await getPage('/app/billing')).status).toBe(303);
		expect((await getPage('/app/billing', { cookie: viewer })).status).toBe(403);
		expect((await getPage('/operator/billing', { cookie: o.cookie })).status).toBe(403);
		expect((await getPage(`/operator/organizations/${o.org.id}/billing`, { cookie: o.cookie })).status).toBe(403);
		expect((await postForm('/operator/billing?/settings', {}, { cookie: o.cookie })).status).toBe(403);
	});

	it('let an admin save the billing details: a bad VAT format is shown with Swedish VAT, a bad Peppol id refused', async () => {
		const o = await orgWithAdmin();
		const fields = {
			legalName: 'Acme GmbH',
			address: 'Hauptstraße 1, Berlin',
			country: 'DE',
			vatNumber: 'DE 1234',
			contactName: 'Ada',
			contactEmail: 'ada@example.test',
			language: 'en',
			peppolId: ''
		};
		expect((await postForm('/app/billing?/details', { ...fields, peppolId: 'nope' }, { cookie: o.cookie })).status).toBe(400);
		const saved = await postForm('/app/billing?/details', fields, { cookie: o.cookie });
		expect(saved.status).toBe(200);
		const page = await getPage('/app/billing', { cookie: o.cookie });
		expect(page.status).toBe(200);
		expect(page.text).toContain('DE1234');
		expect(page.text).toContain('Not a valid format for DE');
	});
});
