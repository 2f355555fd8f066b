import { db } from '$lib/server/db';
import { saveBillingSettings } from '$lib/server/billing/settings';
import { createTestOrganization, createTestTeam, uniqueEmail } from './fixtures';

export const SELLER = {
	name: 'SOS Sales Management AB',
	address: 'Sveavägen 1\n111 57 Stockholm',
	country: 'SE',
	organizationNumber: '556677-8899',
	vatNumber: 'SE556677889901',
	email: 'billing@sos.example',
	bankgiro: '123-4567',
	iban: 'SE4550000000058398257466',
	bic: 'ESSESESS'
};

/** The operator's billing settings as tests want them: the seller set, default terms and prices. */
export async function setUpBilling(overrides: Record<string, unknown> = {}) {
	await saveBillingSettings({
		actor: 'operator@sos.example',
		input: {
			seller: SELLER,
			paymentTermsDays: 30,
			minimumUsers: 5,
			trialMonths: 2,
			trialUserLimit: 30,
			lapseAfterDays: 30,
			prices: { EUR: 4, SEK: 39 },
			...overrides
		}
	});
}

/** The operator's billing settings with a seller (no invoice is issued without one). */
export const setSeller = () => setUpBilling();

/** `n` people of a new team in the organization who have had their role since `since` (a date), as if added then. */
export async function peopleSince(organizationId: string, n: number, since: string) {
	const team = await createTestTeam(organizationId, n, { name: `Team ${since} ${Math.random().toString(36).slice(2, 8)}`, emailPrefix: `since-${since}-` });
	await db()
		.updateTable('billable_presence')
		.set({ from_at: new Date(`${since}T12:00:00Z`) })
		.where('organization_id', '=', organizationId)
		.where('email', 'in', team.emails)
		.execute();
	return team.emails;
}

/** `n` people added to the organization, their role counted from `from` (a date in Stockholm). */
export async function addPeople(organizationId: string, n: number, from: string, access: 'participant' | 'viewer' | 'admin' = 'participant') {
	const emails = Array.from({ length: n }, () => uniqueEmail('billed'));
	if (!n) return emails;
	await db()
		.insertInto('users')
		.values(emails.map((email, i) => ({ organization_id: organizationId, name: `Billed ${i}`, email, access })))
		.execute();
	await db()
		.updateTable('billable_presence')
		.set({ from_at: new Date(`${from}T09:00:00Z`) })
		.where('organization_id', '=', organizationId)
		.where('email', 'in', emails)
		.execute();
	return emails;
}

/** Removes people, their role ending on `on`. */
export async function removePeople(organizationId: string, emails: string[], on: string) {
	await db().deleteFrom('users').where('organization_id', '=', organizationId).where('email', 'in', emails).execute();
	await db()
		.updateTable('billable_presence')
		.set({ until_at: new Date(`${on}T09:00:00Z`) })
		.where('organization_id', '=', organizationId)
		.where('email', 'in', emails)
		.execute();
}

/** An organization in `country` with billing details (VAT number, language) and no people yet. */
export async function billedOrganization(opts: { country?: string; vatNumber?: string; language?: 'en' | 'sv' } = {}) {
	const org = await createTestOrganization();
	await db()
		.insertInto('billing_accounts')
		.values({
			organization_id: org.id,
			legal_name: `${org.name} AB`,
			address: 'Storgatan 1\n411 01 Göteborg',
			country: opts.country ?? 'SE',
			vat_number: opts.vatNumber ?? '',
			contact_name: 'Karin Ek',
			contact_email: uniqueEmail('billing'),
			language: opts.language ?? 'en'
		})
		.execute();
	return org;
}

/** A moment on a Stockholm date (midday, so the date is the same in UTC). */
export const on = (date: string) => new Date(`${date}T11:00:00Z`);
