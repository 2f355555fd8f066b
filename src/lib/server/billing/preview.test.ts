import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestOrganization } from '$tests/fixtures';
import { useOwnDatabase } from '$tests/own-database';
import { on, peopleSince, setSeller } from '$tests/billing';
import { addDays, addMonths, daysBetween, dateIn } from './dates';
import { lineAmount, vatOf } from './money';
import { countedUsers, invoicePreview } from './preview';
import { loadInvoice } from './queries';
import { runBilling } from './run';
import { startSubscription, startTrial } from './subscriptions';

// A database of its own: billing tests issue invoices, which are never deleted, and other files delete organizations.
let restoreDb: () => Promise<void>;
beforeAll(async () => {
	restoreDb = await useOwnDatabase('sos_billing_preview');
	await setSeller();
});
afterAll(() => restoreDb());

const today = dateIn(new Date());

describe('counted users and the next invoice', () => {
	it('list everyone with a role in the period from their first day, removed people included, and preview the pro-rata line that billing then issues', async () => {
		const org = await createTestOrganization();
		const start = addDays(today, -10);
		const early = await peopleSince(org.id, 4, addDays(start, -30));
		await startSubscription({ actor: 'operator', organizationId: org.id, input: { currency: 'EUR', startsOn: start } });
		// 4 people, billed at the minimum of 5 in advance; two more join today: the 6th is one seat more.
		const late = await peopleSince(org.id, 2, today);
		await db().deleteFrom('users').where('organization_id', '=', org.id).where('email', '=', early[0]).execute();

		const counted = await countedUsers(org.id);
		expect(counted.period).toEqual({ start, end: addMonths(start, 12) });
		expect(counted.minimum).toBe(5);
		expect(counted.users).toHaveLength(6);
		expect(counted.users.filter((u) => u.since === start).map((u) => u.email)).toEqual([...early].sort());
		expect(counted.users.filter((u) => u.since === today).map((u) => u.email)).toEqual([...late].sort());
		expect(counted.users.find((u) => u.email === early[0])).toMatchObject({ name: null, access: null });
		expect(counted.users.find((u) => u.email === late[0])).toMatchObject({ name: expect.any(String), access: 'participant' });

		const [preview, ...more] = await invoicePreview(org.id);
		expect(more).toEqual([]);
		const periodEnd = addMonths(start, 12);
		const amount = lineAmount(1, 400, daysBetween(today, periodEnd), daysBetween(start, periodEnd));
		expect(preview).toMatchObject({
			issueOn: addMonths(start, 1),
			reason: 'additions',
			currency: 'EUR',
			vatTreatment: 'standard',
			vatRateBp: 2500,
			netMinor: amount,
			vatMinor: vatOf(amount, 2500),
			totalMinor: amount + vatOf(amount, 2500)
		});
		expect(preview.lines).toEqual([expect.objectContaining({ fromOn: today, users: 1, unitPrice: 400, amount })]);

		// Nothing was written; at the preview's date, billing issues just that.
		const [issued, ...others] = await runBilling({ organizationId: org.id, now: on(preview.issueOn) });
		expect(others).toEqual([]);
		const invoice = await loadInvoice(org.id, issued.id);
		expect(invoice.lines.map(({ position: _, ...l }) => l)).toEqual(preview.lines);
		expect(invoice.totalMinor).toBe(preview.totalMinor);
	});

	it('at a renewal, preview the last month’s additions and then the next 12 months for the users now', async () => {
		const org = await createTestOrganization();
		const start = addDays(addMonths(today, -12), 3);
		await peopleSince(org.id, 4, addDays(start, -1));
		await startSubscription({ actor: 'operator', organizationId: org.id, input: { currency: 'SEK', startsOn: start } });
		await peopleSince(org.id, 2, today);
		const end = addMonths(start, 12);
		const previews = await invoicePreview(org.id);
		expect(previews.map((p) => [p.reason, p.issueOn, p.period.start])).toEqual([
			['additions', end, start],
			['period', end, end]
		]);
		expect(previews[0].lines).toEqual([expect.objectContaining({ fromOn: today, users: 1, unitPrice: 3900 })]);
		expect(previews[1].lines).toEqual([expect.objectContaining({ fromOn: end, toOn: addMonths(end, 12), users: 6, amount: 6 * 3900 * 12 })]);
	});

	it('on a trial: the people with a role now, since when, and no invoice to preview', async () => {
		const org = await createTestOrganization();
		await startTrial({ organizationId: org.id, today });
		const emails = await peopleSince(org.id, 3, addDays(today, -5));
		const counted = await countedUsers(org.id);
		expect(counted.period).toBeNull();
		expect(counted.users.map((u) => [u.email, u.since])).toEqual([...emails].sort().map((e) => [e, addDays(today, -5)]));
		expect(await invoicePreview(org.id)).toEqual([]);
	});

	it('a subscription that has ended previews nothing', async () => {
		const org = await createTestOrganization();
		await peopleSince(org.id, 2, addDays(today, -400));
		await startSubscription({ actor: 'operator', organizationId: org.id, input: { currency: 'EUR', startsOn: addDays(today, -20) } });
		await db().updateTable('subscriptions').set({ ends_on: today }).where('organization_id', '=', org.id).execute();
		expect(await invoicePreview(org.id)).toEqual([]);
	});
});

describe('the preview while billing is due today', () => {
	it('shows what the next date brings when today’s run would issue nothing', async () => {
		const org = await createTestOrganization();
		const start = addMonths(today, -2);
		await peopleSince(org.id, 6, addDays(start, -1));
		await startSubscription({ actor: 'operator', organizationId: org.id, input: { currency: 'EUR', startsOn: start }, now: on(start) });
		// The job has not run since the start; someone joins today: today's run bills nothing new (they count from the next boundary).
		await peopleSince(org.id, 1, today);
		const [p, ...more] = await invoicePreview(org.id);
		expect(more).toEqual([]);
		expect(p).toMatchObject({ issueOn: addMonths(start, 3), reason: 'additions', lines: [expect.objectContaining({ fromOn: today, users: 1 })] });
	});
});
