import { db } from '$lib/server/db';
import { saveBillingSettings } from '$lib/server/billing/settings';
import { createTestTeam } from './fixtures';

/** The operator's billing settings with a seller (no invoice is issued without one): 4 EUR / 39 SEK, at least 5 users. */
export async function setSeller() {
	await saveBillingSettings({
		actor: 'operator@example.test',
		input: {
			seller: {
				name: 'SOS Sverige AB',
				address: 'Storgatan 1\n111 22 Stockholm',
				country: 'SE',
				organizationNumber: '556000-0000',
				vatNumber: 'SE556000000001',
				email: 'billing@sos.example.test',
				bankgiro: '123-4567',
				iban: '',
				bic: ''
			},
			paymentTermsDays: 30,
			minimumUsers: 5,
			trialMonths: 2,
			trialUserLimit: 30,
			lapseAfterDays: 30,
			prices: { EUR: 4, SEK: 39 }
		}
	});
}

/** `n` people in the organization who have had their role since `since` (a date), as if added then. */
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

/** Noon in Stockholm-safe UTC on a date: a `now` that is that date for billing. */
export const on = (date: string) => new Date(`${date}T10:00:00Z`);
